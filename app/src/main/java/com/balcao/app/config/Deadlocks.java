package com.balcao.app.config;

import java.sql.SQLTransactionRollbackException;
import java.util.function.Supplier;

/**
 * Runs a transaction again when the database chose it as a deadlock victim. InnoDB rolls the
 * victim back whole, so repeating it is safe and is what the server asks for.
 */
public final class Deadlocks {
    private static final int ATTEMPTS = 5;

    private Deadlocks() {
    }

    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    static boolean isDeadlock(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a deadlocked transaction", e);
        }
    }
}
