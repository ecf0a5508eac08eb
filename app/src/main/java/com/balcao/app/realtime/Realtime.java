package com.balcao.app.realtime;

import com.balcao.app.config.Redis;
import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.util.component.LifeCycle;

/** The realtime feature: the event bus every feature publishes to, and the SSE streams. */
public final class Realtime {
    private final EventBus bus;
    private final EventHub hub;

    private Realtime(EventBus bus, EventHub hub) {
        this.bus = bus;
        this.hub = hub;
    }

    public static Realtime register(Environment environment, Redis redis) {
        EventBus bus = new EventBus(redis, environment.getObjectMapper());
        EventHub hub = new EventHub(redis, bus, environment.getObjectMapper());
        environment.lifecycle().manage(hub);
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                hub.closeAll();
            }
        });
        environment.jersey().register(new RealtimeResource(hub));
        return new Realtime(bus, hub);
    }

    public EventBus bus() {
        return bus;
    }

    public EventHub hub() {
        return hub;
    }
}
