package com.balcao.app.web;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The panel's texts in one language, read from {@code messages*.properties}. Templates reach
 * them as {@code {{t.key_name}}}; keys use underscores because Mustache treats dots as paths.
 */
public final class Messages {
    public static final String PT_BR = "pt-BR";
    public static final String EN = "en";
    private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();

    private final String languageTag;
    private final Map<String, String> texts;

    private Messages(String languageTag, Map<String, String> texts) {
        this.languageTag = languageTag;
        this.texts = Collections.unmodifiableMap(texts);
    }

    /** Texts for {@code pt-BR} or {@code en}; anything else falls back to pt-BR. */
    public static Messages of(String languageTag) {
        String tag = EN.equals(languageTag) ? EN : PT_BR;
        return CACHE.computeIfAbsent(tag, Messages::load);
    }

    private static Messages load(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        ResourceBundle bundle = ResourceBundle.getBundle("com.balcao.app.web.messages", locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new HashMap<>();
        for (String key : bundle.keySet()) {
            texts.put(key, bundle.getString(key));
        }
        return new Messages(tag, texts);
    }

    public String languageTag() {
        return languageTag;
    }

    public Map<String, String> all() {
        return texts;
    }

    /** The text for a key, with {@code {0}}-style arguments filled in; the key itself if absent. */
    public String get(String key, Object... args) {
        String text = texts.getOrDefault(key, key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
