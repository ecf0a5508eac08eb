package com.balcao.app.whatsapp;

import com.balcao.app.auth.Role;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Webhook calls that could not be processed (malformed JSON, an unknown number, repeated
 * failures) for admins to look at and, once the cause is fixed, to process again.
 */
@Path("/admin/whatsapp/inbox")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class HeldWebhooksResource {
    private static final int SHOWN = 100;
    private static final int EXCERPT = 2000;
    private final WebhookQueueDao inbox;
    private final Runnable wake;
    private final Clock clock;

    HeldWebhooksResource(WebhookQueueDao inbox, Runnable wake, Clock clock) {
        this.inbox = inbox;
        this.wake = wake;
        this.clock = clock;
    }

    /** A parked call: when, why, and the start of its body (shown escaped). */
    record Parked(long id, String receivedAt, String error, String body) {
    }

    /** The parked calls page. */
    public static final class InboxView extends PageView {
        private final List<Parked> parked;
        private final long pending;

        InboxView(Page page, List<Parked> parked, long pending) {
            super("held-webhooks.mustache", page, "wa_inbox_title", "whatsapp");
            this.parked = parked;
            this.pending = pending;
        }

        public List<Parked> getParked() {
            return parked;
        }

        public boolean isEmpty() {
            return parked.isEmpty();
        }

        public long getPending() {
            return pending;
        }
    }

    @GET
    public InboxView list(@Context Page page) {
        List<Parked> parked = inbox.parked(SHOWN).stream().map(row -> new Parked(row.id(),
            page.formatTime(row.receivedAt()), row.error(), excerpt(row.body()))).toList();
        return new InboxView(page, parked, inbox.count(WebhookQueueDao.PENDING));
    }

    /** Puts a parked call back in the queue. */
    @POST
    @Path("{id}/retry")
    public Response retry(@Context Page page, @PathParam("id") long id) {
        if (inbox.requeue(id, clock.instant()) == 0) {
            throw new NotFoundException();
        }
        wake.run();
        page.flash(page.text("wa_inbox_requeued", id));
        return Response.seeOther(URI.create("/admin/whatsapp/inbox")).build();
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }
}
