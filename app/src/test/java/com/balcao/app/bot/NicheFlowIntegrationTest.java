package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tenant created for a niche (bot.niche, from TENANT_NICHE) answers with that niche's
 * shipped flow from its first start; later starts leave the admins' choice alone.
 */
class NicheFlowIntegrationTest {
    private static final String PASSWORD = "senha-forte-123";

    @Test
    void theFirstStartActivatesTheNichesFlowAndLaterStartsKeepTheAdminsChoice()
        throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated()) {
            assertThat(activeAfterStart(db, "oficina")).containsExactly("mechanic");

            new FlowStore(new Seeds(db).jdbi(), Clock.systemUTC()).deactivate();
            assertThat(activeAfterStart(db, "advocacia")).as("the bot turned off stays off")
                .isEmpty();
        }
    }

    @Test
    void anUnknownNicheStartsWithTheDepartmentMenu() throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated()) {
            assertThat(activeAfterStart(db, "padaria")).containsExactly("department_menu");
        }
    }

    @Test
    void aShippedFlowKeyIsAcceptedAsTheNiche() throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated()) {
            assertThat(activeAfterStart(db, "nail_designer")).containsExactly("nail_designer");
        }
    }

    @Test
    void withoutANicheTheTenantStartsWithoutABot() throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated()) {
            assertThat(activeAfterStart(db, "")).isEmpty();
        }
    }

    /** Starts the app with that niche and lists the active flows as an admin sees them. */
    private static List<String> activeAfterStart(TestDatabase db, String niche)
        throws Exception {
        DropwizardTestSupport<AppConfig> app = TestApp.support(db,
            TestApp.setting("bot.niche", niche));
        app.before();
        try {
            String email = TestApp.randomEmail("admin");
            new Seeds(db).person(email, PASSWORD, Role.ADMIN, List.of());
            BearerApi admin = BearerApi.login(app.getLocalPort(), email, PASSWORD);
            List<String> active = new ArrayList<>();
            admin.get("/api/v1/bot/flows").json().path("items").forEach(item -> {
                if (item.path("active").asBoolean()) {
                    active.add(item.path("key").asText());
                }
            });
            return active;
        } finally {
            app.after();
        }
    }
}
