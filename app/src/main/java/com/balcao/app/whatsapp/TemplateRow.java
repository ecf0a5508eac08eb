package com.balcao.app.whatsapp;

import java.time.Instant;

/** A message template of a WABA, as last synced or reported by a status webhook. */
public record TemplateRow(long id, String wabaId, String metaId, String name, String language,
                   String category, String status, String reason, String components,
                   String bodyText, int parameterCount, Instant statusAt) {
}
