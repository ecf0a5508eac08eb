package com.balcao.app.conversations;

import java.time.Instant;

/** A message of a conversation, with the public facts of its media file. */
public record MessageRow(long id, String publicId, long conversationId, Direction direction,
                  String waMessageId, String type, String body, String caption, Long mediaId,
                  String mediaPublicId, String mediaMimeType, String mediaFilename,
                  Long mediaSize, String mediaState, String contextWaId, String payload,
                  MessageStatus status, Integer errorCode, String errorTitle, String errorDetail,
                  Long senderUserId, Instant sentAt, Instant createdAt, String senderKind) {

    /** Who wrote it, as the API shows: customer, agent, bot or the business phone. */
    String sender() {
        if (senderKind != null) {
            return senderKind;
        }
        if (direction == Direction.INBOUND) {
            return "customer";
        }
        return senderUserId != null ? "agent" : null;
    }
}
