package com.balcao.provisioner.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file rendered from {@code env.template}: placeholders filled, then single
 * variables set in place (a commented default line is replaced, so the file stays readable).
 */
public final class EnvFile {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z0-9_]+)}}");
    private final List<String> lines;

    private EnvFile(List<String> lines) {
        this.lines = lines;
    }

    /** Fills the placeholders of every variable line; comments are kept as written. */
    public static EnvFile render(String template, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        for (String line : template.split("\n", -1)) {
            lines.add(line.startsWith("#") ? line : fill(line, values));
        }
        return new EnvFile(lines);
    }

    private static String fill(String line, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("env.template needs a value for " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static EnvFile parse(String text) {
        return new EnvFile(new ArrayList<>(List.of(text.split("\n", -1))));
    }

    public EnvFile set(String key, String value) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(key + "=") || line.startsWith("# " + key + "=")) {
                lines.set(i, key + "=" + value);
                return this;
            }
        }
        lines.add(lines.size() - 1, key + "=" + value);
        return this;
    }

    /** The active variables; a later line wins, as with docker compose. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1));
            }
        }
        return values;
    }

    public String text() {
        return String.join("\n", lines);
    }
}
