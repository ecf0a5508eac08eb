package com.balcao.app.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A contact's custom fields, stored as one JSON object whose key order is the shown order. */
public final class CustomFields {
    private static final Logger LOG = LoggerFactory.getLogger(CustomFields.class);
    private final ObjectMapper json;

    CustomFields(ObjectMapper json) {
        this.json = json;
    }

    /** The stored fields in order; nothing for an empty column or one that is not an object. */
    List<ContactForm.Field> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = json.readTree(stored);
        } catch (JsonProcessingException e) {
            LOG.warn("Unreadable custom fields ignored: {}", e.getOriginalMessage());
            return List.of();
        }
        List<ContactForm.Field> fields = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> fields.add(
                new ContactForm.Field(entry.getKey(), text(entry.getValue()))));
        }
        return fields;
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** The JSON to store, or null when there is no field. */
    String write(List<ContactForm.Field> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        ObjectNode node = json.createObjectNode();
        fields.forEach(field -> node.put(field.key(), field.value()));
        return node.toString();
    }
}
