package com.balcao.app.whatsapp;

/** A media file: inbound (downloaded from Meta) or outbound (uploaded by an agent). */
public record MediaRow(long id, String publicId, long waNumberId, String direction,
                       String waMediaId, String mimeType, String sha256, Long fileSize,
                       String filename, String storagePath, String state, int attempts) {
}
