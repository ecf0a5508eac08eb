package com.balcao.app.contacts;

import com.balcao.app.conversations.ContactDao;
import com.balcao.app.conversations.Conversations;
import com.balcao.app.labels.LabelDao;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The contact panel beside a chat: details, custom fields, labels, past conversations. */
public final class Contacts {
    private Contacts() {
    }

    public static void register(Environment environment, Jdbi jdbi, Conversations conversations,
                                Clock clock) {
        environment.jersey().register(new ContactPanelResource(new ContactPanelService(
            conversations.queries(), jdbi.onDemand(ContactDao.class),
            jdbi.onDemand(ContactPanelDao.class), jdbi.onDemand(LabelDao.class),
            new CustomFields(environment.getObjectMapper()), conversations.events(), clock)));
    }
}
