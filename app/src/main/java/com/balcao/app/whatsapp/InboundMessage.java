package com.balcao.app.whatsapp;

import java.time.Instant;

/**
 * One customer message from a webhook. Only {@code wamid}, {@code timestamp} and {@code type}
 * are always present; {@code waId} is missing for users known only by their business-scoped
 * id. {@code text} is the readable part (body, button title, emoji…), {@code rawJson} the whole
 * message object as Meta sent it, kept for the types we do not model.
 */
public record InboundMessage(String phoneNumberId, String waId, String userId,
                             String parentUserId, String profileName, String username,
                             String wamid, Instant timestamp, String type, String text,
                             String caption, InboundMedia media,
                             String contextWamid, String rawJson) {

    /** The media object of an image, audio, video, document or sticker message. */
    public record InboundMedia(String waMediaId, String mimeType, String sha256, String filename,
                               String url) {
    }
}
