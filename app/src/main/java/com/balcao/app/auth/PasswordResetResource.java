package com.balcao.app.auth;

import com.balcao.app.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The public side of password reset: ask for one, then redeem the admin's code. */
@Path("/password-reset")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class PasswordResetResource {
    private final PasswordResets resets;

    PasswordResetResource(PasswordResets resets) {
        this.resets = resets;
    }

    @GET
    public PasswordResetViews.RequestView requestPage(@Context Page page) {
        return new PasswordResetViews.RequestView(page, false);
    }

    @POST
    public PasswordResetViews.RequestView request(@Context Page page,
                                                  @Context HttpServletRequest http,
                                                  @FormParam("email") String email) {
        resets.request(email, Client.of(http));
        return new PasswordResetViews.RequestView(page, true);
    }

    @GET
    @Path("redeem")
    public PasswordResetViews.RedeemView redeemPage(@Context Page page) {
        return new PasswordResetViews.RedeemView(page, "", null);
    }

    @POST
    @Path("redeem")
    public Response redeem(@Context Page page, @Context HttpServletRequest http,
                           @FormParam("email") String email, @FormParam("code") String code,
                           @FormParam("password") String password,
                           @FormParam("confirmation") String confirmation) {
        String shownEmail = email == null ? "" : email;
        String problem = PasswordRules.problem(page, password, confirmation);
        if (problem != null) {
            return Response.status(422)
                .entity(new PasswordResetViews.RedeemView(page, shownEmail, problem)).build();
        }
        return switch (resets.redeem(email, code, password, Client.of(http))) {
            case DONE -> Response.seeOther(URI.create("/login?reset=1")).build();
            case INVALID -> Response.status(422).entity(new PasswordResetViews.RedeemView(page,
                shownEmail, page.text("reset_code_invalid"))).build();
            case LOCKED -> Response.status(429).entity(new PasswordResetViews.RedeemView(page,
                shownEmail, page.text("reset_locked"))).build();
        };
    }
}
