package com.balcao.app.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SimulatorControl;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestClock;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import com.balcao.app.whatsapp.NumberSetup;
import com.balcao.app.whatsapp.WhatsApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The day before, each booking's customer gets one reminder on the simulator's phone: a text
 * while their 24-hour window is open, the approved template once it closed; a booking made a
 * moment ago gets none. A booking staff move or cancel is told to its customer the same way.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReminderIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final TestClock CLOCK = new TestClock();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB, CLOCK,
        ConfigOverride.config("simulator.enabled", "true"),
        ConfigOverride.config("appointments.reminderSweepSeconds", "1"));
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static Jdbi jdbi;
    static SimulatorControl phone;
    static long calendar;
    static String admin;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        jdbi = seeds.jdbi();
        long team = seeds.department("Atendimento", "atendimento");
        admin = TestApp.randomEmail("admin");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        WhatsApp.saveNumber(jdbi, APP.getConfiguration().whatsapp, new NumberSetup(
            WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER, "Loja",
            WhatsAppFixtures.WABA_ID, team, 80, "http://127.0.0.1:" + APP.getLocalPort()
            + "/simulator/api/graph", "test-access-token", WhatsAppFixtures.APP_SECRET, null));
        phone = SimulatorControl.signIn(APP.getLocalPort(), admin, PASSWORD);
        calendar = jdbi.inTransaction(h -> {
            CalendarDao calendars = h.attach(CalendarDao.class);
            long id = calendars.insert("Dra. Paula", team, null, 60, true, Instant.now());
            for (int day = 1; day <= 7; day++) {
                calendars.addHours(id, day, 0, 24 * 60);
            }
            return id;
        });
        jdbi.useHandle(h -> h.execute("INSERT INTO wa_templates (waba_id, meta_id, name, "
            + "language, category, status, body_text, parameter_count, created_at, updated_at) "
            + "VALUES (?, 'm-1', 'lembrete_agendamento', 'pt_BR', 'UTILITY', 'APPROVED', "
            + "'Olá, {{1}}! Lembrete: {{2}} com {{3}}.', 3, UTC_TIMESTAMP(6), "
            + "UTC_TIMESTAMP(6))", WhatsAppFixtures.WABA_ID));
        // The move's template is approved; the cancellation's is not.
        jdbi.useHandle(h -> h.execute("INSERT INTO wa_templates (waba_id, meta_id, name, "
            + "language, category, status, body_text, parameter_count, created_at, updated_at) "
            + "VALUES (?, 'm-2', 'agendamento_remarcado', 'pt_BR', 'UTILITY', 'APPROVED', "
            + "'Olá, {{1}}! Seu horário com {{2}} foi remarcado para {{3}}.', 3, "
            + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", WhatsAppFixtures.WABA_ID));
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void theDayBeforeEachCustomerGetsOneReminderTextOrTemplate() throws InterruptedException {
        String open = "5521971000001";
        String closed = "5521971000002";
        long openConversation = writes(open, "Maria Souza");
        long closedConversation = writes(closed, "João Lima");
        book(closed, closedConversation, slots(3).get(1), CLOCK.instant());
        long notYet = book(open, openConversation, slots(4).get(0), CLOCK.instant());
        Thread.sleep(2500);
        assertThat(business(closed)).as("three days ahead: too early").isEmpty();

        CLOCK.advance(Duration.ofDays(2));
        phone = SimulatorControl.signIn(APP.getLocalPort(), admin, PASSWORD);
        writes(open, "Maria Souza");
        List<Instant> tomorrow = slots(1);
        book(open, openConversation, tomorrow.get(0), CLOCK.instant().minus(Duration.ofHours(7)));
        long justBooked = book(open, openConversation, tomorrow.get(2), CLOCK.instant());

        Seeds.await("text reminder", Duration.ofSeconds(15), () -> business(open).stream()
            .anyMatch(text -> text.startsWith("Olá, Maria! Lembrete: seu horário é amanhã")));
        Seeds.await("template reminder", Duration.ofSeconds(15), () -> business(closed).stream()
            .anyMatch(text -> text.startsWith("[lembrete_agendamento]")));
        assertThat(business(closed).get(0)).as("its window closed two days ago").contains("João");
        Thread.sleep(3000);

        assertThat(business(open)).as("once, and none for the booking made a moment ago")
            .hasSize(1);
        assertThat(business(closed)).hasSize(1);
        assertThat(seeds.count("appointments", "reminder_sent_at IS NOT NULL")).isEqualTo(2);
        assertThat(seeds.count("appointments", "id IN (" + notYet + ", " + justBooked
            + ") AND reminder_sent_at IS NULL")).isEqualTo(2);
        assertThat(seeds.count("messages", "conversation_id = " + closedConversation
            + " AND type = 'template' AND sender_kind = 'bot'")).isEqualTo(1);
    }

    @Test
    void staffMovingOrCancellingABookingTellTheCustomerInTheWindowOrByAnApprovedTemplate() {
        String customer = "5521971000003";
        String quiet = "5521971000004";
        long conversation = writes(customer, "Carla Dias");
        long quietConversation = writes(quiet, "Davi Rocha");
        jdbi.useHandle(h -> h.execute("UPDATE conversations SET last_inbound_at = ? WHERE id = ?",
            CLOCK.instant().minus(Duration.ofHours(25)), quietConversation));
        List<Instant> later = slots(8);
        Instant madeAt = CLOCK.instant().minus(Duration.ofHours(8));
        long booked = book(customer, conversation, later.get(0), madeAt);
        long quietBooking = book(quiet, quietConversation, later.get(1), madeAt);
        PanelBrowser staff = PanelBrowser.signedIn(APP.getLocalPort(), admin, PASSWORD);
        assertThat(staff.get("/appointments").body()).contains("Carla Dias", "Davi Rocha");

        assertThat(staff.post("/appointments/" + booked + "/reschedule", Map.of("start",
            String.valueOf(later.get(3).getEpochSecond()))).statusCode()).isEqualTo(303);
        assertThat(staff.get("/appointments").body())
            .contains("Agendamento remarcado. O cliente foi avisado pelo WhatsApp.");
        Seeds.await("the move told", Duration.ofSeconds(15), () -> business(customer)
            .contains("Olá, Carla! Seu horário com Dra. Paula mudou para "
                + AppointmentTexts.when(later.get(3)) + ". Se não puder nesse horário, é só "
                + "responder por aqui."));
        assertThat(staff.post("/appointments/" + booked + "/cancel", Map.of()).statusCode())
            .isEqualTo(303);
        assertThat(staff.get("/appointments").body()).contains("O cliente foi avisado");
        Seeds.await("the cancellation told", Duration.ofSeconds(15), () -> business(customer)
            .stream().anyMatch(text -> text.startsWith("Olá, Carla! Seu horário de "
                + AppointmentTexts.when(later.get(3)) + " com Dra. Paula foi cancelado.")));

        assertThat(staff.post("/appointments/" + quietBooking + "/reschedule", Map.of("start",
            String.valueOf(later.get(5).getEpochSecond()))).statusCode()).isEqualTo(303);
        assertThat(staff.get("/appointments").body())
            .contains("Agendamento remarcado. O cliente foi avisado pelo WhatsApp.");
        Seeds.await("the move told by template", Duration.ofSeconds(15), () -> business(quiet)
            .stream().anyMatch(text -> text.startsWith("[agendamento_remarcado]")
                && text.contains("Davi") && text.contains("Dra. Paula")
                && text.contains(AppointmentTexts.when(later.get(5)))));
        assertThat(staff.post("/appointments/" + quietBooking + "/cancel", Map.of())
            .statusCode()).isEqualTo(303);
        assertThat(staff.get("/appointments").body()).contains("O cliente não foi avisado: a "
            + "janela de 24 horas do WhatsApp está fechada e o modelo de cancelamento não está "
            + "aprovado");
        assertThat(seeds.count("appointments", "id = " + quietBooking
            + " AND status = 'CANCELLED'")).isEqualTo(1);
        assertThat(seeds.count("messages", "conversation_id = " + quietConversation
            + " AND direction = 'outbound' AND type <> 'template'"))
            .as("WhatsApp would refuse a text").isZero();
        assertThat(business(quiet)).hasSize(1);
        assertThat(business(customer)).hasSize(2);
    }

    private static long writes(String customer, String name) {
        JsonNode typed = phone.type(customer, name, "oi");
        assertThat(typed.path("webhookStatus").asInt()).isEqualTo(200);
        String wamid = typed.path("wamid").asText();
        Seeds.await(customer + "'s message", Duration.ofSeconds(15),
            () -> seeds.count("messages", "wa_message_id = '" + wamid + "'") == 1);
        return jdbi.withHandle(h -> h.createQuery("SELECT c.id FROM conversations c JOIN "
            + "contacts ct ON ct.id = c.contact_id WHERE ct.wa_id = :wa").bind("wa", customer)
            .mapTo(Long.class).one());
    }

    /** Free slots {@code days} days from today, in the tenant's zone. */
    private static List<Instant> slots(int days) {
        LocalDate day = LocalDate.ofInstant(CLOCK.instant(), Bookings.ZONE).plusDays(days);
        return jdbi.withHandle(h -> new Bookings().free(h, h.attach(CalendarDao.class)
                .find(calendar).orElseThrow(), CLOCK.instant(), 200)).stream()
            .filter(start -> LocalDate.ofInstant(start, Bookings.ZONE).equals(day)).toList();
    }

    /** Books {@code start}, as if the booking was made at {@code madeAt}. */
    private static long book(String customer, long conversation, Instant start,
                             Instant madeAt) {
        long contact = jdbi.withHandle(h -> h.createQuery("SELECT id FROM contacts WHERE wa_id "
            + "= :wa").bind("wa", customer).mapTo(Long.class).one());
        Bookings.Result result = jdbi.<Bookings.Result, RuntimeException>inTransaction(h ->
            new Bookings().book(h, calendar, start, contact, conversation, null, madeAt));
        return ((Bookings.Result.Booked) result).id();
    }

    private static List<String> business(String customer) {
        List<String> texts = new ArrayList<>();
        for (JsonNode bubble : phone.chat(customer)) {
            if ("business".equals(bubble.path("side").asText())) {
                texts.add(bubble.path("text").asText());
            }
        }
        return texts;
    }
}
