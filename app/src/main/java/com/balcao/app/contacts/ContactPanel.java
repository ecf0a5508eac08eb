package com.balcao.app.contacts;

import com.balcao.app.conversations.ContactDao;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.labels.Label;
import java.util.List;

/** Everything the contact panel shows for one conversation, as its viewer may see it. */
record ContactPanel(ConversationRow conversation, ContactDao.Details contact,
                    List<ContactForm.Field> fields, List<Label> labels, List<Label> allLabels,
                    List<ConversationRow> past) {
}
