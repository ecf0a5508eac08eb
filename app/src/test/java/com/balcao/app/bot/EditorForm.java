package com.balcao.app.bot;

import com.balcao.app.support.PanelBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The flow editor's form as a browser would post it, read from the page's HTML (inputs,
 * textareas, the selected option of each select, checked boxes), in document order.
 */
final class EditorForm {
    private static final Pattern FIELD = Pattern.compile("<input ([^>]*)>|<textarea ([^>]*)>"
        + "(.*?)</textarea>|<select name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");
    private static final Pattern OPTION = Pattern.compile(
        "<option value=\"([^\"]*)\"( selected)?>");
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    /** The fields of the form with this id in the page. */
    static EditorForm of(String html, String formId) {
        int start = html.indexOf("<form method=\"post\" action=\"");
        start = html.indexOf("id=\"" + formId + "\"", start);
        String form = html.substring(start, html.indexOf("</form>", start));
        EditorForm parsed = new EditorForm();
        Matcher m = FIELD.matcher(form);
        while (m.find()) {
            if (m.group(1) != null) {
                Map<String, String> attrs = attrs(m.group(1));
                boolean box = "checkbox".equals(attrs.get("type"));
                if (attrs.containsKey("name") && !"file".equals(attrs.get("type"))
                    && (!box || m.group(1).contains(" checked"))) {
                    parsed.add(attrs.get("name"), attrs.getOrDefault("value", ""));
                }
            } else if (m.group(2) != null) {
                parsed.add(attrs(m.group(2)).get("name"), unescape(m.group(3)));
            } else {
                Matcher option = OPTION.matcher(m.group(5));
                String value = null;
                while (option.find()) {
                    if (value == null || option.group(2) != null) {
                        value = unescape(option.group(1));
                    }
                }
                parsed.add(m.group(4), value == null ? "" : value);
            }
        }
        return parsed;
    }

    EditorForm add(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    /** Sets the first field of that name. */
    EditorForm set(String name, String value) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getKey().equals(name)) {
                fields.set(i, Map.entry(name, value));
                return this;
            }
        }
        throw new AssertionError("no field " + name + " in " + fields);
    }

    String get(String name) {
        return fields.stream().filter(f -> f.getKey().equals(name)).map(Map.Entry::getValue)
            .findFirst().orElseThrow(() -> new AssertionError("no field " + name));
    }

    /** Posts the form, pressing the button {@code _action=action}. */
    HttpResponse<String> post(PanelBrowser browser, String path, String action) {
        String body = fields.stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
            .collect(Collectors.joining("&")) + "&_action=" + encode(action);
        return browser.send(HttpRequest.newBuilder(URI.create(browser.base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", "pt-BR")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Map<String, String> attrs(String tag) {
        Map<String, String> attrs = new java.util.HashMap<>();
        Matcher m = ATTR.matcher(tag);
        while (m.find()) {
            attrs.put(m.group(1), unescape(m.group(2)));
        }
        return attrs;
    }

    static String unescape(String html) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(code)));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
