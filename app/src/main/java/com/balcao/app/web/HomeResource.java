package com.balcao.app.web;

import com.balcao.app.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The first page after sign-in. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class HomeResource {

    @GET
    public HomeView home(@Context Page page) {
        return new HomeView(page);
    }

    /** Greeting and the way to each area the person may use. */
    public static final class HomeView extends PageView {
        HomeView(Page page) {
            super("home.mustache", page, "home_title", "home");
        }
    }
}
