package com.balcao.app.bot;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The engine's trace lines (kept in English for logs and the API) in the console's words. */
final class ConsoleTrace {
    private static final Map<String, String> HOW = Map.of("REPLY", "toque no botão ou na lista",
        "NUMBER", "número", "REGEX", "expressão", "KEYWORD", "palavra-chave", "TITLE", "título",
        "ABBREVIATION", "abreviação do título");
    private static final Pattern OPTION = Pattern.compile(
        "matched option (\\d+) \"(.*)\" by (\\w+) \\((.*)\\)");
    private static final Pattern TRIGGER = Pattern.compile(
        "matched (state|flow) trigger by (\\w+) \\((.*)\\)");
    private static final Pattern ENTER = Pattern.compile("enter (\\S+)");
    private static final Pattern MISSED = Pattern.compile(
        "answer not placed \\((\\d+) of (\\d+)\\)");
    private static final Pattern ACCEPTED = Pattern.compile("accepted (\\w+) \"(.*)\" into (\\S+)");
    private static final Pattern NOT_FIT = Pattern.compile("answer does not fit (\\w+)");
    private static final Pattern RETURNING = Pattern.compile("returning answer (yes|no) by (\\w+)");

    private ConsoleTrace() {
    }

    static String explain(String line) {
        Matcher m = OPTION.matcher(line);
        if (m.matches()) {
            return "opção " + m.group(1) + " “" + m.group(2) + "” reconhecida por "
                + how(m.group(3)) + " (“" + m.group(4) + "”)";
        }
        m = TRIGGER.matcher(line);
        if (m.matches()) {
            return ("state".equals(m.group(1)) ? "gatilho da etapa" : "gatilho geral do fluxo")
                + " reconhecido por " + how(m.group(2)) + " (“" + m.group(3) + "”)";
        }
        m = ENTER.matcher(line);
        if (m.matches()) {
            return "entra na etapa “" + m.group(1) + "”";
        }
        m = MISSED.matcher(line);
        if (m.matches()) {
            return "resposta não reconhecida (" + m.group(1) + " de " + m.group(2)
                + " tentativas antes de passar para a equipe)";
        }
        m = ACCEPTED.matcher(line);
        if (m.matches()) {
            return "resposta aceita (" + m.group(1) + "): “" + m.group(2) + "” guardada em {"
                + m.group(3) + "}";
        }
        m = NOT_FIT.matcher(line);
        if (m.matches()) {
            return "a resposta não serve como " + m.group(1);
        }
        m = RETURNING.matcher(line);
        if (m.matches()) {
            return "cliente que volta respondeu " + ("yes".equals(m.group(1)) ? "sim" : "não")
                + " (" + how(m.group(2)) + ")";
        }
        if (line.startsWith("leave the bot") || line.startsWith("close:")) {
            return "o robô sai da conversa";
        }
        if (line.startsWith("returning customer: ")) {
            return "cliente que volta (atendido antes por "
                + line.substring("returning customer: ".length()) + ")";
        }
        if (line.startsWith("per-minute cap")) {
            return "limite de mensagens por minuto: mensagem não enviada";
        }
        return line;
    }

    private static String how(String how) {
        return HOW.getOrDefault(how, how);
    }
}
