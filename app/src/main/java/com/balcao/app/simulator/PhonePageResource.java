package com.balcao.app.simulator;

import com.balcao.app.auth.Role;
import com.balcao.app.web.Page;
import com.balcao.app.whatsapp.WhatsApp;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The customer phone page of the simulator, for signed-in staff. */
@Path("/simulator/phone")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class PhonePageResource {
    static final String DEFAULT_CUSTOMER = "5511987654321";
    private final WhatsApp whatsApp;

    PhonePageResource(WhatsApp whatsApp) {
        this.whatsApp = whatsApp;
    }

    /** The phone, opened on one customer's chat. */
    @GET
    public PhoneView page(@Context Page page,
                          @QueryParam("customer") @DefaultValue(DEFAULT_CUSTOMER) String customer) {
        return new PhoneView(page, whatsApp.numbers(), PhoneResource.digits(customer));
    }
}
