package com.balcao.app.realtime;

import com.balcao.app.config.Redis;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.eclipse.jetty.util.component.LifeCycle;

/** The realtime feature: the event bus every feature publishes to, and the SSE streams. */
public final class Realtime {
    private final EventBus bus;
    private final EventHub hub;
    private final Presence presence;

    private Realtime(EventBus bus, EventHub hub, Presence presence) {
        this.bus = bus;
        this.hub = hub;
        this.presence = presence;
    }

    public static Realtime register(Environment environment, Redis redis, int heartbeatSeconds,
                                    Clock clock) {
        EventBus bus = new EventBus(redis, environment.getObjectMapper());
        Presence presence = new Presence(redis, bus, clock);
        EventHub hub = new EventHub(redis, bus, presence, environment.getObjectMapper(),
            heartbeatSeconds);
        environment.lifecycle().manage(hub);
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                hub.closeAll();
            }
        });
        environment.jersey().register(new RealtimeResource(hub));
        environment.jersey().register(new PresenceResource(presence));
        return new Realtime(bus, hub, presence);
    }

    public EventBus bus() {
        return bus;
    }

    public EventHub hub() {
        return hub;
    }

    public Presence presence() {
        return presence;
    }
}
