package com.balcao.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository on a 4 MB file system and a 16 MB media file: the run fails with DISK_FULL and
 * a message naming it, and no half backup is listed. Needs root to mount a tmpfs (skipped
 * otherwise).
 */
class DiskFullTest {
    @TempDir Path temp;
    private Path small;
    private boolean mounted;
    private TestDb db;

    @BeforeEach
    void mount() throws Exception {
        small = Files.createDirectories(temp.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs",
            small.toString()).redirectErrorStream(true).start();
        mounted = mount.waitFor(20, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here (not root?)");
        db = new TestDb();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", small.toString()).start().waitFor(20, TimeUnit.SECONDS);
            db.close();
        }
    }

    @Test
    void aFullRepositoryDiskIsNamed() throws Exception {
        Path media = temp.resolve("data/media");
        TenantFixture.seed(db, media);
        BackupEngine engine = new BackupEngine(BackupTarget.local(small.resolve("repo"), "k"),
            temp.resolve("work"));

        assertThatThrownBy(() -> engine.backup(TenantFixture.source(db, media), Instant.now(),
            List.of(), Progress.NONE))
            .isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.DISK_FULL))
            .hasMessageContaining("no space left");
        assertThat(engine.list()).isEmpty();
    }
}
