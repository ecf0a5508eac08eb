package com.balcao.app.whatsapp;

import com.balcao.app.config.Daos;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.balcao.app.web.AppException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The only way out to WhatsApp: a message becomes an outbox row in the caller's transaction
 * (together with the message itself), and the sender delivers it after the commit. Nothing is
 * sent that was not first stored.
 */
public final class Outbox {
    private final Jdbi jdbi;
    private final NumberRegistry numbers;
    private final ObjectMapper json;
    private final Runnable wake;
    private final Clock clock;

    Outbox(Jdbi jdbi, NumberRegistry numbers, ObjectMapper json, Runnable wake, Clock clock) {
        this.jdbi = jdbi;
        this.numbers = numbers;
        this.json = json;
        this.wake = wake;
        this.clock = clock;
    }

    /**
     * Queues message {@code messageId} for {@code recipient} (a wa_id or a business-scoped
     * user id) on number {@code numberId}; call {@link #wake} after the commit. A deactivated
     * number sends nothing: 409.
     */
    public void enqueue(Handle handle, long messageId, long numberId, String recipient,
                        Outgoing content, String contextWamid, String callbackData) {
        if (numbers.byId(numberId).filter(BusinessNumber::active).isEmpty()) {
            throw new AppException(Response.Status.CONFLICT, "number_inactive",
                "wa_number_inactive");
        }
        Long mediaId = content instanceof Outgoing.Media media && media.link() == null
            ? media.mediaId() : null;
        String body = write(GraphBodies.message(recipient, content, contextWamid, callbackData));
        Daos.on(handle, OutboxDao.class).insert(messageId, numberId, recipient, "message", body,
            mediaId, clock.instant());
    }

    /** Queues a read receipt (blue ticks) for a customer's message. */
    public void markRead(long numberId, String recipient, String wamid) {
        jdbi.onDemand(OutboxDao.class).insert(null, numberId, recipient, "read",
            write(GraphBodies.markRead(wamid)), null, clock.instant());
        wake();
    }

    /** Tells the sender there is new work, so it does not wait for its next poll. */
    public void wake() {
        wake.run();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
