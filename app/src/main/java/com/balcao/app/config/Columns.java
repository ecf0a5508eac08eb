package com.balcao.app.config;

import java.sql.SQLIntegrityConstraintViolationException;

/** Small rules for writing rows that several features share. */
public final class Columns {
    /** What an error column keeps of a message. */
    public static final int ERROR_LENGTH = 1000;

    private Columns() {
    }

    /** The text cut to what its column holds ({@code max} characters); null stays null. */
    public static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** An error message cut to {@link #ERROR_LENGTH}. */
    public static String clipError(String text) {
        return clip(text, ERROR_LENGTH);
    }

    /** Whether a statement failed on a unique key (the row, or its twin, is already there). */
    public static boolean duplicate(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
