package com.balcao.app.users;

import com.balcao.app.web.Messages;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/** One's own profile: name, language, picture, password and the way to two-factor. */
final class ProfileView extends PageView {
    private final User user;
    private final List<UserViews.Option> locales;
    private final String error;

    ProfileView(Page page, User user, String error) {
        super("profile.mustache", page, "profile_title", "profile");
        this.user = user;
        this.locales = List.of(
            new UserViews.Option(Messages.PT_BR, "Português (Brasil)",
                Messages.PT_BR.equals(user.locale())),
            new UserViews.Option(Messages.EN, "English", Messages.EN.equals(user.locale())));
        this.error = error;
    }

    public User getUser() {
        return user;
    }

    public boolean isHasAvatar() {
        return user.avatarFile() != null;
    }

    public List<UserViews.Option> getLocales() {
        return locales;
    }

    public String getError() {
        return error;
    }

    public int getMaxAvatarKb() {
        return AvatarStore.MAX_BYTES / 1024;
    }
}
