package com.balcao.app.backups;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.backup.CheapKey;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of one tenant on one database, with the nightly job every 10 seconds: each
 * firing runs once, on one of them, is verified, and pings the heartbeat URL.
 */
class BackupSchedulerIntegrationTest {
    private final TestDatabase db = TestDatabase.createMigrated();
    private HttpServer heartbeat;
    private DropwizardTestSupport<AppConfig> first;
    private DropwizardTestSupport<AppConfig> second;

    /**
     * A firing due while no replica ran (by more than Quartz's one-minute misfire threshold)
     * runs as soon as one starts, though there is no next one. The trigger is stored the way a
     * replica stores it, by a scheduler that never starts (it stands for the replicas that were
     * stopped before the firing), two minutes before the firing, which was 90 seconds ago.
     */
    @Test
    void aFiringMissedWhileDownRunsAtTheNextStart() throws Exception {
        ZoneId zone = ZoneId.of("America/Sao_Paulo");
        ZonedDateTime due = ZonedDateTime.now(zone).minusSeconds(90).withNano(0);
        String cron = due.getSecond() + " " + due.getMinute() + " " + due.getHour() + " "
            + due.getDayOfMonth() + " " + due.getMonthValue() + " ? " + due.getYear();
        AppConfig stopped = databaseOnly();
        Scheduler earlier = new StdSchedulerFactory(BackupScheduler.properties(stopped,
            "stopped-replica")).getScheduler();
        BackupScheduler.schedule(earlier, NightlyBackupJob.class, BackupScheduler.NIGHTLY, cron,
            TimeZone.getTimeZone(zone), Date.from(due.minusMinutes(2).toInstant()));
        earlier.shutdown();
        Seeds seeds = new Seeds(db);
        assertThat(seeds.count("QRTZ_CRON_TRIGGERS", "TRIGGER_NAME = 'nightly-backup'"))
            .isEqualTo(1);
        assertThat(seeds.count("QRTZ_TRIGGERS", "TRIGGER_NAME = 'nightly-backup' AND "
            + "NEXT_FIRE_TIME < " + (System.currentTimeMillis() - 65_000)))
            .as("the firing is missed by more than the misfire threshold").isEqualTo(1);

        first = TestApp.support(db,
            TestApp.setting("backup.repository", repository()),
            TestApp.setting("backup.password", "k"),
            TestApp.setting("backup.cron", cron));
        first.before();

        Seeds.await("the missed backup run after the start", Duration.ofSeconds(120),
            () -> seeds.count("backup_runs", "trigger_kind = 'NIGHTLY' AND status = "
                + "'SUCCEEDED'") == 1);
    }

    @AfterEach
    void stop() {
        if (first != null) {
            first.after();
        }
        if (second != null) {
            second.after();
        }
        if (heartbeat != null) {
            heartbeat.stop(0);
        }
        db.close();
    }

    @Test
    void twoReplicasRunEachFiringOnce() throws Exception {
        AtomicInteger pings = new AtomicInteger();
        heartbeat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        heartbeat.createContext("/ping", exchange -> {
            pings.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        heartbeat.start();
        String repo = repository();
        var settings = new io.dropwizard.testing.ConfigOverride[] {
            TestApp.setting("backup.repository", repo),
            TestApp.setting("backup.password", "k"),
            TestApp.setting("backup.cron", "0/10 * * * * ?"),
            TestApp.setting("backup.heartbeatUrl", "http://127.0.0.1:"
                + heartbeat.getAddress().getPort() + "/ping")};
        first = TestApp.support(db, settings);
        second = TestApp.support(db, settings);
        first.before();
        second.before();
        Seeds seeds = new Seeds(db);

        Seeds.await("two firings backed up and verified", Duration.ofMinutes(2), () ->
            seeds.count("backup_runs", "trigger_kind = 'NIGHTLY' AND verified_at IS NOT NULL")
                >= 2);

        List<String> duplicates = seeds.jdbi().withHandle(h -> h.createQuery(
            "SELECT CONCAT(scheduled_for, ' x', COUNT(*)) FROM backup_runs "
                + "WHERE trigger_kind = 'NIGHTLY' GROUP BY scheduled_for HAVING COUNT(*) > 1")
            .mapTo(String.class).list());
        assertThat(duplicates).isEmpty();
        assertThat(seeds.count("backup_runs", "trigger_kind = 'NIGHTLY' AND "
            + "(scheduled_for IS NULL OR MOD(SECOND(scheduled_for), 10) <> 0)")).isZero();
        assertThat(seeds.count("QRTZ_SCHEDULER_STATE", "1 = 1")).isEqualTo(2);
        // after verifying, each run applies retention and then pings
        Seeds.await("two heartbeats", Duration.ofSeconds(60), () -> pings.get() >= 2);
        assertThat(seeds.count("backup_runs", "status = 'EXPIRED'"))
            .as("the backups are of one day: retention keeps the latest").isPositive();
    }

    /**
     * Two replicas in one JVM (as in these tests): when one stops, the other keeps reaching the
     * database, so its running job can finish and its own stop does not wait forever.
     */
    @Test
    void oneReplicaStoppingLeavesTheOtherItsConnections() throws Exception {
        AppConfig config = databaseOnly();
        Scheduler left = new StdSchedulerFactory(BackupScheduler.properties(config, "left:1"))
            .getScheduler();
        org.quartz.impl.SchedulerRepository.getInstance().remove("balcao");
        Scheduler right = new StdSchedulerFactory(BackupScheduler.properties(config, "right:2"))
            .getScheduler();
        right.shutdown(true);

        BackupScheduler.schedule(left, NightlyBackupJob.class, BackupScheduler.NIGHTLY,
            "0 0 3 * * ?", TimeZone.getTimeZone("America/Sao_Paulo"));
        assertThat(left.getTriggersOfJob(org.quartz.JobKey.jobKey(BackupScheduler.NIGHTLY,
            "backups"))).hasSize(1);
        left.shutdown(true);
    }

    /** Just enough configuration for a scheduler of the test database. */
    private AppConfig databaseOnly() {
        AppConfig config = new AppConfig();
        config.database.setDriverClass("com.mysql.cj.jdbc.Driver");
        config.database.setUrl(db.url());
        config.database.setUser(TestDatabase.USER);
        config.database.setPassword(TestDatabase.PASSWORD);
        return config;
    }

    /** A repository with a key restic opens at once, so each run spends its time backing up. */
    private static String repository() throws Exception {
        Path repo = Files.createTempDirectory("balcao-repo").resolve("repo");
        CheapKey.create(repo, "k");
        return repo.toString();
    }
}
