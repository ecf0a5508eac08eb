package com.balcao.app.appointments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opening hours as people type them: "09:00-12:00, 14:00-18:00" (also "9h-12h"). */
final class HoursText {
    private static final Pattern RANGE = Pattern.compile(
        "(\\d{1,2})(?:[:h](\\d{2})?)?\\s*(?:-|–|a|às|as|até)\\s*(\\d{1,2})(?:[:h](\\d{2})?)?");

    private HoursText() {
    }

    /** A window in minutes since midnight. */
    record Window(int start, int end) {
    }

    /** The windows typed, in order; empty when blank; nothing when a part does not read. */
    static Optional<List<Window>> parse(String text) {
        List<Window> windows = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return Optional.of(windows);
        }
        for (String part : text.split("[,;]")) {
            Matcher m = RANGE.matcher(part.strip().toLowerCase(java.util.Locale.ROOT));
            if (!m.matches()) {
                return Optional.empty();
            }
            int start = minutes(m.group(1), m.group(2));
            int end = minutes(m.group(3), m.group(4));
            if (start < 0 || end < 0 || start >= end) {
                return Optional.empty();
            }
            windows.add(new Window(start, end));
        }
        windows.sort(Comparator.comparingInt(Window::start));
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).start() < windows.get(i - 1).end()) {
                return Optional.empty();
            }
        }
        return Optional.of(windows);
    }

    /** "09:00-12:00, 14:00-18:00". */
    static String format(List<Window> windows) {
        return String.join(", ", windows.stream()
            .map(w -> time(w.start()) + "-" + time(w.end())).toList());
    }

    static String time(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    private static int minutes(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        return h > 24 || m > 59 || h == 24 && m > 0 ? -1 : h * 60 + m;
    }
}
