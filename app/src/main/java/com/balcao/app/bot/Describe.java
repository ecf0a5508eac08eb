package com.balcao.app.bot;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flow actions and engine effects in words an admin reads ("encaminhar para Laboratório"),
 * for the editor's read-only parts and the test console. Departments by name when known.
 */
final class Describe {
    private static final java.time.format.DateTimeFormatter SLOT = java.time.format
        .DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(java.time.ZoneId.of(
            "America/Sao_Paulo"));
    private final Map<String, String> departments;

    /** @param departments department slug → name */
    Describe(Map<String, String> departments) {
        this.departments = departments;
    }

    String actions(List<BotAction> actions) {
        return actions.stream().map(this::action).collect(Collectors.joining("; "));
    }

    String action(BotAction action) {
        if (action instanceof BotAction.Say say) {
            return "diz o texto “" + say.text() + "”";
        } else if (action instanceof BotAction.Media media) {
            return "envia mídia (" + media.kind() + ") " + media.link();
        } else if (action instanceof BotAction.Goto go) {
            return "vai para a etapa “" + go.state() + "”";
        } else if (action instanceof BotAction.Route route) {
            return "encaminhar para " + department(route.department());
        } else if (action instanceof BotAction.HandOver handOver) {
            return "passar para a equipe" + (handOver.department() == null ? ""
                : " de " + department(handOver.department()));
        } else if (action instanceof BotAction.Label label) {
            return "etiqueta “" + label.label() + "”";
        } else if (action instanceof BotAction.Slots) {
            return "oferecer horários da agenda";
        } else if (action instanceof BotAction.Ai) {
            return "a IA responde";
        }
        BotAction.End end = (BotAction.End) action;
        return "encerrar a conversa" + (end.text() == null ? "" : " dizendo “" + end.text()
            + "”");
    }

    /** What the engine did besides sending, as the console shows it. */
    String effect(BotEffect effect) {
        if (effect instanceof BotEffect.Route route) {
            return "encaminhar para " + (route.slug() == null ? "o departamento padrão do número"
                : department(route.slug())) + " (" + reason(route.reason()) + ")";
        } else if (effect instanceof BotEffect.Close close) {
            return "encerrar a conversa (" + reason(close.reason()) + ")";
        } else if (effect instanceof BotEffect.Label label) {
            return "etiqueta “" + label.name() + "”";
        } else if (effect instanceof BotEffect.SaveField save) {
            return "guardar “" + save.value() + "” em {" + save.name() + "}";
        } else if (effect instanceof BotEffect.BookSlot book) {
            return "reservar o horário de " + SLOT.format(book.slot().start())
                + (book.slot().who() == null ? "" : " com " + book.slot().who());
        } else if (effect instanceof BotEffect.AskAi) {
            return "a IA passa a responder";
        }
        return effect.toString();
    }

    String department(String slug) {
        if (slug == null || slug.isBlank()) {
            return "o departamento padrão";
        }
        if ("{picked}".equals(slug)) {
            return "o departamento escolhido";
        }
        return departments.getOrDefault(slug, slug);
    }

    private static String reason(String reason) {
        return switch (reason == null ? "" : reason) {
            case "route" -> "opção escolhida";
            case "handover" -> "pedido de atendimento";
            case "returning" -> "cliente que volta";
            case "not_understood" -> "o robô não entendeu";
            case "timeout" -> "sem resposta";
            case "end" -> "fim do fluxo";
            case "flow_end", "flow_error", "empty_menu" -> "o fluxo não tinha como seguir";
            default -> reason;
        };
    }
}
