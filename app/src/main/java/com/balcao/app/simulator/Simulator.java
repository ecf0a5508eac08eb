package com.balcao.app.simulator;

import com.balcao.app.config.AppConfig;
import com.balcao.app.whatsapp.WhatsApp;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.time.Clock;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in WhatsApp simulator (demo and tests): a fake Graph API the app's Graph client
 * can be pointed at, and a customer phone page that writes to the real webhook. Nothing is
 * registered unless {@code simulator.enabled} is true.
 */
public final class Simulator {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private Simulator() {
    }

    public static void register(AppConfig config, Environment environment, WhatsApp whatsApp,
                                Clock clock) {
        if (!config.simulator.enabled) {
            return;
        }
        LOG.warn("""

            ************************************************************************
            *  THE WHATSAPP SIMULATOR IS ON (SIMULATOR_ENABLED=true).               *
            *  A fake Graph API and a customer phone page are served by this app,   *
            *  and numbers may point their Graph base URL anywhere. Demo and tests  *
            *  only: a production tenant must run with the simulator off.           *
            ************************************************************************""");
        WebhookPoster poster = new WebhookPoster(whatsApp, environment.getObjectMapper());
        environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(Server server) {
                poster.port(getLocalPort(server));
            }
        });
        Phone phone = new Phone(clock);
        StatusEcho echo = new StatusEcho(poster, phone, config.simulator.statusDelayMillis, clock);
        environment.lifecycle().manage(echo);
        GraphFailures failures = new GraphFailures();
        FakeGraph graph = new FakeGraph(config.simulator.mps, config.simulator.maxMediaFiles,
            config.simulator.maxMediaBytes, failures, echo, phone);
        var jersey = environment.jersey();
        jersey.register(new SimulatorGraphResource(graph, new TemplateReview(graph, poster,
            whatsApp, clock), whatsApp));
        jersey.register(new PhoneResource(phone, graph, poster, whatsApp));
        jersey.register(new PhonePageResource(whatsApp));
        jersey.register(new SimulatorAdminResource(graph, failures));
    }
}
