package com.balcao.app.bot;

import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Periodic;
import com.balcao.app.conversations.BotBridge;
import com.balcao.app.realtime.Presence;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The bot that answers first: the tenant's active flow runs on every conversation it owns,
 * from the customer's first message until it routes, hands over or closes.
 */
public final class Bot {
    private Bot() {
    }

    public static FlowStore register(AppConfig config, Environment environment, Jdbi jdbi,
                                     BotBridge bridge, Presence presence, BotAi ai,
                                     BotAppointments appointments, Clock clock) {
        FlowStore flows = new FlowStore(jdbi, clock);
        BotRunner runner = new BotRunner(jdbi, flows, bridge,
            new BotContexts(bridge, presence, config.tenant.name, appointments),
            new EffectApplier(ai, appointments),
            environment.getObjectMapper(), clock);
        bridge.plug(runner);
        environment.lifecycle().manage(new NicheFlow(config.bot.niche, jdbi, flows));
        environment.lifecycle().manage(Periodic.every(Duration.ofSeconds(config.bot.sweepSeconds),
            "bot-timeouts", new BotSweep(runner)));
        BotConsole console = new BotConsole(jdbi, flows, config.tenant.name, clock);
        environment.jersey().register(new BotApi(flows, console));
        FlowEditor editor = new FlowEditor(jdbi, flows, config.tenant.name);
        environment.jersey().register(new BotPanelResource(editor, console));
        environment.jersey().register(new FlowEditorResource(editor));
        return flows;
    }
}
