package com.balcao.app.whatsapp;

import java.util.List;

/**
 * Everything one webhook call carries, in order, across all its entries and changes;
 * {@code echoes} are what the business typed in the WhatsApp Business app (coexistence).
 */
record ParsedWebhook(List<InboundMessage> messages, List<StatusUpdate> statuses,
                     List<TemplateUpdate> templates, List<String> errors,
                     List<InboundMessage> echoes) {
}
