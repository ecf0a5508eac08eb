package com.balcao.app.realtime;

import com.balcao.app.config.Redis;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.clients.jedis.params.SetParams;

/**
 * Presence from open event streams, activity and each person's own choice, shared by every
 * replica through Redis. A replica keeps an "alive" key per person with an open stream; a person
 * without one is offline; one who chose "away" or "busy" is that until they choose again; one
 * idle for {@link #IDLE} is away; anyone else online. The replica that changes someone's
 * recorded state is the one that announces it.
 */
public final class Presence {
    static final Duration ALIVE = Duration.ofSeconds(45);
    static final Duration IDLE = Duration.ofMinutes(5);
    private static final Duration CHOICE_LASTS = Duration.ofHours(12);
    private final Redis redis;
    private final EventBus bus;
    private final Clock clock;

    public Presence(Redis redis, EventBus bus, Clock clock) {
        this.redis = redis;
        this.bus = bus;
        this.clock = clock;
    }

    /** Called while a person has an open stream on this replica (on open and each beat). */
    void alive(long userId) {
        redis.client().set(key("alive:" + userId), "1", SetParams.setParams().px(ALIVE.toMillis()));
        redis.client().sadd(key("tracked"), Long.toString(userId));
        refresh(userId);
    }

    /**
     * Re-evaluates everyone last seen with a panel open, so streams that went away and people
     * who went idle are announced; run periodically by every replica.
     */
    void sweep() {
        for (String member : redis.client().smembers(key("tracked"))) {
            long userId = Long.parseLong(member);
            refresh(userId);
            if (stateOf(userId) == PresenceState.OFFLINE) {
                redis.client().srem(key("tracked"), member);
            }
        }
    }

    /** The person used the panel (typed, clicked): they are not idle. */
    public void active(long userId) {
        redis.client().set(key("activity:" + userId), Long.toString(clock.millis()),
            SetParams.setParams().ex(CHOICE_LASTS.toSeconds()));
        refresh(userId);
    }

    /**
     * The state the person chose: away or busy hold until they choose again (for a working
     * day at most); online drops the choice and counts as activity.
     */
    public void choose(long userId, PresenceState chosen) {
        if (!PresenceState.CHOOSABLE.contains(chosen)) {
            throw new IllegalArgumentException("not a state one chooses: " + chosen);
        }
        if (chosen == PresenceState.ONLINE) {
            redis.client().del(key("chosen:" + userId));
            active(userId);
        } else {
            redis.client().set(key("chosen:" + userId), chosen.name(),
                SetParams.setParams().ex(CHOICE_LASTS.toSeconds()));
            refresh(userId);
        }
    }

    /** What the person chose for themselves: online unless they said away or busy. */
    public PresenceState chosenBy(long userId) {
        String chosen = redis.client().get(key("chosen:" + userId));
        return chosen == null ? PresenceState.ONLINE : PresenceState.valueOf(chosen);
    }

    public PresenceState stateOf(long userId) {
        if (!redis.client().exists(key("alive:" + userId))) {
            return PresenceState.OFFLINE;
        }
        PresenceState chosen = chosenBy(userId);
        if (chosen != PresenceState.ONLINE) {
            return chosen;
        }
        String last = redis.client().get(key("activity:" + userId));
        boolean idle = last == null || clock.millis() - Long.parseLong(last) > IDLE.toMillis();
        return idle ? PresenceState.AWAY : PresenceState.ONLINE;
    }

    public Map<Long, PresenceState> statesOf(Collection<Long> userIds) {
        Map<Long, PresenceState> states = new LinkedHashMap<>();
        userIds.forEach(id -> states.put(id, stateOf(id)));
        return states;
    }

    /** Records the current state and announces it if it changed. */
    void refresh(long userId) {
        PresenceState now = stateOf(userId);
        String before = redis.client().setGet(key("state:" + userId), now.name());
        if (!now.name().equals(before)) {
            bus.publish(Event.of(EventType.PRESENCE_CHANGED, null, null,
                Map.of("userId", userId, "state", now.name())));
        }
    }

    private String key(String name) {
        return redis.key("presence:" + name);
    }
}
