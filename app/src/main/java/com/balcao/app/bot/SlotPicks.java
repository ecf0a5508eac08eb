package com.balcao.app.bot;

import com.balcao.app.bot.BotAppointments.FreeSlot;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slots the bot offers: kept in the session while it waits (the free ones may change
 * meanwhile), shown as a list ("Ter 02/12 14:00"), and placed from a tap, an option number
 * or the time typed ("14h", "terça 14:00", "02/12 às 9h").
 */
final class SlotPicks {
    static final int OFFERED = 6;
    static final String DEPARTMENT = "slots_dep";
    private static final String SLOTS = "slots";
    private static final String WHO = "slots_who";
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final String[] DAYS = {"Seg", "Ter", "Qua", "Qui", "Sex", "Sáb", "Dom"};
    private static final String[][] DAY_WORDS = {{"seg", "segunda"}, {"ter", "terca"},
        {"qua", "quarta"}, {"qui", "quinta"}, {"sex", "sexta"}, {"sab", "sabado"},
        {"dom", "domingo"}};
    private static final Pattern TIME = Pattern.compile(
        "(?<![\\d/])(\\d{1,2})\\s*(?::|h)\\s*(\\d{2})?(?![\\d/])");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2})/(\\d{1,2})(?!\\d)");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    private SlotPicks() {
    }

    /** "Ter 02/12 14:00" in the tenant's zone. */
    static String label(Instant start) {
        ZonedDateTime at = start.atZone(ZONE);
        return DAYS[at.getDayOfWeek().getValue() - 1] + " " + SHOWN.format(at);
    }

    static Map<String, String> vars(String department, List<FreeSlot> free) {
        Map<String, String> vars = new HashMap<>();
        vars.put(DEPARTMENT, department == null ? "" : department);
        vars.put(SLOTS, String.join(",", free.stream()
            .map(s -> s.calendarId() + ":" + s.start().getEpochSecond()).toList()));
        vars.put(WHO, String.join("\n", free.stream()
            .map(s -> s.who().replaceAll("\\R", " ")).toList()));
        return vars;
    }

    /** The department whose slots were offered; null for the conversation's own. */
    static String department(Map<String, String> vars) {
        String department = vars.get(DEPARTMENT);
        return department == null || department.isBlank() ? null : department;
    }

    /** The slots offered last, as the session keeps them. */
    static List<FreeSlot> offered(Map<String, String> vars) {
        String slots = vars.getOrDefault(SLOTS, "");
        if (slots.isBlank()) {
            return List.of();
        }
        String[] ids = slots.split(",");
        String[] who = vars.getOrDefault(WHO, "").split("\n", -1);
        List<FreeSlot> offered = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            String[] parts = ids[i].split(":");
            offered.add(new FreeSlot(Long.parseLong(parts[0]),
                Instant.ofEpochSecond(Long.parseLong(parts[1])), i < who.length ? who[i] : ""));
        }
        return offered;
    }

    static BotEffect.ListMenu message(String body, String button, List<FreeSlot> free) {
        List<BotEffect.Row> rows = free.stream().map(s -> new BotEffect.Row(id(s), label(s.start()),
            s.who().isBlank() ? null : Menus.clip(s.who(), Menus.ROW_DESCRIPTION))).toList();
        return new BotEffect.ListMenu(body, Menus.clip(button, Menus.BUTTON_TITLE),
            List.of(new BotEffect.Section(null, rows)));
    }

    /** The offered slot the customer means; empty when none or more than one fits. */
    static Optional<FreeSlot> pick(List<FreeSlot> offered, Engine.Incoming incoming) {
        if (incoming.replyId() != null) {
            Optional<FreeSlot> tapped = offered.stream()
                .filter(s -> id(s).equals(incoming.replyId())).findFirst();
            if (tapped.isPresent()) {
                return tapped;
            }
        }
        String text = incoming.text() == null ? "" : incoming.text().toLowerCase(Locale.ROOT);
        Matcher time = TIME.matcher(text);
        Matcher date = DATE.matcher(text);
        DayOfWeek day = weekday(Normalizer.tokens(Normalizer.normalize(text)));
        boolean hasTime = time.find();
        boolean hasDate = date.find();
        if (hasTime || hasDate || day != null) {
            List<FreeSlot> fit = offered.stream().filter(s -> {
                ZonedDateTime at = s.start().atZone(ZONE);
                return (!hasTime || at.getHour() == Integer.parseInt(time.group(1))
                    && at.getMinute() == (time.group(2) == null ? 0
                    : Integer.parseInt(time.group(2))))
                    && (!hasDate || at.getDayOfMonth() == Integer.parseInt(date.group(1))
                    && at.getMonthValue() == Integer.parseInt(date.group(2)))
                    && (day == null || at.getDayOfWeek() == day);
            }).toList();
            return fit.size() == 1 ? Optional.of(fit.get(0)) : Optional.empty();
        }
        OptionalInt number = Normalizer.numberInLines(incoming.text());
        return number.isPresent() && number.getAsInt() >= 1 && number.getAsInt() <= offered.size()
            ? Optional.of(offered.get(number.getAsInt() - 1)) : Optional.empty();
    }

    private static DayOfWeek weekday(List<String> tokens) {
        for (int i = 0; i < DAY_WORDS.length; i++) {
            for (String word : DAY_WORDS[i]) {
                if (tokens.contains(word)) {
                    return DayOfWeek.of(i + 1);
                }
            }
        }
        return null;
    }

    private static String id(FreeSlot slot) {
        return "slot:" + slot.calendarId() + ":" + slot.start().getEpochSecond();
    }
}
