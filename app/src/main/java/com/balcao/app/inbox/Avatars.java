package com.balcao.app.inbox;

import java.util.Arrays;
import java.util.Locale;

/**
 * A contact's round badge in the list: the initials of their name (the last digits of a
 * number without a name) on one of a few colours, always the same one for the same person.
 */
final class Avatars {
    static final int HUES = 8;

    private Avatars() {
    }

    static String initials(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            return "?";
        }
        if (!Character.isLetter(clean.codePointAt(0))) {
            String digits = clean.replaceAll("\\D", "");
            return digits.length() >= 2 ? digits.substring(digits.length() - 2) : "#";
        }
        String[] words = Arrays.stream(clean.split("\\s+"))
            .filter(word -> Character.isLetter(word.codePointAt(0))).toArray(String[]::new);
        String letters = words.length == 1 ? first(words[0])
            : first(words[0]) + first(words[words.length - 1]);
        return letters.toUpperCase(Locale.ROOT);
    }

    static int hue(String key) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), HUES);
    }

    private static String first(String word) {
        return new String(Character.toChars(word.codePointAt(0)));
    }
}
