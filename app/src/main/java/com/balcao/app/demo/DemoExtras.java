package com.balcao.app.demo;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What makes the demo's panel show its tools at once: quick replies (type "/" in a chat),
 * labels on some conversations, and the approved templates the simulator's WhatsApp serves
 * (the same ones "Sincronizar" would fetch), for the conversation whose 24-hour window closed.
 * Each is added only when missing, so seeding twice changes nothing.
 */
final class DemoExtras {
    private record Reply(String shortcut, String body) {
    }

    private record Label(String name, String color, String customerWaId) {
    }

    private record Template(String name, String language, String body, int parameters) {
    }

    private static final List<Reply> REPLIES = List.of(
        new Reply("horario", "Olá, {primeiro_nome}! Atendemos de segunda a sexta, das 9h às 18h,"
            + " e aos sábados das 9h às 13h."),
        new Reply("pix", "Nossa chave PIX é o CNPJ 12.345.678/0001-90 (Loja Demo). Depois de"
            + " pagar, mande o comprovante por aqui, por favor."),
        new Reply("orcamento", "{primeiro_nome}, o orçamento fica pronto em até 2 dias úteis."
            + " Aviso por aqui assim que sair!"));

    private static final List<Label> LABELS = List.of(
        new Label("Orçamento", "#2563eb", "5511987650101"),
        new Label("Urgente", "#dc2626", "5511987650102"),
        new Label("Cliente fiel", "#16a34a", "5511987650103"));

    private static final List<Template> TEMPLATES = List.of(
        new Template("retomar_atendimento", "pt_BR",
            "Olá {{1}}, podemos continuar o seu atendimento?", 1),
        new Template("lembrete_agendamento", "pt_BR",
            "Olá, {{1}}! Lembrete do seu horário: {{2}}, com {{3}}. Para remarcar, responda "
                + "esta mensagem.", 3),
        new Template("agendamento_cancelado", "pt_BR",
            "Olá, {{1}}! Seu horário de {{2}} com {{3}} foi cancelado. Para marcar outro, "
                + "responda esta mensagem.", 3),
        new Template("agendamento_remarcado", "pt_BR",
            "Olá, {{1}}! Seu horário com {{2}} foi remarcado para {{3}}. Se não puder, responda "
                + "esta mensagem.", 3),
        new Template("hello_world", "en_US", "Hello from the simulator!", 0));

    private DemoExtras() {
    }

    static void seed(Jdbi jdbi, String wabaId) {
        Instant now = Instant.now();
        jdbi.useTransaction(handle -> {
            for (Reply reply : REPLIES) {
                handle.createUpdate("INSERT IGNORE INTO quick_replies (shortcut, body, "
                    + "department_id, created_at, updated_at) VALUES (:shortcut, :body, NULL, "
                    + ":now, :now)").bind("shortcut", reply.shortcut()).bind("body", reply.body())
                    .bind("now", now).execute();
            }
            for (Label label : LABELS) {
                handle.createUpdate("INSERT IGNORE INTO labels (name, color, created_at, "
                    + "updated_at) VALUES (:name, :color, :now, :now)").bind("name", label.name())
                    .bind("color", label.color()).bind("now", now).execute();
            }
            for (Template template : TEMPLATES) {
                boolean missing = handle.createQuery("SELECT COUNT(*) FROM wa_templates WHERE "
                        + "waba_id = :waba AND name = :name AND language = :language")
                    .bind("waba", wabaId).bind("name", template.name())
                    .bind("language", template.language()).mapTo(Long.class).one() == 0;
                if (missing) {
                    handle.createUpdate("INSERT INTO wa_templates (waba_id, name, language, "
                            + "category, status, body_text, parameter_count, created_at, "
                            + "updated_at) VALUES (:waba, :name, :language, 'UTILITY', "
                            + "'APPROVED', :body, :parameters, :now, :now)")
                        .bind("waba", wabaId).bind("name", template.name())
                        .bind("language", template.language()).bind("body", template.body())
                        .bind("parameters", template.parameters()).bind("now", now).execute();
                }
            }
        });
        System.out.println("Demo quick replies, labels and approved templates ready");
    }

    /** Puts the demo's labels on the open conversations of their customers. */
    static void labelConversations(Handle handle) {
        for (Label label : LABELS) {
            handle.createUpdate("INSERT IGNORE INTO conversation_labels (conversation_id, "
                    + "label_id, created_at) SELECT c.id, l.id, UTC_TIMESTAMP(6) FROM "
                    + "conversations c JOIN contacts ct ON ct.id = c.contact_id JOIN labels l "
                    + "ON l.name = :name WHERE ct.wa_id = :waId AND c.open_flag = 1")
                .bind("name", label.name()).bind("waId", label.customerWaId()).execute();
        }
    }
}
