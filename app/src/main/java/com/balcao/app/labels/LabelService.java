package com.balcao.app.labels;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Label names are unique (ignoring case and accents) and colours are #rrggbb. */
final class LabelService {
    private final LabelDao labels;
    private final Clock clock;

    LabelService(LabelDao labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    /** Message keys of what is wrong with a name and colour; empty when they can be saved. */
    List<String> problems(String name, String color, Optional<Long> editing) {
        List<String> problems = new ArrayList<>();
        String clean = clean(name);
        if (clean.isEmpty() || clean.length() > 40) {
            problems.add("label_name_invalid");
        } else if (labels.findByName(clean)
            .filter(found -> editing.map(id -> id != found.id()).orElse(true)).isPresent()) {
            problems.add("label_name_taken");
        }
        if (color == null || !color.matches("#[0-9a-fA-F]{6}")) {
            problems.add("label_color_invalid");
        }
        return problems;
    }

    void create(String name, String color) {
        labels.insert(clean(name), color.toLowerCase(Locale.ROOT), clock.instant());
    }

    void update(long id, String name, String color) {
        labels.update(id, clean(name), color.toLowerCase(Locale.ROOT), clock.instant());
    }

    static String clean(String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ");
    }
}
