package com.balcao.app.conversations;

import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Periodic;
import com.balcao.app.realtime.Realtime;
import com.balcao.app.whatsapp.WhatsApp;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Contacts, conversations and messages as data: records what WhatsApp delivers, moves each
 * conversation's owner ({@link OwnerState}), hands queues out to online agents where
 * departments ask for it, serves the REST API, and sends staff's messages through the outbox.
 * The panel features ({@code inbox}, {@code contacts}) and the bot build on what it returns.
 */
public final class Conversations {
    private final ConversationQueries queries;
    private final ConversationActions actions;
    private final OutboundService outbound;
    private final ConversationEvents events;
    private final MediaService media;
    private final ConversationOwners owners;
    private final BotBridge bot;
    private final ConversationStarter starter;

    private Conversations(ConversationQueries queries, ConversationActions actions,
                          OutboundService outbound, ConversationEvents events,
                          MediaService media, ConversationOwners owners, BotBridge bot,
                          ConversationStarter starter) {
        this.bot = bot;
        this.starter = starter;
        this.queries = queries;
        this.actions = actions;
        this.outbound = outbound;
        this.events = events;
        this.media = media;
        this.owners = owners;
    }

    public static Conversations register(AppConfig config, Environment environment, Jdbi jdbi,
                                         WhatsApp whatsApp, Realtime realtime, Clock clock) {
        ConversationEvents events = new ConversationEvents(realtime.bus(),
            jdbi.onDemand(QueueDao.class));
        ConversationQueries queries = new ConversationQueries(
            jdbi.onDemand(ConversationDao.class), jdbi.onDemand(MessageDao.class));
        ConversationChanges changes = new ConversationChanges(jdbi, events,
            environment.getObjectMapper(), clock);
        BotBridge.Slot slot = new BotBridge.Slot();
        ConversationActions actions = new ConversationActions(jdbi, queries, changes, events,
            whatsApp.outbox(), slot, clock);
        AutoAssigner assigner = new AutoAssigner(jdbi.onDemand(AssignmentDao.class),
            jdbi.onDemand(ConversationDao.class), actions, realtime.presence(), clock);
        // What arrived while every agent was full, away or offline reaches the first one who
        // comes online or frees a slot; every replica sweeps, the assignment's locks keep that
        // safe.
        environment.lifecycle().manage(Periodic.every(
            Duration.ofSeconds(config.assignment.sweepSeconds), "auto-assign",
            assigner::distributeAll));
        ConversationOwners owners = new ConversationOwners(jdbi.onDemand(ConversationDao.class),
            jdbi.onDemand(HandlingDao.class), changes, events);
        BotTurns turns = new BotTurns(config.bot.workers, jdbi, events::together);
        environment.lifecycle().manage(turns);
        whatsApp.listener(new InboundRecorder(jdbi, whatsApp.media(), events, assigner::welcome,
            slot, turns, new EchoRecorder(jdbi, events, owners, clock),
            new StatusRecorder(jdbi, events, clock), clock));
        OutboundService outbound = new OutboundService(jdbi, queries,
            new Composer(whatsApp.media(), whatsApp.templates()), whatsApp.outbox(), events,
            environment.getObjectMapper(), config.tenant.zoneId(), clock);
        MediaService media = new MediaService(queries, whatsApp.media());
        environment.jersey().register(new ConversationsApiResource(queries, actions, outbound,
            media, environment.getObjectMapper(), clock));
        BotBridge bot = new BotBridge(slot, turns, jdbi, events, whatsApp.outbox(),
            assigner::offer, environment.getObjectMapper(), clock);
        ConversationStarter starter = new ConversationStarter(jdbi, actions, outbound, events,
            environment.getObjectMapper(), clock);
        return new Conversations(queries, actions, outbound, events, media, owners, bot,
            starter);
    }

    public ConversationQueries queries() {
        return queries;
    }

    public ConversationActions actions() {
        return actions;
    }

    public OutboundService outbound() {
        return outbound;
    }

    public ConversationEvents events() {
        return events;
    }

    public MediaService media() {
        return media;
    }

    /** The owner moves the app makes by itself (the bot's hand-over, the business phone). */
    public ConversationOwners owners() {
        return owners;
    }

    /** Staff writing first to a contact, with a template. */
    public ConversationStarter starter() {
        return starter;
    }

    /** Where the bot plugs in and what it may do while it owns a conversation. */
    public BotBridge bot() {
        return bot;
    }
}
