package com.balcao.app.conversations;

import com.balcao.app.config.Columns;
import com.balcao.app.config.Daos;
import com.balcao.app.whatsapp.SendFailure;
import com.balcao.app.whatsapp.StatusUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Where our messages are on their way: statuses from webhooks, and the outcome of each send.
 * Nothing here runs in a transaction: recording ignores a repeat and statuses only move
 * forward, so a replay after a failure finishes the job; and a recorded status is visible at
 * once to a send whose answer (naming the wamid) lands meanwhile.
 */
final class StatusRecorder {
    private final Jdbi jdbi;
    private final StatusDao recorded;
    private final MessageDao messages;
    private final ConversationEvents events;
    private final Clock clock;

    StatusRecorder(Jdbi jdbi, ConversationEvents events, Clock clock) {
        this.jdbi = jdbi;
        this.recorded = jdbi.onDemand(StatusDao.class);
        this.messages = jdbi.onDemand(MessageDao.class);
        this.events = events;
        this.clock = clock;
    }

    /** One reported status of a message, as it arrived. */
    private record Reported(StatusUpdate update, MessageStatus status) {
    }

    /**
     * Records every status in one batch, then moves each message once: to the furthest status
     * reported for it, then through its failures (a failure keeps its reason whatever order
     * the two came in), which leaves it where applying them one by one would.
     */
    void record(List<StatusUpdate> updates) {
        Map<String, List<Reported>> byMessage = new LinkedHashMap<>();
        for (StatusUpdate update : updates) {
            MessageStatus.reported(update.status()).ifPresent(status -> byMessage
                .computeIfAbsent(update.wamid(), wamid -> new ArrayList<>())
                .add(new Reported(update, status)));
        }
        if (byMessage.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<StatusDao.Row> rows = byMessage.values().stream().flatMap(List::stream)
            .map(r -> new StatusDao.Row(r.update().wamid(), r.status(), r.update().timestamp(),
                Columns.clip(r.update().recipientId(), 160), r.update().errorCode(),
                Columns.clip(r.update().errorTitle(), 255),
                Columns.clip(r.update().errorDetail(), 1000),
                Columns.clip(r.update().callbackData(), 512)))
            .toList();
        recorded.record(rows, now);
        List<String> moved = jdbi.withHandle(handle -> {
            MessageDao dao = Daos.on(handle, MessageDao.class);
            Set<String> advanced = advanceAll(dao, byMessage, now);
            List<String> wamids = new ArrayList<>();
            byMessage.forEach((wamid, reported) -> {
                // Not moved: already further, or the status came before the send's answer
                // named our message; the callback data we sent with it names it then.
                if (failures(dao, wamid, reported) | advanced.contains(wamid)
                    || adopted(dao, reported) && move(dao, wamid, reported)) {
                    wamids.add(wamid);
                }
            });
            return wamids;
        });
        if (!moved.isEmpty()) {
            events.messagesUpdated(messages.audienceByWamids(moved));
        }
    }

    /** Each message to its furthest status reported, in one round trip: those that moved. */
    private static Set<String> advanceAll(MessageDao dao, Map<String, List<Reported>> byMessage,
                                          Instant now) {
        List<MessageDao.Advance> moves = new ArrayList<>();
        byMessage.forEach((wamid, reported) -> furthest(reported).ifPresent(status ->
            moves.add(new MessageDao.Advance(wamid, status))));
        Set<String> moved = new HashSet<>();
        if (moves.isEmpty()) {
            return moved;
        }
        int[] counts = dao.advanceAll(moves, now);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                moved.add(moves.get(i).wamid());
            }
        }
        return moved;
    }

    private boolean move(MessageDao dao, String wamid, List<Reported> reported) {
        Optional<MessageStatus> furthest = furthest(reported);
        boolean moved = furthest.isPresent() && apply(dao, wamid, furthest.get(), null, null,
            null);
        return failures(dao, wamid, reported) | moved;
    }

    private static Optional<MessageStatus> furthest(List<Reported> reported) {
        return reported.stream().map(Reported::status)
            .filter(status -> status != MessageStatus.FAILED)
            .max(Comparator.comparingInt(MessageStatus::rank));
    }

    /** Applies each reported failure, keeping its reason; true when one changed the message. */
    private boolean failures(MessageDao dao, String wamid, List<Reported> reported) {
        boolean moved = false;
        for (Reported r : reported) {
            if (r.status() == MessageStatus.FAILED) {
                moved |= apply(dao, wamid, MessageStatus.FAILED, r.update().errorCode(),
                    r.update().errorTitle(), r.update().errorDetail());
            }
        }
        return moved;
    }

    /** False when no message waits for this wamid (or another one has it already). */
    private boolean adopted(MessageDao dao, List<Reported> reported) {
        Optional<StatusUpdate> named = reported.stream().map(Reported::update)
            .filter(u -> u.callbackData() != null).findFirst();
        if (named.isEmpty()) {
            return false;
        }
        try {
            return dao.adoptWamid(named.get().callbackData(), named.get().wamid(),
                clock.instant()) > 0;
        } catch (UnableToExecuteStatementException e) {
            if (Columns.duplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean apply(MessageDao dao, String wamid, MessageStatus status, Integer code,
                          String title, String detail) {
        Instant now = clock.instant();
        if (status == MessageStatus.FAILED) {
            return dao.failByWamid(wamid, code, Columns.clip(title, 255),
                Columns.clip(detail, 1000), now) > 0;
        }
        return dao.advance(wamid, status, now) > 0;
    }

    /**
     * The send was accepted: the message takes its wamid and any status that came first (read
     * with the message's audience, as they seldom come first).
     */
    void accepted(long messageId, String wamid) {
        Optional<MessageAudience> audience = jdbi.withHandle(handle -> {
            MessageDao dao = Daos.on(handle, MessageDao.class);
            dao.accepted(messageId, wamid, clock.instant());
            Optional<MessageAudience.Accepted> accepted = dao.acceptedAudience(messageId);
            if (accepted.isEmpty() || !accepted.get().statusesFirst()) {
                return accepted.map(MessageAudience.Accepted::audience);
            }
            for (RecordedStatus early : Daos.on(handle, StatusDao.class).of(wamid)) {
                apply(dao, wamid, early.status(), early.errorCode(), early.errorTitle(),
                    early.errorDetail());
            }
            return dao.audience(messageId);
        });
        audience.ifPresent(events::messageUpdated);
    }

    void failed(long messageId, SendFailure failure) {
        messages.failById(messageId, failure.code(), Columns.clip(failure.title(), 255),
            Columns.clip(failure.detail(), 1000), clock.instant());
        messages.audience(messageId).ifPresent(events::messageUpdated);
    }
}
