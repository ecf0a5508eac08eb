package com.balcao.app.catalog;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Prices as people type them in Brazil: "R$ 4.999,90", "49,9", "1200" or "49.90". */
final class Prices {
    private static final Pattern TYPED = Pattern.compile("\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?"
        + "|\\d+(,\\d{1,2})?|\\d+\\.\\d{1,2}");

    private Prices() {
    }

    /** The price in centavos; empty for an empty field; null-safe. Throws on anything else. */
    static Optional<Long> cents(String typed) {
        String clean = typed == null ? "" : typed.replace("R$", "").replace('\u00a0', ' ')
            .strip();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        if (!TYPED.matcher(clean).matches()) {
            throw new IllegalArgumentException(typed);
        }
        String decimal = clean.contains(",") ? clean.replace(".", "").replace(',', '.')
            : clean.matches("\\d+\\.\\d{1,2}") ? clean : clean.replace(".", "");
        return Optional.of(new BigDecimal(decimal).movePointRight(2).longValueExact());
    }
}
