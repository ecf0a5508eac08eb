package com.balcao.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Random;

/**
 * A small tenant: contacts with emoji and accents, messages referencing them (a foreign key),
 * raw webhook bodies with bytes that are not UTF-8, and a media folder with a video of 16 MB
 * (or of a size the test chooses, when the size does not matter to it).
 */
final class TenantFixture {

    static final String SCHEMA = """
        CREATE TABLE contacts (id BIGINT PRIMARY KEY AUTO_INCREMENT,
          name VARCHAR(200) NOT NULL, note TEXT) DEFAULT CHARSET=utf8mb4;
        CREATE TABLE messages (id BIGINT PRIMARY KEY AUTO_INCREMENT, contact_id BIGINT NOT NULL,
          body TEXT NOT NULL, sent_at DATETIME(6) NOT NULL,
          CONSTRAINT fk_messages_contact FOREIGN KEY (contact_id) REFERENCES contacts (id))
          DEFAULT CHARSET=utf8mb4;
        CREATE TABLE webhook_inbox (id BIGINT PRIMARY KEY AUTO_INCREMENT,
          payload LONGBLOB NOT NULL) DEFAULT CHARSET=utf8mb4;
        CREATE TABLE QRTZ_LOCKS (SCHED_NAME VARCHAR(120) NOT NULL, LOCK_NAME VARCHAR(40) NOT NULL,
          PRIMARY KEY (SCHED_NAME, LOCK_NAME));
        """;

    static final String[] NAMES = {"João Conceição 😀", "Zoë Ñandú 🇧🇷", "Ação 👩‍🔧 café",
        "Grüße 日本語", "quote ' \" \\ tab\t nl\n"};

    private TenantFixture() { }

    static final int BIG_VIDEO = 16 << 20;

    static void seed(TestDb db, Path media) throws Exception {
        seed(db, media, BIG_VIDEO);
    }

    static void seed(TestDb db, Path media, int videoBytes) throws Exception {
        db.exec(SCHEMA);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement contact = c.prepareStatement(
                     "INSERT INTO contacts (name, note) VALUES (?, ?)");
                 PreparedStatement message = c.prepareStatement(
                     "INSERT INTO messages (contact_id, body, sent_at) VALUES (?, ?, ?)");
                 PreparedStatement webhook = c.prepareStatement(
                     "INSERT INTO webhook_inbox (payload) VALUES (?)")) {
                for (int i = 0; i < 200; i++) {
                    contact.setString(1, NAMES[i % NAMES.length] + " #" + i);
                    contact.setString(2, i % 3 == 0 ? null : "Observação: 🙏 " + i);
                    contact.addBatch();
                }
                contact.executeBatch();
                for (int i = 0; i < 2000; i++) {
                    message.setLong(1, 1 + i % 200);
                    message.setString(2, "Olá, tudo bem? 👋 mensagem " + i + " — ça va");
                    message.setString(3, "2026-11-30 12:00:00." + String.format("%06d", i));
                    message.addBatch();
                }
                message.executeBatch();
                Random random = new Random(42);
                for (int i = 0; i < 50; i++) {
                    byte[] body = new byte[1024 + i];
                    random.nextBytes(body);
                    webhook.setBytes(1, body);
                    webhook.addBatch();
                }
                webhook.executeBatch();
            }
            c.commit();
        }
        db.exec("INSERT INTO QRTZ_LOCKS VALUES ('s', 'TRIGGER_ACCESS')");
        writeMedia(media, videoBytes);
    }

    private static void writeMedia(Path media, int videoBytes) throws IOException {
        writeVideo(media, videoBytes);
        Files.writeString(media.resolve("2026/11/nota fiscal ção 😀.txt"), "recibo ✓",
            StandardCharsets.UTF_8);
        Files.write(media.resolve("avatar.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 0, 1});
    }

    /** {@code 2026/11/video.mp4}: random bytes, the same for the same size. */
    static void writeVideo(Path media, int bytes) throws IOException {
        Files.createDirectories(media.resolve("2026/11"));
        Random random = new Random(7);
        try (OutputStream out = Files.newOutputStream(media.resolve("2026/11/video.mp4"))) {
            byte[] chunk = new byte[1 << 20];
            for (int left = bytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(left, chunk.length));
            }
        }
    }

    static BackupSource source(TestDb db, Path media) {
        return new BackupSource(db.database(), media,
            Map.of("tenant.name", "Ótica Visão", "tenant.timeZone", "America/Sao_Paulo"),
            "1.2.3", "test-schema-1");
    }
}
