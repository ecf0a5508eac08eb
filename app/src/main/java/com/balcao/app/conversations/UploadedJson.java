package com.balcao.app.conversations;

/** The public facts of an uploaded file; {@code id} goes into the next send request. */
public record UploadedJson(String id, String mimeType, String filename, Long size) {
}
