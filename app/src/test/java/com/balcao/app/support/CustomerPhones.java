package com.balcao.app.support;

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

/**
 * Customers writing from the simulator's phone to the business number, which sends through the
 * simulator's fake Graph API: what agents answer arrives back on the customer's phone.
 */
public final class CustomerPhones {
    private final SimulatorControl phone;
    private final Seeds seeds;

    private CustomerPhones(SimulatorControl phone, Seeds seeds) {
        this.phone = phone;
        this.seeds = seeds;
    }

    /** Registers the number (new conversations go to {@code department}) and opens the phone. */
    public static CustomerPhones connect(DropwizardAppExtension<AppConfig> app, Seeds seeds,
                                  long department, String adminEmail, String password) {
        WhatsApp.saveNumber(seeds.jdbi(), app.getConfiguration().whatsapp, new NumberSetup(
            WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER, "Loja",
            WhatsAppFixtures.WABA_ID, department, 80, "http://127.0.0.1:" + app.getLocalPort()
            + "/simulator/api/graph", "test-access-token", WhatsAppFixtures.APP_SECRET, null));
        return new CustomerPhones(SimulatorControl.signIn(app.getLocalPort(), adminEmail,
            password), seeds);
    }

    /** The customer writes; returns the message's wamid once the app has recorded it. */
    public String write(String customer, String name, String text) {
        JsonNode typed = phone.type(customer, name, text);
        String wamid = typed.path("wamid").asText();
        if (typed.path("webhookStatus").asInt() != 200) {
            throw new AssertionError("The webhook answered " + typed);
        }
        Seeds.await("message " + wamid + " recorded", Duration.ofSeconds(15),
            () -> seeds.count("messages", "wa_message_id = '" + wamid + "'") == 1);
        return wamid;
    }

    /** The public id of the customer's open conversation. */
    public String conversationOf(String customer) {
        return seeds.openConversationOf(customer);
    }

    /** The texts the business sent to the customer, oldest first. */
    public List<String> businessTexts(String customer) {
        List<String> texts = new ArrayList<>();
        for (JsonNode bubble : chat(customer)) {
            if ("business".equals(bubble.path("side").asText())) {
                texts.add(bubble.path("text").asText());
            }
        }
        return texts;
    }

    /** Waits until the customer's phone shows {@code count} business messages. */
    public List<String> awaitBusinessTexts(String customer, int count) {
        Seeds.await(count + " messages on the phone", Duration.ofSeconds(15),
            () -> businessTexts(customer).size() >= count);
        return businessTexts(customer);
    }

    /** The customer's chat as their phone shows it, oldest first. */
    public JsonNode chat(String customer) {
        return phone.chat(customer);
    }
}
