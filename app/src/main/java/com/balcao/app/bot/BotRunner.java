package com.balcao.app.bot;

import com.balcao.app.config.Daos;
import com.balcao.app.conversations.BotBridge;
import com.balcao.app.conversations.BotHook;
import com.balcao.app.whatsapp.InboundMessage;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine on the message path: after a customer's message is committed, while the bot
 * owns the conversation, under its lock (so it never speaks after a take over committed). Also
 * restarts the flow when a person returns a conversation to the bot, and moves idle ones on.
 */
final class BotRunner implements BotHook {
    private static final Logger LOG = LoggerFactory.getLogger(BotRunner.class);
    private final FlowStore flows;
    private final BotBridge bridge;
    private final BotContexts contexts;
    private final EffectApplier effects;
    private final ObjectMapper json;
    private final Jdbi jdbi;
    private final Clock clock;

    BotRunner(Jdbi jdbi, FlowStore flows, BotBridge bridge, BotContexts contexts,
              EffectApplier effects,
              ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.flows = flows;
        this.bridge = bridge;
        this.contexts = contexts;
        this.effects = effects;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public boolean takesNewConversations() {
        return flows.active().isPresent();
    }

    @Override
    public void inbound(long conversationId, long messageId, InboundMessage message) {
        answer(conversationId, messageId, message.type(), message.text(), message.rawJson());
    }

    /**
     * Queues a turn for each customer message the bot owes an answer (a turn lost in a
     * restart); those newer than {@code grace} are left to the turns already queued.
     */
    int catchUp(java.time.Duration grace) {
        java.util.List<SessionDao.Unanswered> owed = jdbi.onDemand(SessionDao.class)
            .unanswered(clock.instant().minus(grace), 100);
        owed.forEach(message -> bridge.turns().submit(message.conversationId(),
            () -> answer(message.conversationId(), message.messageId(), message.type(),
                message.body(), message.payload())));
        return owed.size();
    }

    /** The bot's answer to one customer message, once (a replayed turn does nothing). */
    private void answer(long conversationId, long messageId, String type, String text,
                        String rawJson) {
        if (SessionDao.SILENT.contains(type)) {
            return;
        }
        Engine.Incoming incoming = new Engine.Incoming(text, replyId(type, rawJson));
        bridge.whileBotOwns(conversationId, (conversation, moves) -> {
            SessionDao sessions = Daos.on(moves.handle(), SessionDao.class);
            Optional<SessionDao.SessionRow> stored = sessions.find(conversationId);
            if (stored.isPresent() && stored.get().lastMessageId() != null
                && stored.get().lastMessageId() >= messageId) {
                return;
            }
            Instant now = clock.instant();
            BotContext context = contexts.of(moves.handle(), conversation, now);
            Engine.Outcome outcome;
            Flow flow;
            if (stored.isPresent() && flows.version(stored.get().versionId()).isPresent()) {
                flow = flows.version(stored.get().versionId()).orElseThrow();
                outcome = Engine.answer(flow, session(stored.get()), context, incoming, now);
            } else {
                Optional<FlowStore.Version> active = flows.active();
                if (active.isEmpty()) {
                    moves.toQueue(null, null, conversation.departmentName());
                    return;
                }
                flow = active.get().flow();
                outcome = Engine.start(active.get().id(), flow, context, now);
            }
            finish(conversation, moves, flow, context, outcome, messageId, now);
        });
    }

    @Override
    public void returned(long conversationId) {
        restart(conversationId, null);
    }

    /**
     * Starts the active flow over on a conversation the bot owns: at {@code state} when given,
     * else where the flow says a conversation handed back to the bot starts, else at its start.
     */
    void restart(long conversationId, String state) {
        bridge.whileBotOwns(conversationId, (conversation, moves) -> {
            Optional<FlowStore.Version> active = flows.active();
            if (active.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            Handle handle = moves.handle();
            Daos.on(handle, SessionDao.class).delete(conversationId);
            BotContext context = contexts.of(handle, conversation, now);
            Flow flow = active.get().flow();
            String at = state != null ? state : flow.settings().returnTo();
            Engine.Outcome outcome = at != null && flow.state(at).isPresent()
                ? Engine.startAt(active.get().id(), flow, at, context, now)
                : Engine.start(active.get().id(), flow, context, now);
            Long last = handle.createQuery("SELECT MAX(id) FROM messages WHERE "
                + "conversation_id = :id AND direction = 'inbound'").bind("id", conversationId)
                .mapTo(Long.class).findOne().orElse(null);
            finish(conversation, moves, flow, context, outcome, last, now);
        });
    }

    /** Moves on every conversation idle past its state's timeout; returns how many. */
    int expireDue() {
        int moved = 0;
        Instant now = clock.instant();
        SessionDao due = jdbi.onDemand(SessionDao.class);
        for (long conversationId : due.due(now, 100)) {
            boolean owned = bridge.whileBotOwns(conversationId, (conversation, moves) -> {
                SessionDao sessions = Daos.on(moves.handle(), SessionDao.class);
                Optional<SessionDao.SessionRow> stored = sessions.find(conversationId);
                Optional<Flow> flow = stored.flatMap(s -> flows.version(s.versionId()));
                if (stored.isEmpty() || flow.isEmpty()) {
                    return;
                }
                BotContext context = contexts.of(moves.handle(), conversation, now);
                Engine.expire(flow.get(), session(stored.get()), context, now).ifPresent(
                    outcome -> finish(conversation, moves, flow.get(), context, outcome, null,
                        now));
            });
            if (owned) {
                moved++;
            } else {
                due.delete(conversationId);
            }
        }
        return moved;
    }

    private void finish(BotBridge.Held conversation, BotBridge.Moves moves, Flow flow,
                        BotContext context, Engine.Outcome outcome, Long messageId,
                        Instant now) {
        SessionDao sessions = Daos.on(moves.handle(), SessionDao.class);
        if (outcome.greeted()) {
            sessions.greeted(conversation.contactId(), now);
        }
        Engine.Outcome applied = effects.apply(conversation, moves, flow, outcome, context, now);
        if (LOG.isDebugEnabled() && !outcome.trace().isEmpty()) {
            LOG.debug("Bot on {}: {} {}", conversation.publicId(), outcome.trace(),
                applied == outcome ? "" : applied.trace());
        }
        BotSession next = applied.session();
        if (next == null) {
            sessions.delete(conversation.id());
            return;
        }
        sessions.save(conversation.id(), next.versionId(), next.state(), next.misses(),
            write(next.vars()), next.lastActivityAt(), next.minuteStart(), next.sentInMinute(),
            messageId, Engine.timeoutAt(flow, next));
    }

    private BotSession session(SessionDao.SessionRow row) {
        return new BotSession(row.versionId(), row.state(), row.misses(), read(row.vars()),
            row.lastActivityAt(), row.minuteStart(), row.sentInMinute());
    }

    /** The id of the button or list row tapped, from the message as Meta sent it. */
    private String replyId(String type, String rawJson) {
        if (rawJson == null || !"interactive".equals(type) && !"button".equals(type)) {
            return null;
        }
        try {
            JsonNode node = json.readTree(rawJson);
            JsonNode interactive = node.path("interactive");
            for (String kind : new String[] {"button_reply", "list_reply"}) {
                if (interactive.path(kind).hasNonNull("id")) {
                    return interactive.path(kind).get("id").asText();
                }
            }
            return node.path("button").hasNonNull("payload")
                ? node.path("button").get("payload").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private String write(Map<String, String> vars) {
        try {
            return vars.isEmpty() ? null : json.writeValueAsString(vars);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String vars) {
        try {
            return vars == null ? Map.of() : json.readValue(vars, new TypeReference<>() { });
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }
}
