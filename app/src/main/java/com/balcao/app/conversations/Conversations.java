package com.balcao.app.conversations;

import com.balcao.app.config.AppConfig;
import com.balcao.app.labels.LabelDao;
import com.balcao.app.realtime.Realtime;
import com.balcao.app.replies.QuickReplyService;
import com.balcao.app.whatsapp.WhatsApp;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Contacts, conversations and messages: records what WhatsApp delivers, hands queues out to
 * online agents where departments ask for it, serves the REST API, and sends agents' messages
 * through the WhatsApp outbox.
 */
public final class Conversations {
    private Conversations() {
    }

    /** Registers the feature; the returned bridge is where the bot plugs in. */
    public static BotBridge register(AppConfig config, Environment environment, Jdbi jdbi,
                                WhatsApp whatsApp, Realtime realtime, QuickReplyService replies,
                                Clock clock) {
        ConversationEvents events = new ConversationEvents(realtime.bus(),
            jdbi.onDemand(QueueDao.class));
        ConversationQueries queries = new ConversationQueries(
            jdbi.onDemand(ConversationDao.class), jdbi.onDemand(MessageDao.class));
        BotBridge.Slot bot = new BotBridge.Slot();
        ConversationActions actions = new ConversationActions(jdbi, queries, events,
            whatsApp.outbox(), environment.getObjectMapper(), bot, clock);
        AutoAssigner assigner = new AutoAssigner(jdbi.onDemand(AssignmentDao.class), actions,
            realtime.presence(), clock);
        environment.lifecycle().manage(new AssignmentSweep(assigner,
            Duration.ofSeconds(config.assignment.sweepSeconds)));
        whatsApp.listener(new InboundRecorder(jdbi, whatsApp.media(), events, assigner::offer,
            bot, clock));
        Composer composer = new Composer(whatsApp.media(), whatsApp.templates());
        OutboundService outbound = new OutboundService(jdbi, queries, composer, whatsApp.outbox(),
            events, environment.getObjectMapper(), config.tenant.zoneId(), clock);
        MediaService media = new MediaService(queries, whatsApp.media());
        var jersey = environment.jersey();
        jersey.register(new ConversationsApiResource(queries, actions, outbound, media,
            environment.getObjectMapper(), clock));
        jersey.register(new PanelMediaResource(media));
        HandlingDao handling = jdbi.onDemand(HandlingDao.class);
        InboxDao inboxDao = jdbi.onDemand(InboxDao.class);
        Chats chats = new Chats(jdbi.onDemand(MessageDao.class), inboxDao, handling,
            whatsApp.templates(), realtime.presence(), environment.getObjectMapper(),
            config.tenant.zoneId(), clock);
        PanelSender sender = new PanelSender(queries, outbound, whatsApp.media(), replies,
            config.tenant.agentSignature);
        jersey.register(new InboxResource(new Inbox(queries,
            new InboxLists(inboxDao, handling, config.tenant.zoneId(),
                config.security.shortSearchMessages), chats, actions, sender,
            whatsApp.templates(), clock)));
        jersey.register(new ContactPanelResource(new ContactPanelService(queries,
            jdbi.onDemand(ContactDao.class), jdbi.onDemand(ContactPanelDao.class),
            jdbi.onDemand(LabelDao.class), new CustomFields(environment.getObjectMapper()),
            events, clock)));
        return new BotBridge(bot, jdbi, events, whatsApp.outbox(), assigner::offer,
            environment.getObjectMapper(), clock);
    }
}
