package com.balcao.app.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * Failures queued by a test or a demo operator: the next sends (to anyone, or to one
 * recipient) fail with a Graph error code, a bare HTTP status, or an asynchronous
 * {@code failed} status webhook after a 200.
 */
final class GraphFailures {

    /** One failure to play: {@code code} null means a bare HTTP error without Graph body. */
    record Injection(Integer code, int httpStatus, boolean async, String to) {

        boolean matches(String recipient) {
            return to == null || to.isBlank() || to.replace("+", "").equals(recipient);
        }
    }

    private final Deque<Injection> queue = new ArrayDeque<>();

    synchronized void add(Injection injection, int count) {
        for (int i = 0; i < count; i++) {
            queue.addLast(injection);
        }
    }

    /** Takes the next failure meant for this recipient, if any. */
    synchronized Optional<Injection> next(String recipient) {
        Iterator<Injection> iterator = queue.iterator();
        while (iterator.hasNext()) {
            Injection injection = iterator.next();
            if (injection.matches(recipient)) {
                iterator.remove();
                return Optional.of(injection);
            }
        }
        return Optional.empty();
    }

    synchronized int pending() {
        return queue.size();
    }

    synchronized void clear() {
        queue.clear();
    }

    /** Meta's title for the codes a test can inject. */
    static String title(int code) {
        return switch (code) {
            case 130429 -> "Rate limit hit";
            case 131047 -> "Re-engagement message";
            case 131056 -> "(Business Account, Consumer Account) pair rate limit hit";
            case 131026 -> "Message undeliverable";
            case 131000 -> "Something went wrong";
            case 190 -> "Invalid OAuth access token";
            default -> "Simulated error";
        };
    }
}
