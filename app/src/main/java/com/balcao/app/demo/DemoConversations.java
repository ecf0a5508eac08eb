package com.balcao.app.demo;

import com.balcao.app.conversations.ConversationOwner;
import com.balcao.app.conversations.Direction;
import com.balcao.app.conversations.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A few customer conversations so the demo's inbox is not empty on first sight: two waiting in
 * the queues (one of them a returning customer whose earlier conversation shows above), one Ana
 * answers, and one whose 24-hour window has closed (only a template may be sent). Seeded once,
 * only into an inbox with no conversation.
 */
final class DemoConversations {

    /**
     * A customer's conversation: the department they reached, who holds it, what was written
     * (minutes ago) and whether it is over.
     */
    private record Customer(String name, String waId, String department, String holderEmail,
                            List<Line> lines, boolean resolved) {
        Customer(String name, String waId, String department, String holderEmail,
                 List<Line> lines) {
            this(name, waId, department, holderEmail, lines, false);
        }
    }

    private static final int DAY = 24 * 60;

    /** One message: who wrote it, what, and how many minutes ago. */
    private record Line(Direction direction, String text, int minutesAgo) {
    }

    private static final List<Customer> CUSTOMERS = List.of(
        new Customer("Márcia Lima", "5511987650101", "comercial", "ana@demo.local", List.of(
            new Line(Direction.INBOUND, "Quanto fica a troca da tela de um Moto G84?", 3 * DAY),
            new Line(Direction.OUTBOUND, "*Ana Atendente - Comercial*:\nFica R$ 350,00, com 90 "
                + "dias de garantia.", 3 * DAY - 4),
            new Line(Direction.INBOUND, "Vou pensar, obrigada!", 3 * DAY - 6)), true),
        new Customer("Roberto Nunes", "5511987650104", "comercial", "ana@demo.local", List.of(
            new Line(Direction.INBOUND, "Me avisa quando a peça do meu notebook chegar?",
                2 * DAY),
            new Line(Direction.OUTBOUND, "*Ana Atendente - Comercial*:\nAviso sim, Roberto!",
                2 * DAY - 3))),
        new Customer("Márcia Lima", "5511987650101", "comercial", null, List.of(
            new Line(Direction.INBOUND, "Oi! Vocês consertam tela de celular?", 14),
            new Line(Direction.INBOUND, "É um Moto G84, a tela trincou no canto 😕", 13))),
        new Customer("Carlos Pereira", "5511987650102", "financeiro", null, List.of(
            new Line(Direction.INBOUND, "Boa tarde, o boleto de novembro venceu. Podem reenviar?", 6))),
        new Customer("Juliana Alves", "5511987650103", "comercial", "ana@demo.local", List.of(
            new Line(Direction.INBOUND, "Vocês abrem no sábado?", 40),
            new Line(Direction.OUTBOUND, "*Ana Atendente - Comercial*:\nAbrimos sim, das 9h às 13h!", 38),
            new Line(Direction.INBOUND, "Perfeito, passo aí amanhã então. Obrigada!", 35))));

    private DemoConversations() {
    }

    static void seed(Jdbi jdbi, String phoneNumberId) {
        jdbi.useTransaction(handle -> {
            boolean empty = handle.createQuery("SELECT COUNT(*) FROM conversations")
                .mapTo(Long.class).one() == 0;
            Long number = handle.createQuery("SELECT id FROM wa_numbers "
                    + "WHERE phone_number_id = :id").bind("id", phoneNumberId)
                .mapTo(Long.class).findOne().orElse(null);
            if (!empty || number == null) {
                return;
            }
            Instant now = Instant.now();
            int sequence = 0;
            for (Customer customer : CUSTOMERS) {
                sequence = conversation(handle, customer, number, now, sequence);
            }
            DemoExtras.labelConversations(handle);
            System.out.println("Demo conversations created: " + CUSTOMERS.size());
        });
    }

    private static int conversation(Handle handle, Customer customer, long number, Instant now,
                                    int sequence) {
        long contact = handle.createQuery("SELECT id FROM contacts WHERE wa_id = :waId")
            .bind("waId", customer.waId()).mapTo(Long.class).findOne().orElseGet(() ->
                handle.createUpdate("INSERT INTO contacts (public_id, wa_id, name, phone, "
                    + "created_at, updated_at) VALUES (:publicId, :waId, :name, :waId, :now, "
                    + ":now)").bind("publicId", publicId("ct", customer.waId()))
                    .bind("waId", customer.waId()).bind("name", customer.name())
                    .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class)
                    .one());
        Long department = handle.createQuery("SELECT id FROM departments WHERE slug = :slug")
            .bind("slug", customer.department()).mapTo(Long.class).findOne().orElse(null);
        Long holder = customer.holderEmail() == null ? null : handle.createQuery(
                "SELECT id FROM users WHERE email = :email").bind("email", customer.holderEmail())
            .mapTo(Long.class).findOne().orElse(null);
        Instant first = ago(now, customer.lines().get(0).minutesAgo());
        Instant last = ago(now, customer.lines().get(customer.lines().size() - 1).minutesAgo());
        Instant lastInbound = customer.lines().stream().filter(line -> line.direction()
            == Direction.INBOUND).map(line -> ago(now, line.minutesAgo())).reduce((a, b) -> b)
            .orElse(null);
        Instant lastOutbound = customer.lines().stream().filter(line -> line.direction()
            == Direction.OUTBOUND).map(line -> ago(now, line.minutesAgo())).reduce((a, b) -> b)
            .orElse(null);
        int unread = customer.resolved() ? 0 : holder == null ? (int) customer.lines().stream()
            .filter(line -> line.direction() == Direction.INBOUND).count() : 1;
        ConversationOwner owner = customer.resolved() ? ConversationOwner.CLOSED
            : holder == null ? ConversationOwner.QUEUE : ConversationOwner.AGENT;
        long conversation = handle.createUpdate("INSERT INTO conversations (public_id, contact_id, "
                + "wa_number_id, department_id, assignee_id, owner, open_flag, last_inbound_at, "
                + "last_outbound_at, last_message_at, unread_count, created_at, updated_at) "
                + "VALUES (:publicId, :contact, :number, :department, :holder, :owner, :open, "
                + ":lastInbound, :lastOutbound, :last, :unread, :first, :now)")
            .bind("publicId", publicId("cv", customer.waId() + sequence))
            .bind("contact", contact).bind("open", owner.open() ? 1 : null)
            .bind("number", number).bind("department", department).bind("holder", holder)
            .bind("owner", owner)
            .bind("lastInbound", lastInbound).bind("lastOutbound", lastOutbound)
            .bind("last", last).bind("unread", unread).bind("first", first).bind("now", now)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (Line line : customer.lines()) {
            sequence++;
            boolean inbound = line.direction() == Direction.INBOUND;
            MessageStatus status = inbound ? MessageStatus.RECEIVED : MessageStatus.READ;
            Instant at = ago(now, line.minutesAgo());
            handle.createUpdate("INSERT INTO messages (public_id, conversation_id, direction, "
                    + "wa_message_id, type, body, status, status_rank, sender_user_id, sent_at, "
                    + "created_at, updated_at) VALUES (:publicId, :conversation, :direction, "
                    + ":wamid, 'text', :body, :status, :rank, :sender, :at, :at, :at)")
                .bind("publicId", publicId("ms", Integer.toString(sequence)))
                .bind("conversation", conversation).bind("direction", line.direction())
                .bind("wamid", "wamid.DEMO" + customer.waId() + "." + sequence)
                .bind("body", line.text()).bind("status", status).bind("rank", status.rank())
                .bind("sender", inbound ? null : holder)
                .bind("at", at).execute();
        }
        return sequence;
    }

    private static Instant ago(Instant now, int minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    /** Stable 22-character ids, so the seed reads the same on every machine. */
    private static String publicId(String kind, String key) {
        String digits = key.replaceAll("\\D", "");
        return "demo" + kind + "0".repeat(16 - digits.length()) + digits;
    }
}
