package com.balcao.app.users;

import com.balcao.app.auth.Auth;
import com.balcao.app.auth.Session;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

/** What a person changes about themselves: name, language, password, picture. */
final class ProfileService {
    private final UserDao users;
    private final UserService service;
    private final AvatarStore avatars;
    private final Auth auth;
    private final Clock clock;

    ProfileService(UserDao users, UserService service, AvatarStore avatars, Auth auth,
                   Clock clock) {
        this.users = users;
        this.service = service;
        this.avatars = avatars;
        this.auth = auth;
        this.clock = clock;
    }

    User user(long id) {
        return service.find(id);
    }

    void updateOwn(long id, String name, String locale) {
        users.updateOwnProfile(id, name, locale, clock.instant());
    }

    /**
     * Changes the password when the current one is right. Every session and API token of the
     * person ends; the returned id is a fresh session for this browser.
     */
    Optional<String> changePassword(long id, String current, String replacement) {
        if (!service.changeOwnPassword(id, current, replacement)) {
            return Optional.empty();
        }
        auth.signOutEverywhere(id);
        return Optional.of(auth.sessions().create(id, Session.Stage.SIGNED_IN).id());
    }

    /** Stores a new picture (dropping the old one), or says why it was refused. */
    Optional<AvatarStore.Problem> saveAvatar(long id, InputStream upload) throws IOException {
        Object result = avatars.save(id, upload);
        if (result instanceof AvatarStore.Problem problem) {
            return Optional.of(problem);
        }
        User user = service.find(id);
        users.setAvatar(id, (String) result, clock.instant());
        avatars.delete(user.avatarFile());
        return Optional.empty();
    }

    Optional<AvatarStore.Image> avatar(long userId) throws IOException {
        Optional<User> user = users.findById(userId);
        if (user.isEmpty() || user.get().avatarFile() == null) {
            return Optional.empty();
        }
        return avatars.read(user.get().avatarFile());
    }
}
