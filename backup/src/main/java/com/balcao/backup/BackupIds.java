package com.balcao.backup;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Backup ids that sort by time and never collide: {@code 20261130-030000-1a2b3c}. */
final class BackupIds {

    private static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BackupIds() { }

    static String next(Instant time) {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return FORMAT.format(time) + "-" + HexFormat.of().formatHex(random);
    }
}
