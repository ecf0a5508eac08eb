package com.balcao.app.contacts;

import com.balcao.app.conversations.ContactDao;
import com.balcao.app.conversations.Conversations;
import com.balcao.app.labels.LabelDao;
import com.balcao.app.whatsapp.Templates;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Contacts: the panel beside a chat (details, custom fields, labels, past conversations) and
 * the contacts page (list, search, one contact, "Nova conversa" with a template).
 */
public final class Contacts {
    private Contacts() {
    }

    public static void register(Environment environment, Jdbi jdbi, Conversations conversations,
                                Templates templates, Clock clock) {
        ContactDao contacts = jdbi.onDemand(ContactDao.class);
        LabelDao labels = jdbi.onDemand(LabelDao.class);
        CustomFields customFields = new CustomFields(environment.getObjectMapper());
        ContactPanelService panel = new ContactPanelService(conversations.queries(), contacts,
            jdbi.onDemand(ContactPanelDao.class), labels, customFields, conversations.events(),
            clock);
        environment.jersey().register(new ContactPanelResource(panel));
        environment.jersey().register(new ContactsResource(new ContactDirectory(
            jdbi.onDemand(ContactDirectoryDao.class), contacts, labels, panel, customFields,
            conversations.events(), clock), new ContactStarts(conversations.starter(),
            templates)));
    }
}
