package com.balcao.app.auth;

import com.balcao.app.users.User;
import com.balcao.app.users.UserDao;
import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Turning two-factor sign-in on and off from one's own profile. */
@Path("/profile/2fa")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class TwoFactorResource {
    private final TwoFactor twoFactor;
    private final UserDao users;
    private final PasswordHasher hasher;

    TwoFactorResource(TwoFactor twoFactor, UserDao users, PasswordHasher hasher) {
        this.twoFactor = twoFactor;
        this.users = users;
        this.hasher = hasher;
    }

    @GET
    public TwoFactorViews.TwoFactorView status(@Context Page page, @Auth Staff me) {
        return statusView(page, user(me), null);
    }

    @POST
    @Path("start")
    public TwoFactorViews.TwoFactorView start(@Context Page page, @Auth Staff me) {
        return new TwoFactorViews.TwoFactorView(page, false, 0, twoFactor.start(user(me)), null,
            null);
    }

    @POST
    @Path("confirm")
    public Response confirm(@Context Page page, @Auth Staff me, @FormParam("code") String code) {
        User user = user(me);
        return twoFactor.confirm(user, code)
            .map(codes -> Response.ok(new TwoFactorViews.TwoFactorView(page, true, codes.size(),
                null, codes, null)).build())
            .orElseGet(() -> Response.status(422).entity(new TwoFactorViews.TwoFactorView(page,
                false, 0, twoFactor.start(user), null, page.text("two_factor_code_invalid")))
                .build());
    }

    @POST
    @Path("disable")
    public Response disable(@Context Page page, @Auth Staff me,
                            @FormParam("password") String password) {
        User user = user(me);
        if (!hasher.verify(password, user.passwordHash())) {
            return Response.status(422)
                .entity(statusView(page, user, page.text("two_factor_password_invalid"))).build();
        }
        twoFactor.disable(user.id());
        return Response.ok(statusView(page, user(me), null)).build();
    }

    private TwoFactorViews.TwoFactorView statusView(Page page, User user, String error) {
        return new TwoFactorViews.TwoFactorView(page, user.totpEnabled(),
            twoFactor.recoveryCodesLeft(user.id()), null, List.of(), error);
    }

    private User user(Staff me) {
        return users.findById(me.id()).orElseThrow(NotFoundException::new);
    }
}
