package com.balcao.app.users;

import com.balcao.app.auth.PasswordRules;
import com.balcao.app.auth.Role;
import com.balcao.app.auth.SessionCookies;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.Messages;
import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.glassfish.jersey.media.multipart.FormDataParam;

/** One's own profile and the staff pictures shown across the panel. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class ProfileResource {
    private static final URI PROFILE = URI.create("/profile");
    private final ProfileService profiles;

    ProfileResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @Path("profile")
    public ProfileView show(@Context Page page, @Auth Staff me) {
        return new ProfileView(page, profiles.user(me.id()), null);
    }

    @POST
    @Path("profile")
    public Response update(@Context Page page, @Auth Staff me, @FormParam("name") String name,
                           @FormParam("locale") String locale) {
        String cleanName = name == null ? "" : name.trim();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            return Response.status(422).entity(new ProfileView(page, profiles.user(me.id()),
                page.text("user_name_invalid"))).build();
        }
        String language = Messages.EN.equals(locale) ? Messages.EN : Messages.PT_BR;
        profiles.updateOwn(me.id(), cleanName, language);
        return saved(page, "profile_saved");
    }

    @POST
    @Path("profile/password")
    public Response changePassword(@Context Page page, @Auth Staff me,
                                   @Context HttpServletRequest http,
                                   @FormParam("current") String current,
                                   @FormParam("password") String password,
                                   @FormParam("confirmation") String confirmation) {
        String problem = PasswordRules.problem(page, password, confirmation);
        if (problem != null) {
            return Response.status(422)
                .entity(new ProfileView(page, profiles.user(me.id()), problem)).build();
        }
        return profiles.changePassword(me.id(), current, password)
            .map(session -> Response.seeOther(PROFILE)
                .cookie(SessionCookies.session(session, http.isSecure())).build())
            .orElseGet(() -> Response.status(422).entity(new ProfileView(page,
                profiles.user(me.id()), page.text("profile_current_password_wrong"))).build());
    }

    @POST
    @Path("profile/avatar")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadAvatar(@Context Page page, @Auth Staff me,
                                 @FormDataParam("avatar") InputStream file) throws IOException {
        if (file == null) {
            return Response.status(422).entity(new ProfileView(page, profiles.user(me.id()),
                page.text("avatar_not_an_image"))).build();
        }
        return profiles.saveAvatar(me.id(), file)
            .map(problem -> Response.status(problem == AvatarStore.Problem.TOO_LARGE ? 413 : 415)
                .entity(new ProfileView(page, profiles.user(me.id()), page.text(
                    problem == AvatarStore.Problem.TOO_LARGE ? "avatar_too_large"
                        : "avatar_not_an_image", AvatarStore.MAX_BYTES / 1024))).build())
            .orElseGet(() -> saved(page, "profile_avatar_saved"));
    }

    @GET
    @Path("avatars/{userId}")
    @Produces({"image/png", "image/jpeg", "image/gif", "image/webp"})
    public Response avatar(@PathParam("userId") long userId) throws IOException {
        AvatarStore.Image image = profiles.avatar(userId).orElseThrow(NotFoundException::new);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(300);
        return Response.ok(image.bytes(), image.mediaType()).cacheControl(cache).build();
    }

    private Response saved(Page page, String messageKey) {
        page.flash(messageKey);
        return Response.seeOther(PROFILE).build();
    }
}
