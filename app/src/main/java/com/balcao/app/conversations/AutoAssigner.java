package com.balcao.app.conversations;

import com.balcao.app.conversations.ConversationActions.Assigned;
import com.balcao.app.realtime.Presence;
import com.balcao.app.realtime.PresenceState;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Hands out the queue of departments that distribute automatically. The longest-waiting
 * conversation goes first, to the online agent holding the fewest open conversations among
 * those below their maximum; between equals, to whoever was given one by the distribution
 * least recently (never counts as longest ago), then the lowest id. Away and offline agents
 * receive none. Each assignment is re-checked under locks by
 * {@link ConversationActions#assignTo}, so replicas distributing at once never double-assign.
 */
final class AutoAssigner {
    /** Conversations looked at per department and round; the sweep picks up the rest. */
    private static final int BATCH = 200;
    private static final Comparator<Load> NEXT = Comparator.comparingInt(Load::holding)
        .thenComparing(Load::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingLong(Load::id);
    private final AssignmentDao dao;
    private final ConversationDao conversations;
    private final ConversationActions actions;
    private final Presence presence;
    private final Clock clock;

    AutoAssigner(AssignmentDao dao, ConversationDao conversations, ConversationActions actions,
                 Presence presence, Clock clock) {
        this.dao = dao;
        this.conversations = conversations;
        this.actions = actions;
        this.presence = presence;
        this.clock = clock;
    }

    /** A new conversation: its department's queue is handed out now, if it distributes. */
    void offer(ConversationRow conversation) {
        if (conversation.departmentId() != null) {
            distribute(conversation.departmentId());
        }
    }

    /**
     * A customer's new conversation: when they come back to the department that served them,
     * it goes straight to the person who did, if that person is online with room; otherwise
     * it is offered like any other.
     */
    void welcome(ConversationRow conversation) {
        Long department = conversation.departmentId();
        Optional<Long> person = department == null ? Optional.empty()
            : conversations.lastServed(conversation.contactId(), conversation.id())
                .filter(served -> served.departmentId() == department)
                .map(ConversationDao.Served::personId);
        if (person.isPresent() && presence.stateOf(person.get()) == PresenceState.ONLINE
            && actions.assignTo(conversation.id(), department, person.get()) == Assigned.YES) {
            return;
        }
        offer(conversation);
    }

    /** Every distributing department's queue, for what waited while nobody had room. */
    void distributeAll() {
        dao.autoAssigning().forEach(this::distribute);
    }

    /** Returns how many conversations were given out. */
    int distribute(long departmentId) {
        if (!dao.autoAssigns(departmentId)) {
            return 0;
        }
        List<Long> queue = dao.queue(departmentId, BATCH);
        if (queue.isEmpty()) {
            return 0;
        }
        List<Load> online = dao.agents(departmentId).stream()
            .filter(agent -> presence.stateOf(agent.id()) == PresenceState.ONLINE)
            .map(Load::new).toList();
        int given = 0;
        for (long conversationId : queue) {
            Optional<Assigned> outcome = give(conversationId, departmentId, online);
            if (outcome.isEmpty()) {
                break;
            }
            given += outcome.get() == Assigned.YES ? 1 : 0;
        }
        return given;
    }

    /**
     * Offers the conversation to the next agent with room, and to the one after when that
     * agent turns out to be full; empty when nobody has room left.
     */
    private Optional<Assigned> give(long conversationId, long departmentId, List<Load> online) {
        Optional<Load> next;
        while ((next = online.stream().filter(Load::hasRoom).min(NEXT)).isPresent()) {
            Assigned outcome = actions.assignTo(conversationId, departmentId, next.get().id());
            next.get().after(outcome, clock.instant());
            if (outcome != Assigned.AGENT_UNAVAILABLE) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }

    /** An online agent's load as this round sees it, updated as it hands out. */
    private static final class Load {
        private final AssignmentDao.Agent agent;
        private int holding;
        private Instant lastAssignedAt;
        private boolean full;

        Load(AssignmentDao.Agent agent) {
            this.agent = agent;
            this.holding = agent.holding();
            this.lastAssignedAt = agent.lastAssignedAt();
        }

        long id() {
            return agent.id();
        }

        int holding() {
            return holding;
        }

        Instant lastAssignedAt() {
            return lastAssignedAt;
        }

        boolean hasRoom() {
            return !full && holding < agent.maxConcurrent();
        }

        void after(Assigned outcome, Instant now) {
            if (outcome == Assigned.YES) {
                holding++;
                lastAssignedAt = now;
            } else if (outcome == Assigned.AGENT_UNAVAILABLE) {
                full = true;
            }
        }
    }
}
