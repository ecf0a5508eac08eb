package com.balcao.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The create's last stretch: the first verified backup runs while the admin is created (the
 * two one-shot processes overlap instead of adding up), and the admin's password, shown once,
 * survives a backup that fails.
 */
class CreationTest {
    @TempDir
    Path home;
    private final StringWriter printed = new StringWriter();

    @Test
    void theFirstBackupRunsWhileTheAdminIsCreated() {
        OneShots driver = new OneShots(true);
        Optional<String> password = create(driver);
        assertThat(password).contains("Kx7pQ2mZr9Lw");
        assertThat(driver.overlapped).as("the backup ran while the admin was being created")
            .isTrue();
        assertThat(printed.toString()).contains("[6/7] Creating the admin",
            "[7/7] Taking the first verified backup… ok");
    }

    @Test
    void aFailingFirstBackupStillShowsTheAdminsPassword() {
        OneShots driver = new OneShots(false);
        assertThatThrownBy(() -> create(driver)).isInstanceOf(Failed.class)
            .hasMessageContaining("backup of oficina failed");
        assertThat(printed.toString()).contains("Admin password:    Kx7pQ2mZr9Lw");
    }

    private Optional<String> create(Driver driver) {
        Tenant t = new Tenant();
        t.slug = "oficina";
        t.domain = "atendimento.oficina.com.br";
        t.niche = "oficina";
        t.adminEmail = "dono@oficina.com.br";
        t.timeZone = "America/Sao_Paulo";
        t.driver = "fake";
        t.version = "1.0.0";
        return new Creation(new Registry(home), new PrintWriter(printed, true)).run(t, driver,
            null);
    }

    /** A driver whose app commands answer as the app does; the stack is healthy at once. */
    private static final class OneShots implements Driver {
        private final boolean backupWorks;
        private final CountDownLatch adminStarted = new CountDownLatch(1);
        private final CountDownLatch backupStarted = new CountDownLatch(1);
        private volatile boolean overlapped;

        OneShots(boolean backupWorks) {
            this.backupWorks = backupWorks;
        }

        @Override
        public AppRun run(Tenant tenant, String version, List<String> args, String stdin) {
            if (args.get(0).equals("create-admin")) {
                adminStarted.countDown();
                // Each takes a few seconds for real: the admin is still being created when
                // the backup starts, or never sees it.
                overlapped = await(backupStarted);
                return new AppRun(0, "Generated password (shown once): Kx7pQ2mZr9Lw\n");
            }
            if (args.equals(List.of("backup", "run"))) {
                backupStarted.countDown();
                await(adminStarted);
                return backupWorks ? new AppRun(0, "backup 20261130-1 snapshot ab12 ok\n")
                    : new AppRun(1, "restic: repository not found\n");
            }
            return new AppRun(0, "done\n");
        }

        private static boolean await(CountDownLatch latch) {
            try {
                return latch.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public List<Check> doctor(Tenant tenantOrNull) {
            return List.of();
        }

        @Override
        public Map<String, String> environment(Tenant tenant) {
            return Map.of();
        }

        @Override
        public void provision(Tenant tenant, Map<String, String> env) {
        }

        @Override
        public void prepare(Tenant tenant, String version) {
        }

        @Override
        public void start(Tenant tenant) {
        }

        @Override
        public void stop(Tenant tenant) {
        }

        @Override
        public boolean healthy(Tenant tenant) {
            return true;
        }

        @Override
        public void logs(Tenant tenant, boolean follow, PrintWriter out) {
        }

        @Override
        public void suspend(Tenant tenant, boolean suspended) {
        }

        @Override
        public void snapshotDatabase(Tenant tenant, Path file) {
        }

        @Override
        public void restoreDatabase(Tenant tenant, Path file) {
        }

        @Override
        public void restoreArchived(Tenant tenant, String backupId) {
        }

        @Override
        public void destroy(Tenant tenant) {
        }
    }
}
