package com.balcao.app.simulator;

import com.balcao.app.auth.Role;
import com.balcao.app.web.AppException;
import com.balcao.app.web.CsrfFilter;
import com.balcao.app.web.Page;
import com.balcao.app.whatsapp.WhatsApp;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * The customer phone's API: a person plays a customer, writing to the business through signed
 * webhooks and reading the business's answers as the fake Graph API received them.
 */
@Path("/simulator/api/phone")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class PhoneResource {
    private final Phone phone;
    private final FakeGraph graph;
    private final WebhookPoster poster;
    private final WhatsApp whatsApp;

    PhoneResource(Phone phone, FakeGraph graph, WebhookPoster poster, WhatsApp whatsApp) {
        this.phone = phone;
        this.graph = graph;
        this.poster = poster;
        this.whatsApp = whatsApp;
    }

    /** What the customer does: types text, taps a button, or sends a picture. */
    public record CustomerAction(String number, String customer, String name, String text,
                                 String buttonId, String contextId, boolean image) {
    }

    /** The wamid of the customer's message and how our webhook answered it. */
    public record Delivered(String wamid, int webhookStatus) {
    }

    /** A bubble of the customer's chat. */
    public record Bubble(String id, String side, String type, String text,
                         List<Choice> buttons, Instant at, String status) {
    }

    /** A button the customer can tap. */
    public record Choice(String id, String title) {
    }

    /** The customer's chat, oldest first. */
    @GET
    @Path("chat")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Bubble> chat(@QueryParam("customer") String customer) {
        return phone.chat(digits(customer)).stream().map(entry -> new Bubble(entry.id,
            entry.side, entry.type, entry.text, entry.buttons.stream()
            .map(button -> new Choice(button[0], button[1])).toList(), entry.at, entry.status))
            .toList();
    }

    /**
     * Posts the customer's action to our webhook, signed like Meta; 200 once the webhook
     * took it, 502 with its status otherwise.
     */
    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response type(@Context Page page, @HeaderParam(CsrfFilter.HEADER) String csrf,
                         CustomerAction action) {
        SimulatorAdminResource.requireCsrf(page, csrf);
        if (action == null || (action.text() == null || action.text().isBlank())
            && !action.image() || action.text() != null && action.text().length() > 4096) {
            throw new AppException(AppException.UNPROCESSABLE, "invalid_message",
                "simulator_invalid_message");
        }
        String number = number(action.number());
        String customer = digits(action.customer());
        String name = action.name() == null || action.name().isBlank() ? "Cliente Demo"
            : action.name().strip();
        String imageId = action.image() ? graph.storeMedia(SampleMedia.PNG, "image/png") : null;
        var value = phone.typed(poster.messagesValue(number), customer,
            name.length() > 60 ? name.substring(0, 60) : name, action.text(), action.buttonId(),
            action.contextId(), imageId);
        int status = poster.post(number, "messages", value, null);
        String wamid = value.path("messages").path(0).path("id").asText();
        return Response.status(status == 200 ? 200 : 502).entity(new Delivered(wamid, status))
            .build();
    }

    private String number(String requested) {
        List<WhatsApp.NumberInfo> numbers = whatsApp.numbers();
        return numbers.stream().map(WhatsApp.NumberInfo::phoneNumberId)
            .filter(id -> id.equals(requested)).findFirst()
            .or(() -> numbers.stream().map(WhatsApp.NumberInfo::phoneNumberId).findFirst())
            .orElseThrow(() -> new AppException(AppException.UNPROCESSABLE, "no_number",
                "simulator_no_number"));
    }

    static String digits(String customer) {
        String digits = customer == null ? "" : customer.replaceAll("\\D", "");
        if (digits.length() < 8 || digits.length() > 15) {
            throw new AppException(AppException.UNPROCESSABLE, "invalid_customer",
                "simulator_invalid_customer");
        }
        return digits;
    }
}
