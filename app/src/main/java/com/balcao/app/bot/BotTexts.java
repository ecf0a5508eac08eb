package com.balcao.app.bot;

import java.util.Map;
import java.util.Set;

/** The engine's own texts (each flow may override them) and the variables texts may use. */
final class BotTexts {
    static final String GREETING = "greeting";
    static final String NOT_UNDERSTOOD = "not_understood";
    static final String GIVE_UP = "not_understood_handover";
    static final String INVALID = "invalid_answer";
    static final String TIMEOUT_QUEUE = "timeout_queue";
    static final String TIMEOUT_CLOSE = "timeout_close";
    static final String RETURNING = "returning";
    static final String RETURNING_PERSON = "returning_person";
    static final String ROUTED = "routed";
    static final String HANDOVER = "handover";
    static final String MENU_BUTTON = "menu_button";
    static final String NO_SLOTS = "no_slots";
    static final String SLOTS = "slots";
    static final String SLOT_BOOKED = "slot_booked";
    static final String SLOT_TAKEN = "slot_taken";
    static final String SLOT_NOT_UNDERSTOOD = "slot_not_understood";
    static final String SLOTS_BUTTON = "slots_button";

    static final Map<String, String> DEFAULTS = Map.ofEntries(
        Map.entry(NOT_UNDERSTOOD, "Desculpe, não entendi. Responda com o número de uma das "
            + "opções:"),
        Map.entry(GIVE_UP, "Não consegui entender. Vou passar sua conversa para a nossa "
            + "equipe, que já vai te responder. 🙂"),
        Map.entry(INVALID, "Hmm, essa resposta não parece certa. Pode conferir e enviar de "
            + "novo?"),
        Map.entry(TIMEOUT_QUEUE, "Como não tivemos resposta, deixei sua conversa com a nossa "
            + "equipe. Quando quiser, é só escrever."),
        Map.entry(TIMEOUT_CLOSE, "Como não tivemos resposta, encerramos este atendimento. "
            + "Quando quiser, é só escrever de novo."),
        Map.entry(RETURNING, "Olá, {primeiro_nome}! Você foi atendido pelo {departamento}. "
            + "Deseja voltar a falar com eles?"),
        Map.entry(RETURNING_PERSON, "Olá, {primeiro_nome}! Você foi atendido por {atendente}, "
            + "do {departamento}. Deseja voltar a falar com eles?"),
        Map.entry(ROUTED, "Certo! Sua conversa foi encaminhada para o {departamento}. "
            + "Em instantes alguém vai te atender."),
        Map.entry(HANDOVER, "Certo! Vou passar sua conversa para a nossa equipe. Em instantes "
            + "alguém te responde."),
        Map.entry(MENU_BUTTON, "Ver opções"),
        Map.entry(NO_SLOTS, "No momento não há horários livres. Vou passar para a nossa equipe "
            + "combinar com você."),
        Map.entry(SLOTS, "Estes são os próximos horários livres. Toque em \"Ver horários\" "
            + "e escolha um (ou escreva o número ou a hora, como 14h):"),
        Map.entry(SLOTS_BUTTON, "Ver horários"),
        Map.entry(SLOT_BOOKED, "Agendado: {horario_marcado} com {profissional}. Nossa equipe "
            + "vai confirmar por aqui. Até lá!"),
        Map.entry(SLOT_TAKEN, "Poxa, esse horário acabou de ser reservado por outra pessoa. "
            + "Veja os horários livres agora:"),
        Map.entry(SLOT_NOT_UNDERSTOOD, "Não encontrei esse horário entre os oferecidos. "
            + "Escolha um da lista (ou escreva o número ou a hora, como 14h):"));

    /** Variables a text may use; any other {word} is an error the editor shows. */
    static final Set<String> VARIABLES = Set.of("nome", "primeiro_nome", "empresa", "horario",
        "departamento", "atendente", "item", "item_preco", "item_descricao", "catalogo",
        "horario_marcado", "profissional", "resposta", "email", "cpf", "placa", "data");

    private BotTexts() {
    }
}
