package com.balcao.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup to an S3-compatible server (s3proxy, in this JVM) and back, through restic's s3. */
class S3RoundTripTest {

    @TempDir Path temp;
    private TestDb db;
    private S3Proxy s3;
    private BlobStoreContext store;

    @BeforeEach
    void start() throws Exception {
        db = new TestDb();
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", temp.resolve("s3").toString());
        store = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
            .overrides(properties).build(BlobStoreContext.class);
        store.getBlobStore().createContainerInLocation(null, "backups");
        s3 = S3Proxy.builder().blobStore(store.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "tenant-access", "tenant-secret")
            .build();
        s3.start();
        while (!s3.getState().equals("STARTED")) {
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stop() throws Exception {
        s3.stop();
        store.close();
        db.close();
    }

    @Test
    void backupToS3AndRestoreFromIt() throws Exception {
        Path media = temp.resolve("data/media");
        TenantFixture.seed(db, media);
        List<List<String>> names = db.rows("SELECT id, name FROM contacts ORDER BY id");
        BackupTarget target = BackupTarget.s3("http://127.0.0.1:" + s3.getPort(), "backups/acme",
            "tenant-access", "tenant-secret", "us-east-1", "s3 key");
        BackupEngine engine = new BackupEngine(target, temp.resolve("work"));

        BackupResult backup = engine.backup(TenantFixture.source(db, media), Instant.now(),
            List.of("nightly"), Progress.NONE);
        assertThat(store.getBlobStore().list("backups")).isNotEmpty();
        db.exec("DELETE FROM messages; DELETE FROM contacts");
        BackupEngine.delete(media);

        engine.restore(backup.id(), RestoreTarget.of(db.database(), media), Progress.NONE);

        assertThat(db.rows("SELECT id, name FROM contacts ORDER BY id")).isEqualTo(names);
        assertThat(MediaHashes.of(media)).isEqualTo(backup.manifest().media());
        assertThat(new BackupEngine(BackupTarget.s3("http://127.0.0.1:" + s3.getPort(),
            "backups/acme", "tenant-access", "tenant-secret", "us-east-1", "s3 key"),
            temp.resolve("work")).list()).extracting(BackupInfo::id).containsExactly(backup.id());
    }
}
