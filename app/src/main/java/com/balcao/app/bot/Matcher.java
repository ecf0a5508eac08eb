package com.balcao.app.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Places a customer's answer among the choices a state offers, forgivingly: a button or list
 * reply, an option number (also alone on a line among signature text, as a keycap emoji or a
 * word), a regular expression, a keyword or option title inside a sentence ("quero falar com o
 * financeiro"), or an abbreviation of a title answered alone ("lab"). It says why it matched,
 * for the test console.
 */
final class Matcher {
    private static final int MIN_ABBREVIATION = 3;

    private Matcher() {
    }

    /** Something the customer can pick: its reply id, title and extra keywords. */
    record Choice(String id, String title, List<String> keywords, List<String> patterns) {
        Choice {
            keywords = keywords == null ? List.of() : keywords;
            patterns = patterns == null ? List.of() : patterns;
        }
    }

    /** How an answer was placed. */
    enum How { REPLY, NUMBER, REGEX, KEYWORD, TITLE, ABBREVIATION }

    /** The choice at {@code index} (0-based) matched; {@code detail} says on what. */
    record Match(int index, How how, String detail) {
    }

    /**
     * @param numbered whether the choices carry option numbers (menus do, triggers do not)
     */
    static Optional<Match> match(List<Choice> choices, boolean numbered, String text,
                                 String replyId) {
        if (replyId != null) {
            for (int i = 0; i < choices.size(); i++) {
                if (replyId.equals(choices.get(i).id())) {
                    return Optional.of(new Match(i, How.REPLY, replyId));
                }
            }
        }
        if (numbered) {
            OptionalInt number = Normalizer.numberInLines(text);
            if (number.isPresent() && number.getAsInt() >= 1
                && number.getAsInt() <= choices.size()) {
                return Optional.of(new Match(number.getAsInt() - 1, How.NUMBER,
                    String.valueOf(number.getAsInt())));
            }
        }
        Optional<Match> regex = regex(choices, text);
        if (regex.isPresent()) {
            return regex;
        }
        return words(choices, text);
    }

    private static Optional<Match> regex(List<Choice> choices, String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < choices.size(); i++) {
            for (String pattern : choices.get(i).patterns()) {
                if (compile(pattern).map(p -> p.matcher(text).find()).orElse(false)) {
                    return Optional.of(new Match(i, How.REGEX, pattern));
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Pattern> compile(String pattern) {
        try {
            return Optional.of(Pattern.compile(pattern,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The choice whose keyword or title appears in the answer as whole words; between several,
     * the longest phrase wins, and a tie places nothing (better to ask than to guess).
     */
    private static Optional<Match> words(List<Choice> choices, String text) {
        List<String> tokens = Normalizer.tokens(Normalizer.normalize(text));
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        List<Match> best = new ArrayList<>();
        int bestLength = 0;
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            List<Phrase> phrases = new ArrayList<>();
            choice.keywords().forEach(k -> phrases.add(new Phrase(k, How.KEYWORD)));
            if (choice.title() != null) {
                phrases.add(new Phrase(choice.title(), How.TITLE));
            }
            for (Phrase phrase : phrases) {
                List<String> words = Normalizer.tokens(Normalizer.normalize(phrase.text()));
                if (!words.isEmpty() && contains(tokens, words)) {
                    int length = String.join(" ", words).length();
                    if (length > bestLength) {
                        best.clear();
                        bestLength = length;
                    }
                    int index = i;
                    if (length == bestLength && best.stream().noneMatch(m -> m.index() == index)) {
                        best.add(new Match(i, phrase.how(), phrase.text()));
                    }
                }
            }
        }
        if (best.size() == 1) {
            return Optional.of(best.get(0));
        }
        return best.isEmpty() && tokens.size() == 1 ? abbreviation(choices, tokens.get(0))
            : Optional.empty();
    }

    private record Phrase(String text, How how) {
    }

    /** "lab" alone for "Laboratório": a unique prefix of one title word. */
    private static Optional<Match> abbreviation(List<Choice> choices, String token) {
        if (token.length() < MIN_ABBREVIATION || token.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Match found = null;
        for (int i = 0; i < choices.size(); i++) {
            String title = choices.get(i).title();
            boolean prefix = title != null && Normalizer.tokens(Normalizer.normalize(title))
                .stream().anyMatch(word -> word.startsWith(token));
            if (prefix) {
                if (found != null) {
                    return Optional.empty();
                }
                found = new Match(i, How.ABBREVIATION, title);
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code words} occur in {@code tokens} consecutively (plural "s" forgiven). */
    private static boolean contains(List<String> tokens, List<String> words) {
        for (int start = 0; start + words.size() <= tokens.size(); start++) {
            boolean all = true;
            for (int j = 0; j < words.size() && all; j++) {
                all = same(tokens.get(start + j), words.get(j));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String token, String word) {
        return token.equals(word) || token.equals(word + "s") || word.equals(token + "s");
    }
}
