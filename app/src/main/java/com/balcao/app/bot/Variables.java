package com.balcao.app.bot;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {variables} in CMS texts, filled when sent; unknown ones stay visible (the editor flags). */
final class Variables {
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)\\}");

    private Variables() {
    }

    static String fill(String text, Map<String, String> values) {
        return fill(text, values::get);
    }

    /** {@code value} is asked only for the variables the text uses. */
    static String fill(String text, java.util.function.Function<String, String> value) {
        if (text == null) {
            return "";
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String found = value.apply(matcher.group(1));
            matcher.appendReplacement(filled,
                Matcher.quoteReplacement(found == null ? matcher.group() : found));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    static Set<String> used(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text == null ? "" : text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
