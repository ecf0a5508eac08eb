package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new template as an admin writes it: body with {{1}}, {{2}}… variables and an example for
 * each (Meta requires them), optional header, footer and quick-reply buttons.
 */
record TemplateForm(String number, String name, String language, String category,
                    String header, String body, String footer, String examples, String buttons) {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\d+)\\s*}}");
    /** Meta's categories, in the order the form offers them. */
    static final List<String> CATEGORIES = List.of("UTILITY", "MARKETING", "AUTHENTICATION");

    static TemplateForm empty() {
        return new TemplateForm("", "", "pt_BR", "UTILITY", "", "", "", "", "");
    }

    List<String> exampleValues() {
        return split(examples, "\\R|;");
    }

    List<String> buttonTitles() {
        return split(buttons, "\\R|;");
    }

    /** Message keys of what is wrong; empty when it can be submitted. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!clean(name).matches("[a-z0-9_]{1,512}")) {
            problems.add("wa_template_name_invalid");
        }
        if (!clean(language).matches("[a-z]{2,3}(_[A-Z]{2})?")) {
            problems.add("wa_template_language_invalid");
        }
        if (!CATEGORIES.contains(clean(category))) {
            problems.add("wa_template_category_invalid");
        }
        if (clean(body).isEmpty() || clean(body).length() > 1024 || clean(header).length() > 60
            || clean(footer).length() > 60) {
            problems.add("wa_template_text_invalid");
        }
        int variables = variables();
        if (variables < 0) {
            problems.add("wa_template_variables_invalid");
        } else if (exampleValues().size() != variables) {
            problems.add("wa_template_examples_invalid");
        }
        if (buttonTitles().size() > 3 || buttonTitles().stream().anyMatch(t -> t.length() > 25)) {
            problems.add("wa_template_buttons_invalid");
        }
        return problems;
    }

    /** How many variables the body has; -1 unless they are exactly {{1}}…{{n}}. */
    int variables() {
        Matcher matcher = VARIABLE.matcher(clean(body));
        Set<Integer> found = new TreeSet<>();
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        for (int i = 1; i <= found.size(); i++) {
            if (!found.contains(i)) {
                return -1;
            }
        }
        return found.size();
    }

    /** The body as a customer would read it, with the examples in place. */
    String preview() {
        Matcher matcher = VARIABLE.matcher(clean(body));
        List<String> values = exampleValues();
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            String value = index <= values.size() ? values.get(index - 1) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    /** The {@code POST /{waba-id}/message_templates} body. */
    ObjectNode graphBody() {
        ObjectNode template = JsonNodeFactory.instance.objectNode().put("name", clean(name))
            .put("language", clean(language)).put("category", clean(category));
        ArrayNode components = template.putArray("components");
        if (!clean(header).isEmpty()) {
            components.addObject().put("type", "HEADER").put("format", "TEXT")
                .put("text", clean(header));
        }
        ObjectNode bodyComponent = components.addObject().put("type", "BODY")
            .put("text", clean(body));
        if (!exampleValues().isEmpty()) {
            ArrayNode row = bodyComponent.putObject("example").putArray("body_text").addArray();
            exampleValues().forEach(row::add);
        }
        if (!clean(footer).isEmpty()) {
            components.addObject().put("type", "FOOTER").put("text", clean(footer));
        }
        if (!buttonTitles().isEmpty()) {
            ArrayNode list = components.addObject().put("type", "BUTTONS").putArray("buttons");
            buttonTitles().forEach(title -> list.addObject().put("type", "QUICK_REPLY")
                .put("text", title));
        }
        return template;
    }

    private static List<String> split(String text, String separator) {
        return Arrays.stream(clean(text).split(separator)).map(String::trim)
            .filter(value -> !value.isEmpty()).toList();
    }

    private static String clean(String text) {
        return text == null ? "" : text.trim();
    }
}
