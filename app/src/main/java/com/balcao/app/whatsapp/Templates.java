package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WABA's message templates: kept in step by status webhooks and by a sync from the Graph
 * API, listed and created by admins, looked up when an agent sends one.
 */
public final class Templates {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final int MAX_PAGES = 50;
    private final TemplateDao templates;
    private final NumberRegistry numbers;
    private final GraphClient graph;
    private final ObjectMapper json;
    private final Clock clock;

    Templates(TemplateDao templates, NumberRegistry numbers, GraphClient graph, ObjectMapper json,
              Clock clock) {
        this.templates = templates;
        this.numbers = numbers;
        this.graph = graph;
        this.json = json;
        this.clock = clock;
    }

    /** What a sender needs to know of a template. */
    public record Info(String name, String language, String status, String category,
                       String bodyText, int parameterCount) {

        public boolean approved() {
            return "APPROVED".equals(status);
        }

        /** The body with {{1}}, {{2}}… replaced by the values, for the conversation view. */
        public String render(List<String> values) {
            if (bodyText == null) {
                return null;
            }
            Matcher matcher = VARIABLE.matcher(bodyText);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                int index = parseIndex(matcher.group(1));
                String value = index >= 1 && values != null && index <= values.size()
                    ? values.get(index - 1) : matcher.group();
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            return matcher.appendTail(out).toString();
        }
    }

    /** The template of the number's WABA with that name and language, if known. */
    public Optional<Info> find(long numberId, String name, String language) {
        return numbers.byId(numberId).filter(number -> number.wabaId() != null)
            .flatMap(number -> templates.find(number.wabaId(), name, language))
            .map(Templates::info);
    }

    /** The templates a number may send now, for the agents' picker. */
    public List<Info> approved(long numberId) {
        return numbers.byId(numberId).filter(number -> number.wabaId() != null)
            .map(number -> templates.approved(number.wabaId()).stream().map(Templates::info)
                .toList())
            .orElse(List.of());
    }

    /** A status webhook; an out-of-order older event never overwrites a newer one. */
    void apply(TemplateUpdate update) {
        if (update.wabaId() == null || update.event() == null) {
            return;
        }
        Optional<TemplateRow> row = (update.metaId() == null ? Optional.<TemplateRow>empty()
            : templates.findByMetaId(update.wabaId(), update.metaId()))
            .or(() -> update.name() == null || update.language() == null ? Optional.empty()
                : templates.find(update.wabaId(), update.name(), update.language()));
        if (row.isPresent()) {
            templates.applyStatus(row.get().id(), update.event(), reason(update.reason()),
                update.category(), update.metaId(), update.time(), clock.instant());
        } else if (update.name() != null && update.language() != null) {
            templates.upsert(update.wabaId(), update.metaId(), update.name(), update.language(),
                update.category() == null ? "" : update.category(), update.event(),
                reason(update.reason()), null, null, 0, update.time(), clock.instant());
        }
    }

    /** Reads every template of the number's WABA, following Meta's paging. */
    int sync(BusinessNumber number) throws IOException {
        String path = number.wabaId() + "/message_templates?fields=name,status,category,"
            + "language,components&limit=100";
        GraphResponse page = graph.get(number, path);
        int count = 0;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            if (!page.ok()) {
                throw new IOException(page.error().title());
            }
            for (JsonNode template : page.body().path("data")) {
                store(number.wabaId(), template, WebhookParser.text(template, "status"));
                count++;
            }
            String next = WebhookParser.text(page.body().path("paging"), "next");
            if (next == null) {
                break;
            }
            page = graph.getUrl(number, next);
        }
        return count;
    }

    /** Submits a new template for review; stores it with the status Meta answers. */
    GraphResponse create(BusinessNumber number, JsonNode template) throws IOException {
        GraphResponse response = graph.post(number, number.wabaId() + "/message_templates",
            template);
        if (response.ok()) {
            String status = WebhookParser.text(response.body(), "status");
            ((ObjectNode) template).put("id",
                WebhookParser.text(response.body(), "id"));
            store(number.wabaId(), template, status == null ? "PENDING" : status);
        }
        return response;
    }

    List<TemplateRow> all() {
        return templates.all();
    }

    private void store(String wabaId, JsonNode template, String status) throws IOException {
        JsonNode components = template.path("components");
        String body = null;
        for (JsonNode component : components) {
            if ("BODY".equalsIgnoreCase(component.path("type").asText())) {
                body = WebhookParser.text(component, "text");
            }
        }
        templates.upsert(wabaId, WebhookParser.text(template, "id"),
            WebhookParser.text(template, "name"), WebhookParser.text(template, "language"),
            template.path("category").asText(""), status == null ? "PENDING" : status, null,
            components.isMissingNode() ? null : json.writeValueAsString(components), body,
            countVariables(body), null, clock.instant());
    }

    static int countVariables(String text) {
        if (text == null) {
            return 0;
        }
        Matcher matcher = VARIABLE.matcher(text);
        Set<String> names = new HashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names.size();
    }

    private static int parseIndex(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String reason(String reason) {
        return reason == null || "NONE".equals(reason) ? null : reason;
    }

    private static Info info(TemplateRow row) {
        return new Info(row.name(), row.language(), row.status(), row.category(), row.bodyText(),
            row.parameterCount());
    }
}
