package com.balcao.app.bot;

import java.text.Normalizer.Form;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads customers' answers the way a person would: case, accents, punctuation and extra spaces
 * do not matter; keycap emoji (1️⃣) and number words ("um", "dois", "primeira") are numbers.
 */
final class Normalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
        Map.entry("um", 1), Map.entry("uma", 1), Map.entry("primeiro", 1),
        Map.entry("primeira", 1), Map.entry("dois", 2), Map.entry("duas", 2),
        Map.entry("segundo", 2), Map.entry("segunda", 2), Map.entry("tres", 3),
        Map.entry("terceiro", 3), Map.entry("terceira", 3), Map.entry("quatro", 4),
        Map.entry("quarta", 4), Map.entry("cinco", 5), Map.entry("quinto", 5),
        Map.entry("quinta", 5), Map.entry("seis", 6), Map.entry("sexto", 6),
        Map.entry("sexta", 6), Map.entry("sete", 7), Map.entry("oito", 8), Map.entry("nove", 9),
        Map.entry("dez", 10), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3));
    /** Words a customer puts before a number: "opção 2", "número 3", "nº 1". */
    private static final List<String> NUMBER_PREFIXES = List.of("opcao", "opc", "op", "numero",
        "num", "n", "no", "o", "a", "item", "escolho", "quero", "e", "eh");

    private Normalizer() {
    }

    /** Lower case, no accents, keycaps as digits, only letters/digits separated by one space. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String keycaps = text.replace("\uD83D\uDD1F", " 10 ")
            .replaceAll("([0-9#*])\\uFE0F?\\u20E3", " $1 ");
        String plain = MARKS.matcher(java.text.Normalizer.normalize(keycaps, Form.NFD))
            .replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }

    static List<String> tokens(String normalized) {
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /**
     * The number a whole answer stands for: "2", "2.", "opção 2", "dois", "2️⃣". Empty for
     * anything else ("tenho 2 carros" is not an option number).
     */
    static OptionalInt number(String normalized) {
        List<String> tokens = tokens(normalized);
        if (tokens.isEmpty() || tokens.size() > 4) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (!NUMBER_PREFIXES.contains(tokens.get(i))) {
                return OptionalInt.empty();
            }
        }
        String last = tokens.get(tokens.size() - 1);
        if (last.matches("\\d{1,2}")) {
            return OptionalInt.of(Integer.parseInt(last));
        }
        Integer word = WORDS.get(last);
        return word == null ? OptionalInt.empty() : OptionalInt.of(word);
    }

    /**
     * A number alone on its own line among other text (a phone's signature, a greeting):
     * "Bom dia\n2\nEnviado do meu iPhone". The whole answer is tried first.
     */
    static OptionalInt numberInLines(String text) {
        OptionalInt whole = number(normalize(text));
        if (whole.isPresent() || text == null) {
            return whole;
        }
        OptionalInt found = OptionalInt.empty();
        for (String line : text.split("\\R")) {
            OptionalInt number = number(normalize(line));
            if (number.isPresent()) {
                if (found.isPresent() && found.getAsInt() != number.getAsInt()) {
                    return OptionalInt.empty();
                }
                found = number;
            }
        }
        return found;
    }
}
