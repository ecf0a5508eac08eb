package com.balcao.app.contacts;

import com.balcao.app.conversations.ContactDao;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.labels.Label;
import java.util.List;

/** One contact as the contacts page shows it to one person. */
record ContactCard(String publicId, ContactDao.Details details, List<ContactForm.Field> fields,
                   List<Label> labels, List<ConversationRow> conversations) {
}
