package com.balcao.app.bot;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SimulatorControl;
import com.balcao.app.support.WhatsAppFixtures;
import com.balcao.app.whatsapp.NumberSetup;
import com.balcao.app.whatsapp.WhatsApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Customers on the simulator's phone, and what the bot answered them. */
final class BotPhones {
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    final SimulatorControl phone;
    final Seeds seeds;

    private BotPhones(SimulatorControl phone, Seeds seeds) {
        this.phone = phone;
        this.seeds = seeds;
    }

    static BotPhones connect(DropwizardAppExtension<AppConfig> app, Seeds seeds,
                             long defaultDepartment, String adminEmail, String password) {
        WhatsApp.saveNumber(seeds.jdbi(), app.getConfiguration().whatsapp, new NumberSetup(
            WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER, "Loja",
            WhatsAppFixtures.WABA_ID, defaultDepartment, 80, "http://127.0.0.1:"
            + app.getLocalPort() + "/simulator/api/graph", "test-access-token",
            WhatsAppFixtures.APP_SECRET, null));
        return new BotPhones(SimulatorControl.signIn(app.getLocalPort(), adminEmail, password),
            seeds);
    }

    static String newCustomer() {
        return "55219" + (81000000 + CUSTOMERS.incrementAndGet());
    }

    /** The customer writes; returns once the app recorded the message. */
    void write(String customer, String text) {
        JsonNode typed = phone.type(customer, "Maria Souza", text);
        String wamid = typed.path("wamid").asText();
        if (typed.path("webhookStatus").asInt() != 200) {
            throw new AssertionError("The webhook answered " + typed);
        }
        Seeds.await("message " + wamid + " recorded", Duration.ofSeconds(15),
            () -> seeds.count("messages", "wa_message_id = '" + wamid + "'") == 1);
    }

    /**
     * Waits until every webhook is processed, the bot has answered each customer message it
     * owes (its turns run apart from the webhook workers) and its answers left the outbox.
     */
    void awaitBotIdle() {
        seeds.awaitInboxDrained(Duration.ofSeconds(20));
        Seeds.await("the bot's turns done", Duration.ofSeconds(20), () -> seeds.jdbi()
            .withHandle(handle -> handle.createQuery("SELECT COUNT(*) " + SessionDao.UNANSWERED)
                .mapTo(Long.class).one()) == 0
            && seeds.count("wa_outbox", "state = 'PENDING'") == 0);
    }

    /** What the business sent to the customer's phone so far, oldest first. */
    List<String> received(String customer) {
        List<String> texts = new ArrayList<>();
        for (JsonNode bubble : phone.chat(customer)) {
            if ("business".equals(bubble.path("side").asText())) {
                texts.add(bubble.path("text").asText());
            }
        }
        return texts;
    }

    /** Waits until the phone shows {@code count} business messages; returns them. */
    List<String> awaitReceived(String customer, int count) {
        Seeds.await(count + " messages on " + customer + "'s phone", Duration.ofSeconds(15),
            () -> received(customer).size() >= count);
        return received(customer);
    }

    long conversationId(String customer) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT c.id FROM "
                + "conversations c JOIN contacts ct ON ct.id = c.contact_id "
                + "WHERE ct.wa_id = :wa ORDER BY c.id DESC LIMIT 1")
            .bind("wa", customer).mapTo(Long.class).one());
    }

    String publicId(String customer) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT public_id FROM "
            + "conversations WHERE id = :id").bind("id", conversationId(customer))
            .mapTo(String.class).one());
    }

    /** The conversation's department slug, null while it has none. */
    String departmentOf(String customer) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT d.slug FROM "
                + "conversations c LEFT JOIN departments d ON d.id = c.department_id "
                + "WHERE c.id = :id").bind("id", conversationId(customer))
            .mapTo(String.class).findOne().orElse(null));
    }

    boolean botOwns(String customer) {
        return seeds.count("conversations", "id = " + conversationId(customer)
            + " AND owner = 'BOT'") == 1;
    }

    long botMessages(String customer) {
        return seeds.count("messages", "conversation_id = " + conversationId(customer)
            + " AND sender_kind = 'bot'");
    }
}
