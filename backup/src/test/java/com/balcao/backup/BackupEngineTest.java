package com.balcao.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Real MariaDB, real restic, a local repository: what a tenant's backup must survive. */
@Execution(ExecutionMode.CONCURRENT)
class BackupEngineTest {

    private static final String CONTENT = "SELECT id, name, HEX(name), note FROM contacts "
        + "UNION ALL SELECT id, body, HEX(body), sent_at FROM messages "
        + "UNION ALL SELECT id, HEX(payload), LENGTH(payload), NULL FROM webhook_inbox";

    @TempDir Path temp;
    private TestDb db;
    private Path media;
    private Path repo;
    private BackupEngine engine;
    private final List<Progress.Step> steps = new ArrayList<>();

    @BeforeEach
    void seed() throws Exception {
        db = new TestDb();
        media = temp.resolve("data/media");
        repo = temp.resolve("repo");
        // the 16 MB video only where its size matters: the round trip of a wiped tenant
        TenantFixture.seed(db, media, 64 << 10);
        engine = new BackupEngine(BackupTarget.local(repo, "tenant key ✓"), temp.resolve("work"));
        engine.init();
        CheapKey.install(repo, "tenant key ✓");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aWipedTenantComesBackIdentical() throws Exception {
        TenantFixture.writeVideo(media, TenantFixture.BIG_VIDEO);
        List<List<String>> content = db.rows(CONTENT);
        List<List<String>> checksums = db.rows("CHECKSUM TABLE contacts, messages, webhook_inbox");
        Manifest.MediaStat mediaBefore = MediaHashes.of(media);

        BackupResult backup = engine.backup(TenantFixture.source(db, media),
            Instant.parse("2026-11-30T06:00:00Z"), List.of("nightly"), (s, d) -> steps.add(s));

        assertThat(backup.sizeBytes()).isGreaterThan(16L << 20);
        assertThat(backup.addedBytes()).isGreaterThan(0);
        assertThat(backup.manifest().tables()).extracting(Manifest.TableStat::name)
            .contains("contacts", "messages", "webhook_inbox");
        assertThat(backup.manifest().tables()).allMatch(Manifest.TableStat::stable);
        assertThat(backup.manifest().media().files()).isEqualTo(3);
        assertThat(steps).contains(Progress.Step.DUMP, Progress.Step.FILES, Progress.Step.DONE);
        assertThat(engine.list()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo(backup.id());
            assertThat(b.snapshot()).isEqualTo(backup.snapshot());
            assertThat(b.labels()).containsExactly("nightly");
            assertThat(b.verified()).isFalse();
        });

        db.exec("SET FOREIGN_KEY_CHECKS=0; DROP TABLE messages, contacts; "
            + "DELETE FROM webhook_inbox; CREATE TABLE junk (x INT)");
        BackupEngine.delete(media);

        engine.restore(backup.id(), RestoreTarget.of(db.database(), media), Progress.NONE);

        assertThat(db.rows(CONTENT)).isEqualTo(content);
        assertThat(db.rows("CHECKSUM TABLE contacts, messages, webhook_inbox")).isEqualTo(checksums);
        assertThat(db.rows("SHOW TABLES")).extracting(r -> r.get(0)).doesNotContain("junk");
        assertThat(MediaHashes.of(media)).isEqualTo(mediaBefore);
        assertThat(db.rows("SELECT name FROM contacts WHERE id = 1").get(0).get(0))
            .isEqualTo("João Conceição 😀 #0");
        assertThat(db.rows("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name "
            + "LIKE '" + db.name + "\\_scratch%'").get(0).get(0)).isEqualTo("0");
    }

    @Test
    void verifyRestoresIntoScratchComparesAndMarksTheBackupVerified() {
        BackupResult backup = engine.backup(TenantFixture.source(db, media), Instant.now(),
            List.of("manual"), Progress.NONE);

        VerifyReport report = engine.verify(backup.id(), db.database().withName(db.name
            + "_scratch"), true, Progress.NONE);

        assertThat(report.problems()).isEmpty();
        assertThat(engine.list()).singleElement().satisfies(b -> assertThat(b.verified()).isTrue());
        assertThat(db.rows("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '"
            + db.name + "_scratch'").get(0).get(0)).isEqualTo("0");
    }

    @Test
    void aBackupRestoresIntoANewEmptyStack() {
        BackupResult backup = engine.backup(TenantFixture.source(db, media), Instant.now(),
            List.of("pre-upgrade"), Progress.NONE);
        try (TestDb other = new TestDb()) {
            Path otherMedia = temp.resolve("other/media");

            engine.restore("latest", RestoreTarget.of(other.database(), otherMedia),
                Progress.NONE);

            assertThat(other.rows(CONTENT)).isEqualTo(db.rows(CONTENT));
            assertThat(MediaHashes.of(otherMedia)).isEqualTo(backup.manifest().media());
            assertThat(engine.list()).singleElement()
                .satisfies(b -> assertThat(b.labels()).containsExactly("pre-upgrade"));
        }
    }

    @Test
    void restoreKeepsTheTablesItIsToldToKeep() {
        BackupResult backup = engine.backup(TenantFixture.source(db, media), Instant.now(),
            List.of(), Progress.NONE);
        db.exec("INSERT INTO QRTZ_LOCKS VALUES ('s', 'STATE_ACCESS')");

        engine.restore(backup.id(), new RestoreTarget(db.database(), media, db.name + "_scratch",
            List.of("QRTZ_")), Progress.NONE);

        assertThat(db.rows("SELECT COUNT(*) FROM QRTZ_LOCKS").get(0).get(0)).isEqualTo("2");
    }

    @Test
    void aRestoreRunsTheBackupsOwnStatementsOnTheCopyBeforeItGoesLive() {
        BackupResult backup = engine.backup(new BackupSource(db.database(), media, Map.of(),
                "1.2.3", "test-schema-1", "UPDATE contacts SET note = 'restaurado' WHERE id = 1"),
            Instant.now(), List.of(), Progress.NONE);

        VerifyReport verified = engine.verify(backup.id(), db.database().withName(db.name
            + "_scratch"), false, Progress.NONE);
        engine.restore(backup.id(), RestoreTarget.of(db.database(), media), Progress.NONE);

        assertThat(verified.problems()).as("verify compares the backup as taken").isEmpty();
        assertThat(backup.manifest().onRestore()).contains("restaurado");
        assertThat(db.rows("SELECT id FROM contacts WHERE note = 'restaurado'"))
            .containsExactly(List.of("1"));
    }

    @Test
    void aRestoreWhoseStatementsFailLeavesTheTargetAsItWas() {
        BackupResult backup = engine.backup(new BackupSource(db.database(), media, Map.of(),
                "1.2.3", "test-schema-1", "UPDATE no_such_table SET x = 1"),
            Instant.now(), List.of(), Progress.NONE);
        db.exec("INSERT INTO contacts (name) VALUES ('written after the backup')");

        assertThatThrownBy(() -> engine.restore(backup.id(), RestoreTarget.of(db.database(),
            media), Progress.NONE)).isInstanceOf(BackupException.class)
            .hasMessageContaining("no_such_table");

        assertThat(db.rows("SELECT COUNT(*) FROM contacts").get(0).get(0)).isEqualTo("201");
        assertThat(db.rows("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name "
            + "LIKE '" + db.name + "\\_scratch%'").get(0).get(0)).isEqualTo("0");
    }

    @Test
    void aTamperedBackupIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        BackupResult backup = engine.backup(TenantFixture.source(db, media), Instant.now(),
            List.of(), Progress.NONE);
        db.exec("INSERT INTO contacts (name) VALUES ('written after the backup')");
        for (Path pack : packs()) {
            try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
                file.seek(file.length() / 2);
                int b = file.read();
                file.seek(file.length() / 2);
                file.write(b ^ 0x5a);
            }
        }

        assertThatThrownBy(() -> engine.restore(backup.id(), RestoreTarget.of(db.database(),
            media), Progress.NONE))
            .isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.CORRUPT));

        assertThat(db.rows("SELECT COUNT(*) FROM contacts").get(0).get(0)).isEqualTo("201");
    }

    @Test
    void aTruncatedBackupIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        BackupResult backup = engine.backup(TenantFixture.source(db, media), Instant.now(),
            List.of(), Progress.NONE);
        db.exec("INSERT INTO contacts (name) VALUES ('written after the backup')");
        for (Path pack : packs()) {
            try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
                file.setLength(file.length() / 2);
            }
        }

        assertThatThrownBy(() -> engine.restore(backup.id(), RestoreTarget.of(db.database(),
            media), Progress.NONE))
            .isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.CORRUPT));

        assertThat(db.rows("SELECT COUNT(*) FROM contacts").get(0).get(0)).isEqualTo("201");
        assertThat(MediaHashes.of(media).files()).isEqualTo(3);
    }

    @Test
    void aWrongKeyIsRefusedWithAClearMessage() {
        engine.backup(TenantFixture.source(db, media), Instant.now(), List.of(), Progress.NONE);
        BackupEngine wrong = new BackupEngine(BackupTarget.local(repo, "not the key"),
            temp.resolve("work"));

        assertThatThrownBy(wrong::list)
            .isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.WRONG_KEY))
            .hasMessageContaining("backup key does not open the repository");
        assertThatThrownBy(() -> wrong.backup(TenantFixture.source(db, media), Instant.now(),
            List.of(), Progress.NONE)).hasMessageContaining("backup key");
    }

    @Test
    void anUnreachableTargetAndAnUnknownBackupAreNamed() {
        BackupEngine nowhere = new BackupEngine(BackupTarget.s3("http://127.0.0.1:9", "b/t",
            "k", "s", null, "key"), temp.resolve("work"));
        assertThatThrownBy(nowhere::list)
            .isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.TARGET_UNREACHABLE))
            .hasMessageContaining("cannot reach the backup repository");

        engine.init();
        assertThatThrownBy(() -> engine.verify("20260101-000000-abcdef", db.database()
            .withName(db.name + "_scratch"), false, Progress.NONE))
            .isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.NOT_FOUND));
    }

    private List<Path> packs() throws Exception {
        try (Stream<Path> walk = Files.walk(repo.resolve("data"))) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
