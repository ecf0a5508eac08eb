package com.balcao.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The dump on its way into the repository: counts and hashes every byte and keeps the tail,
 * because a dump that stopped early still looks like SQL, but lacks mariadb-dump's last line.
 */
final class DumpStream extends FilterInputStream {

    private static final long REPORT_EVERY = 16L * 1024 * 1024;
    private final MessageDigest digest = MediaHashes.sha256();
    private final byte[] tail = new byte[256];
    private final Progress progress;
    private long bytes;
    private long reported;

    DumpStream(InputStream in, Progress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            keepTail(b, off, n);
            bytes += n;
            if (bytes - reported >= REPORT_EVERY) {
                reported = bytes;
                progress.on(Progress.Step.DUMP, (bytes >> 20) + " MB dumped");
            }
        }
        return n;
    }

    private void keepTail(byte[] b, int off, int n) {
        if (n >= tail.length) {
            System.arraycopy(b, off + n - tail.length, tail, 0, tail.length);
        } else {
            System.arraycopy(tail, n, tail, 0, tail.length - n);
            System.arraycopy(b, off, tail, tail.length - n, n);
        }
    }

    long bytes() {
        return bytes;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** mariadb-dump and mysqldump both end a finished dump with "-- Dump completed". */
    boolean complete() {
        return new String(tail, StandardCharsets.ISO_8859_1).contains("-- Dump completed");
    }
}
