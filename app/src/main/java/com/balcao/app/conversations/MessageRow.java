package com.balcao.app.conversations;

import java.time.Instant;

/** A message of a conversation, with the public facts of its media file. */
public record MessageRow(long id, String publicId, long conversationId, String direction,
                  String waMessageId, String type, String body, String caption, Long mediaId,
                  String mediaPublicId, String mediaMimeType, String mediaFilename,
                  Long mediaSize, String mediaState, String contextWaId, String payload,
                  String status, Integer errorCode, String errorTitle, String errorDetail,
                  Long senderUserId, Instant sentAt, Instant createdAt, String senderKind) {

    /** Who wrote it, as the API shows: customer, agent, bot or the business phone. */
    String sender() {
        if (senderKind != null) {
            return senderKind;
        }
        if ("inbound".equals(direction)) {
            return "customer";
        }
        return senderUserId != null ? "agent" : null;
    }
}
