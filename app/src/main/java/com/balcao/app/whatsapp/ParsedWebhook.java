package com.balcao.app.whatsapp;

import java.util.List;

/** Everything one webhook call carries, in order, across all its entries and changes. */
record ParsedWebhook(List<InboundMessage> messages, List<StatusUpdate> statuses,
                     List<TemplateUpdate> templates, List<String> errors) {
}
