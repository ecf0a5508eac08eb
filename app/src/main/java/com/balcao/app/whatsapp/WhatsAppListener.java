package com.balcao.app.whatsapp;

import java.util.List;

/**
 * Where the WhatsApp feature hands over what it learns: messages from customers, status
 * changes of our messages, and the outcome of each send. Implementations must be idempotent:
 * after a crash the same message or status can be delivered again.
 */
public interface WhatsAppListener {

    /**
     * A customer's message; called again with the same wamid after a crash or a replay. Throws
     * {@link UnprocessableWebhook} for a message it can never take (e.g. an unknown number).
     */
    void inbound(InboundMessage message);

    /**
     * What the business typed in the WhatsApp Business app on its phone (coexistence), to the
     * customer {@code echo.waId()}; called again with the same wamid on replays.
     */
    void echo(InboundMessage echo);

    /**
     * Status webhooks of our messages (sent, delivered, read, failed, played), in the order
     * they arrived, possibly from several webhook calls.
     */
    void statuses(List<StatusUpdate> updates);

    /** The Graph API accepted our message {@code messageId} and named it {@code wamid}. */
    void accepted(long messageId, String wamid);

    /** Our message {@code messageId} will not be sent; {@code failure} says why. */
    void failed(long messageId, SendFailure failure);

    /** The file of message media {@code mediaId} was downloaded (or given up on). */
    void mediaChanged(long mediaId);
}
