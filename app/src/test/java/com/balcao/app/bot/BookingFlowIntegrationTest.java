package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.appointments.AppointmentFixtures;
import com.balcao.app.appointments.Bookings;
import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nail designer's customer books through the simulator: the free times arrive as a list,
 * a tap or a typed time books one, the confirmation goes out, the booking is stored and shown
 * on the staff's appointments page, and the team gets the conversation to confirm it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BookingFlowIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static BotPhones phones;
    static String adminEmail;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        long team = seeds.department("Atendimento", "atendimento");
        adminEmail = TestApp.randomEmail("admin");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
        phones = BotPhones.connect(APP, seeds, team, adminEmail, PASSWORD);
        BearerApi admin = BearerApi.login(APP.getLocalPort(), adminEmail, PASSWORD);
        admin.post("/api/v1/catalog", Map.of("name", "Unha em gel", "priceCents", 12000));
        assertThat(admin.post("/api/v1/bot/flows/nail_designer/activate", Map.of()).status())
            .isEqualTo(200);
        AppointmentFixtures.weekdayCalendar(seeds.jdbi(), team, "Agenda da Ana", 60);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    /** Walks to the slots list; returns the list bubble. */
    private static JsonNode slotsOffered(String customer) {
        for (String answer : List.of("oi", "2", "1", "sim")) {
            int before = phones.received(customer).size();
            phones.write(customer, answer);
            phones.awaitReceived(customer, before + 1);
        }
        Seeds.await("the slots list", Duration.ofSeconds(15), () -> last(customer) != null
            && last(customer).path("text").asText().startsWith("Estes são os próximos"));
        return last(customer);
    }

    @Test
    void aCustomerTapsAFreeTimeAndItIsBooked() {
        String customer = BotPhones.newCustomer();
        JsonNode list = slotsOffered(customer);
        List<JsonNode> rows = new ArrayList<>();
        list.path("buttons").forEach(rows::add);
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0).path("title").asText()).matches(
            "(Seg|Ter|Qua|Qui|Sex) \\d{2}/\\d{2} \\d{2}:00");

        int before = phones.received(customer).size();
        phones.phone.tap(customer, "Maria Souza", rows.get(1).path("id").asText(),
            rows.get(1).path("title").asText(), list.path("id").asText());
        String booked = "Agendado: " + rows.get(1).path("title").asText()
            + " com Agenda da Ana.";
        Seeds.await("the confirmation", Duration.ofSeconds(15), () -> phones.received(customer)
            .stream().skip(before).anyMatch(text -> text.startsWith(booked)));

        long conversation = phones.conversationId(customer);
        assertThat(seeds.count("appointments", "conversation_id = " + conversation
            + " AND status = 'REQUESTED' AND note = 'Unha em gel'")).isEqualTo(1);
        Seeds.await("handed to the team", Duration.ofSeconds(15), () -> !phones.botOwns(customer));
        assertThat(phones.departmentOf(customer)).isEqualTo("atendimento");

        PanelBrowser panel = new PanelBrowser(APP.getLocalPort());
        panel.login(adminEmail, PASSWORD);
        assertThat(panel.get("/appointments").body()).contains("Maria Souza", "Unha em gel",
            "Aguardando confirmação", "/inbox?c=" + phones.publicId(customer));
    }

    @Test
    void aTypedTimeBooksAndTheSameTimeIsNotOfferedAgain() {
        String first = BotPhones.newCustomer();
        JsonNode list = slotsOffered(first);
        String title = list.path("buttons").path(0).path("title").asText();
        String hour = title.substring(title.length() - 5, title.length() - 3);
        String typed = title.substring(4, 9) + " às " + Integer.parseInt(hour) + "h";
        phones.write(first, typed);
        Seeds.await("booked by " + typed, Duration.ofSeconds(15), () -> phones.received(first)
            .stream().anyMatch(text -> text.startsWith("Agendado: " + title)));

        String second = BotPhones.newCustomer();
        JsonNode again = slotsOffered(second);
        List<String> titles = new ArrayList<>();
        again.path("buttons").forEach(row -> titles.add(row.path("title").asText()));
        assertThat(titles).doesNotContain(title);
        int before = phones.received(second).size();
        phones.write(second, "não sei");
        phones.awaitReceived(second, before + 2);
        assertThat(phones.received(second).get(before)).startsWith("Não encontrei esse horário");
    }

    @Test
    void aTimeTakenWhileTheCustomerChoseIsSaidAndTheFreeOnesOfferedAgain() {
        String customer = BotPhones.newCustomer();
        JsonNode list = slotsOffered(customer);
        JsonNode row = list.path("buttons").path(0);
        String[] id = row.path("id").asText().split(":");
        long other = AppointmentFixtures.contact(seeds.jdbi(), "Quem chegou antes");
        Bookings.Result first = seeds.jdbi().<Bookings.Result, RuntimeException>inTransaction(
            h -> new Bookings().book(h, Long.parseLong(id[1]),
                Instant.ofEpochSecond(Long.parseLong(id[2])), other, null, null, Instant.now()));
        assertThat(first).isInstanceOf(Bookings.Result.Booked.class);

        int before = phones.received(customer).size();
        phones.phone.tap(customer, "Maria Souza", row.path("id").asText(),
            row.path("title").asText(), list.path("id").asText());

        Seeds.await("the offer again", Duration.ofSeconds(15),
            () -> phones.received(customer).size() >= before + 2);
        assertThat(phones.received(customer).get(before)).as(phones.received(customer)
            .toString())
            .startsWith("Poxa, esse horário acabou de ser reservado");
        JsonNode again = last(customer);
        List<String> titles = new ArrayList<>();
        again.path("buttons").forEach(r -> titles.add(r.path("title").asText()));
        assertThat(titles).hasSize(6).doesNotContain(row.path("title").asText());
        assertThat(phones.botOwns(customer)).isTrue();
        assertThat(seeds.count("appointments", "conversation_id = "
            + phones.conversationId(customer))).isZero();
    }

    private static JsonNode last(String customer) {
        JsonNode found = null;
        for (JsonNode bubble : phones.phone.chat(customer)) {
            if ("business".equals(bubble.path("side").asText())) {
                found = bubble;
            }
        }
        return found;
    }
}
