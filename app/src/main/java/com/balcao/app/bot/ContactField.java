package com.balcao.app.bot;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kind of answer a flow asks for, with how it is checked and written down. */
public enum ContactField {
    /** Any non-empty text, kept as typed (trimmed, at most 500 characters). */
    TEXT("resposta"),
    /** The contact's name. */
    NAME("nome"),
    /** An e-mail address, lower-cased; stored as the contact's e-mail. */
    EMAIL("email"),
    /** A Brazilian CPF with valid check digits, stored as 000.000.000-00. */
    CPF("cpf"),
    /** A Brazilian licence plate, old (ABC-1234) or Mercosul (ABC1D23), stored upper-case. */
    PLATE("placa"),
    /** A date dd/mm or dd/mm/yyyy, stored as dd/mm/yyyy. */
    DATE("data");

    private static final Pattern EMAIL_FORMAT =
        Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$");
    private static final Pattern PLATE_FORMAT =
        Pattern.compile("^([A-Z]{3})([0-9])([A-Z0-9])([0-9]{2})$");
    private static final Pattern DATE_FORMAT =
        Pattern.compile("^(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{2}|\\d{4}))?$");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final String defaultName;

    ContactField(String defaultName) {
        this.defaultName = defaultName;
    }

    /** The custom field an answer is stored in unless the flow names another. */
    public String defaultName() {
        return defaultName;
    }

    /** The answer as stored, or empty when it does not fit; {@code today} completes dd/mm. */
    public Optional<String> accept(String answer, LocalDate today) {
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (this) {
            case TEXT -> Optional.of(text.length() > 500 ? text.substring(0, 500) : text);
            case NAME -> text.length() <= 120 && text.codePoints().anyMatch(Character::isLetter)
                ? Optional.of(text.replaceAll("\\s+", " ")) : Optional.empty();
            case EMAIL -> email(text);
            case CPF -> cpf(text);
            case PLATE -> plate(text);
            case DATE -> date(text, today);
        };
    }

    private static Optional<String> email(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.length() <= 254 && EMAIL_FORMAT.matcher(lower).matches()
            ? Optional.of(lower) : Optional.empty();
    }

    private static Optional<String> cpf(String text) {
        if (!text.matches("[0-9.\\-\\s]+")) {
            return Optional.empty();
        }
        String digits = text.replaceAll("\\D", "");
        if (digits.length() != 11 || digits.chars().distinct().count() == 1) {
            return Optional.empty();
        }
        if (checkDigit(digits, 9) != digits.charAt(9) - '0'
            || checkDigit(digits, 10) != digits.charAt(10) - '0') {
            return Optional.empty();
        }
        return Optional.of(digits.substring(0, 3) + "." + digits.substring(3, 6) + "."
            + digits.substring(6, 9) + "-" + digits.substring(9));
    }

    private static int checkDigit(String digits, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (digits.charAt(i) - '0') * (length + 1 - i);
        }
        int rest = (sum * 10) % 11;
        return rest == 10 ? 0 : rest;
    }

    private static Optional<String> plate(String text) {
        String plate = text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        Matcher matcher = PLATE_FORMAT.matcher(plate);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String fifth = matcher.group(3);
        if (Character.isDigit(fifth.charAt(0))) {
            return Optional.of(matcher.group(1) + "-" + plate.substring(3));
        }
        return Optional.of(plate);
    }

    private static Optional<String> date(String text, LocalDate today) {
        Matcher matcher = DATE_FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int day = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        String yearText = matcher.group(3);
        int year = yearText == null ? today.getYear()
            : yearText.length() == 2 ? 2000 + Integer.parseInt(yearText)
            : Integer.parseInt(yearText);
        try {
            return Optional.of(SHOWN.format(LocalDate.of(year, month, day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
