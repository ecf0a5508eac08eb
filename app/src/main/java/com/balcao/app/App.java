package com.balcao.app;

import com.balcao.app.auth.Auth;
import com.balcao.app.backups.BackupCommand;
import com.balcao.app.backups.Backups;
import com.balcao.app.appointments.Appointments;
import com.balcao.app.bot.Bot;
import com.balcao.app.bot.BotAi;
import com.balcao.app.catalog.Catalog;
import com.balcao.app.catalog.CatalogDao;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Databases;
import com.balcao.app.config.Redis;
import com.balcao.app.demo.SeedDemoCommand;
import com.balcao.app.contacts.Contacts;
import com.balcao.app.conversations.Conversations;
import com.balcao.app.departments.Departments;
import com.balcao.app.health.Health;
import com.balcao.app.inbox.Inbox;
import com.balcao.app.labels.Labels;
import com.balcao.app.simulator.Simulator;
import com.balcao.app.supervision.Supervision;
import com.balcao.app.realtime.Realtime;
import com.balcao.app.replies.QuickReplies;
import com.balcao.app.replies.QuickReplyService;
import com.balcao.app.users.CreateAdminCommand;
import com.balcao.app.users.Users;
import com.balcao.app.web.Web;
import com.balcao.app.whatsapp.WhatsApp;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.forms.MultiPartBundle;
import io.dropwizard.migrations.MigrationsBundle;
import io.dropwizard.views.common.ViewBundle;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The tenant appliance. {@link #run} is the table of contents: each feature wires itself. */
public final class App extends Application<AppConfig> {
    private final Clock clock;

    public App() {
        this(Clock.systemUTC());
    }

    /** The app on {@code clock}: every rule about time (reminders, timeouts, windows) reads it. */
    public App(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new App().run(args);
    }

    @Override
    public String getName() {
        return "balcao";
    }

    @Override
    public void initialize(Bootstrap<AppConfig> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), AppConfig.environmentSubstitutor()));
        bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(AppConfig config) {
                return config.database;
            }
        });
        bootstrap.addBundle(new ViewBundle<>() {
            @Override
            public Map<String, Map<String, String>> getViewConfiguration(AppConfig config) {
                return config.views;
            }
        });
        bootstrap.addBundle(new MultiPartBundle());
        bootstrap.addBundle(new AssetsBundle("/assets", "/assets", null, "assets"));
        bootstrap.addBundle(new AssetsBundle("/META-INF/resources/webjars", "/webjars", null,
            "webjars"));
        bootstrap.addCommand(new CreateAdminCommand());
        bootstrap.addCommand(new SeedDemoCommand());
        bootstrap.addCommand(new BackupCommand());
    }

    @Override
    public void run(AppConfig config, Environment environment) {
        Jdbi jdbi = Databases.build(config, environment);
        Redis redis = new Redis(config.redis);
        environment.lifecycle().manage(redis);
        Health.register(environment, redis);

        Realtime realtime = Realtime.register(environment, redis,
            config.security.streamHeartbeatSeconds, clock);
        Web web = Web.register(config, environment, redis, realtime.hub()::latestId);
        Auth auth = Auth.register(config, environment, jdbi, redis, web.pages(), clock);
        Departments.register(environment, jdbi, clock);
        Users.register(config, environment, jdbi, auth, clock);
        WhatsApp whatsApp = WhatsApp.register(config, environment, jdbi, redis, clock);
        QuickReplyService replies = QuickReplies.register(environment, jdbi, clock);
        Conversations conversations = Conversations.register(config, environment, jdbi,
            whatsApp, realtime, clock);
        Appointments appointments = Appointments.register(config, environment, jdbi,
            whatsApp, conversations, clock);
        Bot.register(config, environment, jdbi, conversations.bot(), realtime.presence(),
            BotAi.NONE, appointments.forBot(), clock);
        CatalogDao catalog = Catalog.register(environment, jdbi, clock);
        Inbox.register(config, environment, jdbi, conversations, whatsApp, realtime, replies,
            catalog, clock);
        Contacts.register(environment, jdbi, conversations, whatsApp.templates(), clock);
        Simulator.register(config, environment, whatsApp, clock);
        Labels.register(environment, jdbi, clock);
        Supervision.register(environment, jdbi, realtime.presence(), clock);
        Backups.register(config, environment, jdbi, redis, clock);
    }
}
