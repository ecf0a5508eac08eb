package com.balcao.app.bot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages as a customer would see them, for the editor and the test console: texts with
 * sample values in their {variables} (a customer called Maria, the tenant's own name, its
 * departments and catalog) and menus as WhatsApp draws them.
 */
final class Preview {
    private final Map<String, String> samples;
    private final BotContext context;

    Preview(BotContext context, Set<String> savedFields) {
        this.context = context;
        Map<String, String> values = new HashMap<>();
        savedFields.forEach(name -> values.put(name, "(" + name + ")"));
        values.put("nome", "Maria Souza");
        values.put("primeiro_nome", "Maria");
        values.put("empresa", context.businessName() == null ? "" : context.businessName());
        values.put("horario", "seg. a sex., das 9h às 18h");
        values.put("catalogo", Menus.catalogText(context));
        values.put("departamento", context.departments().isEmpty() ? "Comercial"
            : context.departments().get(0).name());
        values.put("atendente", "Ana");
        BotContext.CatalogChoice item = context.catalog().isEmpty() ? null
            : context.catalog().get(0);
        values.put("item", item == null ? "iPhone 15" : item.name());
        values.put("item_preco", item == null || item.price() == null ? "R$ 4.999,00"
            : item.price());
        values.put("item_descricao", item == null || item.description() == null
            ? "128 GB, preto" : item.description());
        values.put("horario_marcado", "terça, 10/12 às 14:00");
        values.put("resposta", "(resposta do cliente)");
        this.samples = Map.copyOf(values);
    }

    Map<String, String> samples() {
        return samples;
    }

    /** A text with the sample values in its variables (unknown ones shown as typed). */
    Bubble text(String text) {
        return Bubble.text(Variables.fill(text, samples));
    }

    /** A state's menu with its body text, drawn as buttons, a list or numbered text. */
    Bubble menu(FlowState.Menu menu, String body, String button) {
        List<Menus.Offered> options = Menus.options(menu, context);
        if (options.isEmpty()) {
            return Bubble.text(Variables.fill(body, samples));
        }
        return of(Menus.render(menu, Variables.fill(body, samples),
            Variables.fill(button, samples), options));
    }

    /** A message the engine produced (the console's replies). */
    static Bubble of(BotEffect.BotMessage message) {
        if (message instanceof BotEffect.Buttons buttons) {
            return new Bubble(WhatsAppFormat.lines(buttons.body()), buttons.buttons().stream()
                .map(BotEffect.Row::title).toList(), null, List.of());
        }
        if (message instanceof BotEffect.ListMenu list) {
            return new Bubble(WhatsAppFormat.lines(list.body()), List.of(), list.button(),
                list.sections().stream().flatMap(s -> s.rows().stream())
                    .map(BotEffect.Row::title).toList());
        }
        if (message instanceof BotEffect.Media media) {
            String caption = media.caption() == null ? "" : "\n" + media.caption();
            return Bubble.text("[" + media.kind() + "] " + media.link() + caption);
        }
        return Bubble.text(((BotEffect.Text) message).body());
    }
}
