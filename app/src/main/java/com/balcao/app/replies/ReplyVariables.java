package com.balcao.app.replies;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a quick reply's variables: {@code {nome}}, {@code {primeiro_nome}},
 * {@code {atendente}}, {@code {departamento}}. Unknown variables stay as typed, so a typo is
 * visible before sending rather than silently dropped.
 */
public final class ReplyVariables {
    public static final String NAME = "nome";
    public static final String FIRST_NAME = "primeiro_nome";
    public static final String AGENT = "atendente";
    public static final String DEPARTMENT = "departamento";
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)\\}");

    private ReplyVariables() {
    }

    /** The values for a conversation: the contact's name, the agent and the department. */
    public static Map<String, String> of(String contactName, String agentName, String department) {
        String name = contactName == null ? "" : contactName.trim();
        String first = name.isEmpty() ? "" : name.split("\\s+")[0];
        return Map.of(NAME, name, FIRST_NAME, first,
            AGENT, agentName == null ? "" : agentName,
            DEPARTMENT, department == null ? "" : department);
    }

    public static String fill(String body, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(body);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled,
                Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
