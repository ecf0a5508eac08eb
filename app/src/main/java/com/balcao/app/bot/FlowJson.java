package com.balcao.app.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Flows to and from JSON: the stored form of a version, and import/export. */
public final class FlowJson {
    /** The flows a tenant may start from, shipped with the app. */
    public static final List<String> SHIPPED = List.of("department_menu", "iphone_store",
        "law_firm", "mechanic", "nail_designer", "detective");
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, false);
    private static final ObjectMapper PRETTY = MAPPER.copy()
        .enable(SerializationFeature.INDENT_OUTPUT);

    private FlowJson() {
    }

    /** Parses a flow; a malformed document is an {@link InvalidFlow} naming what is wrong. */
    public static Flow read(String json) {
        try {
            Flow flow = MAPPER.readValue(json, Flow.class);
            if (flow == null) {
                throw new InvalidFlow(List.of("empty document"));
            }
            return flow;
        } catch (JsonProcessingException e) {
            throw new InvalidFlow(List.of("malformed JSON: " + e.getOriginalMessage()));
        }
    }

    public static String write(Flow flow) {
        try {
            return MAPPER.writeValueAsString(flow);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pretty(Flow flow) {
        try {
            return PRETTY.writeValueAsString(flow);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A shipped flow by key ({@link #SHIPPED}). */
    public static Flow shipped(String key) {
        if (!SHIPPED.contains(key)) {
            throw new IllegalArgumentException("No shipped flow " + key);
        }
        try (InputStream in = FlowJson.class.getResourceAsStream("flows/" + key + ".json")) {
            return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A flow that cannot be used as it is; {@code problems} says why, one line each. */
    public static final class InvalidFlow extends RuntimeException {
        private final List<String> problems;

        public InvalidFlow(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
