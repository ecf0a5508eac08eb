package com.balcao.app.auth;

import com.balcao.app.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The panel's sign-in, second factor, owed password change and sign-out. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class LoginResource {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private final PanelLogin login;

    LoginResource(PanelLogin login) {
        this.login = login;
    }

    @GET
    @Path("login")
    public Response loginPage(@Context Page page, @QueryParam("next") String next,
                              @QueryParam("bye") String bye, @QueryParam("reset") String reset) {
        if (page.me().isPresent()) {
            return Response.seeOther(URI.create("/")).build();
        }
        String info = bye != null ? page.text("login_signed_out")
            : reset != null ? page.text("login_password_reset") : null;
        return Response.ok(new LoginViews.LoginView(page, "", next, null, info)).build();
    }

    @POST
    @Path("login")
    public Response login(@Context Page page, @Context ContainerRequestContext request,
                          @Context HttpServletRequest http, @FormParam("email") String email,
                          @FormParam("password") String password, @FormParam("next") String next) {
        PanelLogin.Step step = login.password(email, password, next, Client.of(http),
            session(request));
        if (step.result() instanceof LoginService.Accepted) {
            return Response.seeOther(step.next())
                .cookie(SessionCookies.session(step.session().id(), http.isSecure())).build();
        }
        return failed(page, step.result(), email, next);
    }

    @GET
    @Path("login/2fa")
    public Response secondFactorPage(@Context Page page, @Context ContainerRequestContext request,
                                     @QueryParam("next") String next) {
        if (pending(request, Session.Stage.SECOND_FACTOR).isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Response.ok(new LoginViews.SecondFactorView(page, next, null)).build();
    }

    @POST
    @Path("login/2fa")
    public Response secondFactor(@Context Page page, @Context ContainerRequestContext request,
                                 @Context HttpServletRequest http, @FormParam("code") String code,
                                 @FormParam("next") String next) {
        Optional<Session> current = pending(request, Session.Stage.SECOND_FACTOR);
        if (current.isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        PanelLogin.Step step = login.secondFactor(current.get(), code, next, Client.of(http));
        if (step.result() instanceof LoginService.Accepted) {
            return Response.seeOther(step.next())
                .cookie(SessionCookies.session(step.session().id(), http.isSecure())).build();
        }
        String error = step.result() instanceof LoginService.Locked locked
            ? lockedMessage(page, locked) : page.text("second_factor_invalid");
        int status = step.result() instanceof LoginService.Locked ? 429 : 401;
        return Response.status(status).entity(new LoginViews.SecondFactorView(page, next, error))
            .build();
    }

    @GET
    @Path("login/password")
    public Response requiredPasswordPage(@Context Page page,
                                         @Context ContainerRequestContext request) {
        if (pending(request, Session.Stage.PASSWORD_CHANGE).isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Response.ok(new LoginViews.RequiredPasswordView(page, null)).build();
    }

    @POST
    @Path("login/password")
    public Response requiredPassword(@Context Page page, @Context ContainerRequestContext request,
                                     @Context HttpServletRequest http,
                                     @FormParam("password") String password,
                                     @FormParam("confirmation") String confirmation) {
        Optional<Session> current = pending(request, Session.Stage.PASSWORD_CHANGE);
        if (current.isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        String error = PasswordRules.problem(page, password, confirmation);
        if (error != null) {
            return Response.status(422).entity(new LoginViews.RequiredPasswordView(page, error))
                .build();
        }
        Session session = login.changeRequiredPassword(current.get(), password);
        return Response.seeOther(URI.create("/"))
            .cookie(SessionCookies.session(session.id(), http.isSecure())).build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context ContainerRequestContext request,
                           @Context HttpServletRequest http) {
        session(request).ifPresent(login::logout);
        return Response.seeOther(URI.create("/login?bye=1"))
            .cookie(SessionCookies.expiredSession(http.isSecure())).build();
    }

    private Response failed(Page page, LoginService.Result result, String email, String next) {
        boolean locked = result instanceof LoginService.Locked;
        String error = locked ? lockedMessage(page, (LoginService.Locked) result)
            : page.text("login_invalid");
        String shownEmail = email == null ? "" : email;
        return Response.status(locked ? 429 : 401)
            .entity(new LoginViews.LoginView(page, shownEmail, next, error, null)).build();
    }

    private static String lockedMessage(Page page, LoginService.Locked locked) {
        ZoneId zone = page.zone();
        return page.text("login_locked", HOUR.format(locked.until().atZone(zone)));
    }

    private static Optional<Session> session(ContainerRequestContext request) {
        return Optional.ofNullable((Session) request.getProperty(RequestAuthFilter.SESSION_PROPERTY));
    }

    private static Optional<Session> pending(ContainerRequestContext request, Session.Stage stage) {
        return session(request).filter(session -> session.stage() == stage);
    }
}
