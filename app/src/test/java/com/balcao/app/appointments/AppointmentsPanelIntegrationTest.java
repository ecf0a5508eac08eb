package com.balcao.app.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff confirm, move and cancel bookings on /appointments; admins set up calendars. */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppointmentsPanelIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static Jdbi jdbi;
    static long lab;
    static String admin;
    static String agent;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        jdbi = seeds.jdbi();
        lab = seeds.department("Laboratório", "laboratorio");
        admin = TestApp.randomEmail("admin");
        agent = TestApp.randomEmail("agent");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(lab));
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    @Order(1)
    void anAdminSetsUpACalendarAndBadInputIsExplained() {
        PanelBrowser agentBrowser = browser(agent);
        assertThat(agentBrowser.get("/appointments").body())
            .contains("Ainda não há agendas");
        assertThat(agentBrowser.get("/admin/appointments/calendars").statusCode())
            .isEqualTo(403);

        PanelBrowser browser = browser(admin);
        assertThat(browser.get("/admin/appointments/calendars").body())
            .contains("Nenhuma agenda ainda");
        HttpResponse<String> badHours = browser.post("/admin/appointments/calendars",
            calendar("Coleta", "9h às meio-dia"));
        assertThat(badHours.statusCode()).isEqualTo(422);
        assertThat(badHours.body()).contains("Horário de terça-feira inválido")
            .contains("value=\"Coleta\"");
        Map<String, String> noSlot = new java.util.HashMap<>(calendar("Coleta", ""));
        noSlot.put("slotMinutes", "meia hora");
        assertThat(browser.post("/admin/appointments/calendars", noSlot).statusCode())
            .isEqualTo(422);

        assertThat(browser.post("/admin/appointments/calendars",
            calendar("Coleta <b>", "08:00-12:00")).statusCode()).isEqualTo(303);
        long id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM appointment_calendars")
            .mapTo(Long.class).one());
        assertThat(seeds.count("appointment_hours", "calendar_id = " + id)).isEqualTo(5);
        String page = browser.get("/admin/appointments/calendars").body();
        assertThat(page).contains("Agenda salva.", "Coleta &lt;b&gt;", "08:00-12:00")
            .doesNotContain("Coleta <b>");

        String exceptions = "/admin/appointments/calendars/" + id + "/exceptions";
        assertThat(browser.post(exceptions, Map.of("day", "2099-12-25", "hours", ""))
            .statusCode()).isEqualTo(303);
        assertThat(browser.post(exceptions, Map.of("day", "25/12", "hours", "")).statusCode())
            .isEqualTo(422);
        assertThat(browser.post(exceptions, Map.of("day", "2099-12-24", "hours", "18-9"))
            .statusCode()).isEqualTo(422);
        assertThat(browser.get("/admin/appointments/calendars").body()).contains("25/12/2099");
        assertThat(browser.post("/admin/appointments/calendars/999999/exceptions",
            Map.of("day", "2099-12-25", "hours", "")).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void staffConfirmRescheduleAndCancelBookings() {
        long calendar = AppointmentFixtures.weekdayCalendar(jdbi, lab, "Dra. Paula", 30);
        long ana = AppointmentFixtures.contact(jdbi, "<script>alert(1)</script> Ana");
        long bia = AppointmentFixtures.contact(jdbi, "Bia");
        Bookings bookings = new Bookings();
        List<Instant> free = jdbi.withHandle(h -> bookings.free(h, h.attach(CalendarDao.class)
            .find(calendar).orElseThrow(), Instant.now(), 2));
        jdbi.useTransaction(h -> {
            bookings.book(h, calendar, free.get(0), ana, null, "Exame de sangue", Instant.now());
            bookings.book(h, calendar, free.get(1), bia, null, null, Instant.now());
        });
        long first = appointmentAt(free.get(0));
        long second = appointmentAt(free.get(1));

        PanelBrowser browser = browser(agent);
        String page = browser.get("/appointments").body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Ana", "Bia",
            "Dra. Paula", "Exame de sangue", "Aguardando confirmação")
            .doesNotContain("<script>alert(1)</script>");

        assertThat(browser.post("/appointments/" + first + "/confirm", Map.of()).statusCode())
            .isEqualTo(303);
        assertThat(status(first)).isEqualTo("CONFIRMED");
        HttpResponse<String> again = browser.post("/appointments/" + first + "/confirm",
            Map.of());
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Só um agendamento aguardando confirmação");

        String taken = String.valueOf(free.get(1).getEpochSecond());
        HttpResponse<String> clash = browser.post("/appointments/" + first + "/reschedule",
            Map.of("start", taken));
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(clash.body()).contains("Esse horário acabou de ser ocupado");
        for (String bad : List.of("amanhã", "-5", String.valueOf(free.get(0).getEpochSecond()
            + 60))) {
            assertThat(browser.post("/appointments/" + first + "/reschedule",
                Map.of("start", bad)).statusCode()).as(bad).isEqualTo(422);
        }
        String option = firstOption(browser.get("/appointments").body(), first);
        assertThat(browser.post("/appointments/" + first + "/reschedule",
            Map.of("start", option)).statusCode()).isEqualTo(303);
        assertThat(seeds.count("appointments", "id = " + first + " AND UNIX_TIMESTAMP("
            + "starts_at) = " + option + " AND status = 'CONFIRMED'")).isEqualTo(1);

        assertThat(browser.post("/appointments/" + second + "/cancel", Map.of()).statusCode())
            .isEqualTo(303);
        assertThat(seeds.count("appointments", "id = " + second
            + " AND status = 'CANCELLED' AND active_slot IS NULL")).isEqualTo(1);
        assertThat(browser.post("/appointments/" + second + "/cancel", Map.of()).statusCode())
            .isEqualTo(422);
        assertThat(browser.post("/appointments/999999/cancel", Map.of()).statusCode())
            .isEqualTo(404);

        assertThat(browser.get("/appointments").body()).as("cancelled ones are filtered out")
            .doesNotContain("Bia").contains("Ana");
        assertThat(browser.get("/appointments?status=CANCELLED").body()).contains("Bia")
            .doesNotContain("Ana");
        assertThat(browser.get("/appointments?status=cancelado").statusCode()).isEqualTo(422);
        HttpResponse<String> badDay = browser.get("/appointments?day=31/12");
        assertThat(badDay.statusCode()).isEqualTo(422);
        assertThat(badDay.body()).contains("Dia inválido no filtro");
        assertThat(browser.get("/appointments?calendar=x&page=-1").statusCode()).isEqualTo(422);
        assertThat(browser.get("/appointments?day=2099-01-01").body())
            .contains("Nenhum agendamento com esses filtros");
    }

    @Test
    @Order(3)
    void anAgentOfAnotherDepartmentSeesNoneOfTheLaboratorysBookings() {
        String other = TestApp.randomEmail("finance");
        seeds.person(other, PASSWORD, Role.AGENT, List.of(seeds.department("Financeiro",
            "financeiro")));
        long booked = jdbi.withHandle(h -> h.createQuery("SELECT MIN(id) FROM appointments")
            .mapTo(Long.class).one());

        PanelBrowser browser = browser(other);

        assertThat(browser.get("/appointments").body()).doesNotContain("Dra. Paula")
            .doesNotContain("Bia");
        assertThat(browser.post("/appointments/" + booked + "/cancel", Map.of()).statusCode())
            .isEqualTo(404);
        assertThat(browser(agent).get("/appointments").body()).contains("Dra. Paula");
    }

    private static PanelBrowser browser(String email) {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(email, PASSWORD);
        return browser;
    }

    private static Map<String, String> calendar(String name, String tuesday) {
        return Map.of("name", name, "department", String.valueOf(lab), "slotMinutes", "30",
            "active", "1", "hours1", "08:00-12:00", "hours2", tuesday, "hours3", "08:00-12:00",
            "hours4", "08:00-12:00", "hours5", "08:00-12:00");
    }

    private static long appointmentAt(Instant start) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM appointments WHERE starts_at "
            + "= :start").bind("start", start).mapTo(Long.class).one());
    }

    private static String status(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM appointments WHERE id = "
            + ":id").bind("id", id).mapTo(String.class).one());
    }

    /** The first time the page offers to move the booking to. */
    private static String firstOption(String page, long id) {
        Matcher form = Pattern.compile("action=\"/appointments/" + id + "/reschedule\".*?"
            + "<option value=\"(\\d+)\"", Pattern.DOTALL).matcher(page);
        assertThat(form.find()).isTrue();
        return form.group(1);
    }
}
