package com.balcao.app.inbox;

import com.balcao.app.catalog.CatalogDao;
import com.balcao.app.config.AppConfig;
import com.balcao.app.conversations.Conversations;
import com.balcao.app.conversations.HandlingDao;
import com.balcao.app.conversations.MessageDao;
import com.balcao.app.realtime.Realtime;
import com.balcao.app.replies.QuickReplyService;
import com.balcao.app.whatsapp.WhatsApp;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The agents' panel: the conversation list with its views and search, the chat with its
 * timeline and composer, and the message files it shows.
 */
public final class Inbox {
    private Inbox() {
    }

    public static void register(AppConfig config, Environment environment, Jdbi jdbi,
                                Conversations conversations, WhatsApp whatsApp,
                                Realtime realtime, QuickReplyService replies,
                                CatalogDao catalog, Clock clock) {
        HandlingDao handling = jdbi.onDemand(HandlingDao.class);
        InboxDao inboxDao = jdbi.onDemand(InboxDao.class);
        Chats chats = new Chats(jdbi.onDemand(MessageDao.class), inboxDao, handling,
            whatsApp.templates(), realtime.presence(), environment.getObjectMapper(),
            config.tenant.zoneId(), clock);
        PanelSender sender = new PanelSender(conversations.queries(), conversations.outbound(),
            whatsApp.media(), replies, catalog, config.tenant.agentSignature);
        InboxPages pages = new InboxPages(conversations.queries(),
            new InboxLists(inboxDao, handling, config.tenant.zoneId(),
                config.security.shortSearchMessages), chats,
            conversations.actions(), whatsApp.templates(), clock);
        environment.jersey().register(new InboxResource(pages, sender));
        environment.jersey().register(new ChatActionsResource(pages, conversations.actions(),
            sender));
        environment.jersey().register(new PanelMediaResource(conversations.media()));
    }
}
