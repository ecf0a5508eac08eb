package com.balcao.app.whatsapp;

import java.time.Instant;

/** A {@code message_template_status_update}: a template's review moved on. */
record TemplateUpdate(String wabaId, Instant time, String event, String metaId, String name,
                      String language, String category, String reason) {
}
