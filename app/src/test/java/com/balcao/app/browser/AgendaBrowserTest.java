package com.balcao.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.appointments.AppointmentFixtures;
import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Browser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Agenda in a real browser, under the panel's CSP: an agent opens it from the navigation,
 * confirms a booking, moves it to a free time picked from the list, and cancels it only after
 * answering yes to the question (no leaves it as it was); the page fits a phone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgendaBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void anAgentConfirmsMovesAndCancelsABooking() {
        Seeds seeds = new Seeds(DB);
        Jdbi jdbi = seeds.jdbi();
        long lab = seeds.department("Laboratório", "laboratorio");
        String agent = TestApp.randomEmail("agent");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(lab));
        long calendar = AppointmentFixtures.weekdayCalendar(jdbi, lab, "Dra. Paula", 30);
        List<Instant> free = AppointmentFixtures.freeSlots(jdbi, calendar, 3);
        long booking = AppointmentFixtures.book(jdbi, calendar, free.get(0),
            AppointmentFixtures.contact(jdbi, "Ana <b>Lima</b>"));
        String row = "tr[data-appointment='" + booking + "']";

        try (Browser browser = Browser.start(APP.getLocalPort())) {
            browser.signIn(agent, PASSWORD);
            browser.open("/");
            browser.clickAndWaitForNewPage(".nav a[href='/appointments']");
            assertThat(browser.find(row).getText()).contains("Ana <b>Lima</b>")
                .contains("Dra. Paula").contains("Aguardando confirmação");

            browser.clickAndWaitForNewPage(row + " form[action$='/confirm'] button");
            assertThat(browser.find(".flash").getText()).isEqualTo("Agendamento confirmado.");
            assertThat(browser.find(row).getText()).contains("Confirmado");

            browser.click(row + " details summary");
            Select times = new Select(browser.find(row + " select[name=start]"));
            String moveTo = String.valueOf(free.get(2).getEpochSecond());
            times.selectByValue(moveTo);
            browser.clickAndWaitForNewPage(row + " form[action$='/reschedule'] button");
            assertThat(browser.find(".flash").getText()).isEqualTo("Agendamento remarcado.");
            assertThat(startOf(jdbi, booking)).isEqualTo(free.get(2));

            browser.click(row + " form[action$='/cancel'] button");
            Alert question = browser.waitUntil(ExpectedConditions.alertIsPresent());
            assertThat(question.getText())
                .isEqualTo("Cancelar este agendamento? O horário volta a ficar livre.");
            question.dismiss();
            assertThat(statusOf(jdbi, booking)).as("no keeps it").isEqualTo("CONFIRMED");
            browser.click(row + " form[action$='/cancel'] button");
            browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
            browser.waitUntil(driver -> browser.find(".flash").getText()
                .startsWith("Agendamento cancelado"));
            assertThat(statusOf(jdbi, booking)).isEqualTo("CANCELLED");

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open("/appointments?status=cancelled");
            assertThat(browser.find(row).getText()).contains("Cancelado");
            assertThat(browser.script("return document.documentElement.scrollWidth"
                + " <= window.innerWidth")).as("Agenda fits a phone").isEqualTo(true);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static String statusOf(Jdbi jdbi, long booking) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM appointments WHERE id = "
            + ":id").bind("id", booking).mapTo(String.class).one());
    }

    private static Instant startOf(Jdbi jdbi, long booking) {
        return Instant.ofEpochSecond(jdbi.withHandle(h -> h.createQuery("SELECT "
            + "TIMESTAMPDIFF(SECOND, '1970-01-01', starts_at) FROM appointments WHERE id = :id")
            .bind("id", booking).mapTo(Long.class).one()));
    }
}
