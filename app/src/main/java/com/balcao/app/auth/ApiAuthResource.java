package com.balcao.app.auth;

import com.balcao.app.users.User;
import com.balcao.app.web.AppException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Token authentication for the REST API: login, refresh (rotating), logout and "who am I". */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ApiAuthResource {
    static final String CHANNEL = "API";
    private final LoginService logins;
    private final ApiTokens tokens;
    private final StaffDirectory directory;

    ApiAuthResource(LoginService logins, ApiTokens tokens, StaffDirectory directory) {
        this.logins = logins;
        this.tokens = tokens;
        this.directory = directory;
    }

    /** Credentials; {@code totpCode} is required for accounts with two-factor sign-in. */
    public record LoginRequest(@NotBlank String email, @NotBlank String password, String totpCode) {
    }

    public record RefreshRequest(@NotBlank String refreshToken) {
    }

    /** The signed-in person as the API shows them. */
    public record Me(long id, String email, String name, String role, String locale,
                     List<Long> departmentIds) {
    }

    /** Exchanges credentials for an access token (15 min) and a refresh token. */
    @POST
    @Path("login")
    public ApiTokens.Pair login(@NotNull @Valid LoginRequest request,
                                @Context HttpServletRequest http) {
        Client client = Client.of(http);
        LoginService.Result result = logins.checkPassword(request.email(), request.password(),
            client, CHANNEL);
        if (result instanceof LoginService.Accepted accepted && accepted.user().totpEnabled()) {
            if (request.totpCode() == null || request.totpCode().isBlank()) {
                throw new AppException(Response.Status.UNAUTHORIZED, "totp_required",
                    "api_totp_required");
            }
            result = logins.checkSecondFactor(accepted.user(), request.totpCode(), client, CHANNEL);
        }
        User user = accepted(result);
        if (user.mustChangePassword()) {
            throw new AppException(Response.Status.FORBIDDEN, "password_change_required",
                "api_password_change_required");
        }
        return tokens.issue(user.id());
    }

    /** Rotates a refresh token: the old one stops working, reusing it revokes the family. */
    @POST
    @Path("refresh")
    public ApiTokens.Pair refresh(@NotNull @Valid RefreshRequest request) {
        return tokens.refresh(request.refreshToken(),
                userId -> directory.findActive(userId).isPresent())
            .orElseThrow(() -> new AppException(Response.Status.UNAUTHORIZED,
                "invalid_refresh_token", "api_invalid_refresh_token"));
    }

    /** Revokes the refresh token (and its family). */
    @POST
    @Path("logout")
    public Response logout(@NotNull @Valid RefreshRequest request) {
        tokens.revoke(request.refreshToken());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
    public Me me(@Auth Staff staff) {
        return new Me(staff.id(), staff.email(), staff.name(), staff.role().name(), staff.locale(),
            staff.departmentIds().stream().sorted().toList());
    }

    private static User accepted(LoginService.Result result) {
        if (result instanceof LoginService.Accepted accepted) {
            return accepted.user();
        }
        if (result instanceof LoginService.Locked locked) {
            throw new LockedException(locked.until());
        }
        throw new AppException(Response.Status.UNAUTHORIZED, "invalid_credentials",
            "api_invalid_credentials");
    }
}
