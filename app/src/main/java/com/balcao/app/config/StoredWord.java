package com.balcao.app.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An enum whose constants are stored and shown as their lower-case names ("inbound",
 * "delivered"): the words the SQL, the JSON and WhatsApp use. {@link Databases} binds and
 * reads such enums as those words.
 */
public interface StoredWord {

    String name();

    @JsonValue
    default String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant named by {@code word}, or null for none (null or unknown). */
    static <E extends Enum<E> & StoredWord> E of(Class<E> type, String word) {
        if (word == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.word().equals(word)) {
                return constant;
            }
        }
        return null;
    }
}
