package com.balcao.app.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Writes an answer the bot collected onto the contact: e-mail, name, or a custom field. */
final class ContactFieldsWriter {
    private ContactFieldsWriter() {
    }

    static void save(Handle handle, ObjectMapper json, long contactId, String name, String value,
                     Instant now) {
        if ("email".equals(name)) {
            handle.createUpdate("UPDATE contacts SET email = :value, updated_at = :now "
                + "WHERE id = :id").bind("value", value).bind("now", now).bind("id", contactId)
                .execute();
            return;
        }
        if ("nome".equals(name)) {
            handle.createUpdate("UPDATE contacts SET name = :value, name_locked = 1, "
                + "updated_at = :now WHERE id = :id").bind("value", value).bind("now", now)
                .bind("id", contactId).execute();
            return;
        }
        String stored = handle.createQuery("SELECT custom_fields FROM contacts WHERE id = :id "
            + "FOR UPDATE").bind("id", contactId).mapTo(String.class).findOne().orElse(null);
        ObjectNode fields;
        try {
            JsonNode node = stored == null || stored.isBlank() ? null : json.readTree(stored);
            fields = node instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            fields = json.createObjectNode();
        }
        fields.put(name, value);
        handle.createUpdate("UPDATE contacts SET custom_fields = :fields, updated_at = :now "
            + "WHERE id = :id").bind("fields", fields.toString()).bind("now", now)
            .bind("id", contactId).execute();
    }
}
