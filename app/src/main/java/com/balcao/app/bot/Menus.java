package com.balcao.app.bot;

import com.balcao.app.bot.BotEffect.BotMessage;
import com.balcao.app.bot.BotEffect.Row;
import com.balcao.app.bot.FlowState.Menu;
import com.balcao.app.bot.FlowState.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A state's menu made concrete: its options (static, departments or catalog) and its message. */
final class Menus {
    static final int MAX_BUTTONS = 3;
    static final int MAX_ROWS = 10;
    static final int BUTTON_TITLE = 20;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;

    private Menus() {
    }

    /** An option as offered: what picking it runs and the variables it sets. */
    record Offered(String id, String title, String description, List<String> keywords,
                   List<BotAction> then, Map<String, String> vars) {
        Matcher.Choice choice() {
            return new Matcher.Choice(id, title, keywords, List.of());
        }
    }

    static List<Offered> options(Menu menu, BotContext context) {
        List<Offered> offered = new ArrayList<>();
        switch (menu.source()) {
            case DEPARTMENTS -> context.departments().forEach(department -> offered.add(
                new Offered("dep:" + department.slug(), department.name(), null,
                    department.keywords(), menu.onPick().isEmpty()
                    ? List.of(new BotAction.Say(BotTexts.ROUTED), new BotAction.Route("{picked}"))
                    : menu.onPick(),
                    Map.of("picked", department.slug(), "departamento", department.name()))));
            case CATALOG -> context.catalog().stream()
                .filter(item -> menu.category() == null || menu.category().isBlank()
                    || menu.category().equalsIgnoreCase(item.category()))
                .forEach(item -> offered.add(new Offered("item:" + item.id(), item.name(),
                    item.price(), List.of(), menu.onPick(), Map.of("item", item.name(),
                    "item_preco", item.price() == null ? "" : item.price(),
                    "item_descricao", item.description() == null ? "" : item.description(),
                    "item_id", item.id()))));
            case STATIC -> {
                int n = 0;
                for (Option option : menu.options()) {
                    n++;
                    offered.add(new Offered(option.id() == null ? "o" + n : option.id(),
                        option.title(), option.description(), option.keywords(), option.then(),
                        Map.of()));
                }
            }
        }
        return offered;
    }

    /** The menu as WhatsApp shows it: reply buttons, a list, or numbered text. */
    static BotMessage render(Menu menu, String body, String button, List<Offered> options) {
        FlowState.Style style = menu.style();
        if (style == FlowState.Style.AUTO) {
            style = options.size() <= MAX_BUTTONS && options.stream()
                .allMatch(o -> o.title().length() <= BUTTON_TITLE) ? FlowState.Style.BUTTONS
                : options.size() <= MAX_ROWS ? FlowState.Style.LIST : FlowState.Style.TEXT;
        }
        if (style == FlowState.Style.BUTTONS && options.size() <= MAX_BUTTONS) {
            return new BotEffect.Buttons(body, options.stream().map(o -> new Row(o.id(),
                clip(o.title(), BUTTON_TITLE), null)).toList());
        }
        if (style == FlowState.Style.LIST && options.size() <= MAX_ROWS) {
            List<Row> rows = options.stream().map(o -> new Row(o.id(), clip(o.title(), ROW_TITLE),
                o.description() == null ? null : clip(o.description(), ROW_DESCRIPTION)))
                .toList();
            return new BotEffect.ListMenu(body, clip(button, BUTTON_TITLE),
                List.of(new BotEffect.Section(null, rows)));
        }
        return new BotEffect.Text(numbered(body, options));
    }

    static String numbered(String body, List<Offered> options) {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Offered option : options) {
            lines.add(++n + " - " + option.title());
        }
        String list = String.join("\n", lines);
        return body == null || body.isBlank() ? list : body.strip() + "\n\n" + list;
    }

    /** The catalog as text, for the {catalogo} variable. */
    static String catalogText(BotContext context) {
        StringBuilder text = new StringBuilder();
        for (BotContext.CatalogChoice item : context.catalog()) {
            text.append(text.isEmpty() ? "" : "\n").append("• ").append(item.name());
            if (item.price() != null && !item.price().isBlank()) {
                text.append(" — ").append(item.price());
            }
        }
        return text.toString();
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= max ? text
            : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
