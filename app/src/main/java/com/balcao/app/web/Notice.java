package com.balcao.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A short message for the person who acted, shown as a toast that outlives the fragment a live
 * refresh redraws: a refused action's reason, or a confirmation. Travels in the
 * {@code X-Notice} header, which {@code assets/js/panel.js} reads from every htmx answer (an
 * htmx event would be lost when a live refresh removed the element that asked meanwhile).
 */
public record Notice(String text, Kind kind, boolean nextPage) {
    /** Headers are ASCII: accents travel as JSON escapes. */
    public static final String HEADER = "X-Notice";
    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** How the toast looks and how screen readers announce it. */
    public enum Kind {
        DONE, REFUSED;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Notice done(String text) {
        return new Notice(text, Kind.DONE, false);
    }

    public static Notice refused(String text) {
        return new Notice(text, Kind.REFUSED, false);
    }

    /** The same notice, shown on the page a redirect leads to. */
    public Notice onNextPage() {
        return new Notice(text, kind, true);
    }

    /** Adds the notice to a response ({@code notice} null leaves it as it is). */
    public static Response.ResponseBuilder attach(Response.ResponseBuilder response,
                                                  Notice notice) {
        return notice == null ? response : response.header(HEADER, notice.header());
    }

    String header() {
        try {
            return JSON.writeValueAsString(Map.of("text", text, "kind", kind.word(),
                "next", nextPage));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
