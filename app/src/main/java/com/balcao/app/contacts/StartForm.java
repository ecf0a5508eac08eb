package com.balcao.app.contacts;

import com.balcao.app.conversations.ConversationStarter;
import com.balcao.app.whatsapp.Templates;
import java.util.List;

/**
 * The "Nova conversa" form as shown: the choices, what is picked ({@code number} null when
 * the person may use none), the approved templates and the chosen one, and what was typed.
 */
record StartForm(ConversationStarter.Choices choices, ConversationStarter.NumberChoice number,
                 Long departmentId, List<Templates.Info> templates, Templates.Info template,
                 List<String> params, String key) {
}
