package com.balcao.backup;

import com.balcao.backup.BackupException.Reason;
import java.util.Locale;

/** Turns a tool's error output into a reason and a sentence a person can act on. */
final class Failures {

    private Failures() { }

    static BackupException fromRestic(String what, BackupTarget target, String stderr) {
        String text = stderr.toLowerCase(Locale.ROOT);
        if (text.contains("wrong password") || text.contains("no key found")) {
            return new BackupException(Reason.WRONG_KEY,
                "the backup key does not open the repository " + target
                    + " (wrong BACKUP_PASSWORD?)");
        }
        if (text.contains("no space left") || text.contains("disk quota exceeded")) {
            return new BackupException(Reason.DISK_FULL,
                "no space left while " + what + " (" + target + "): " + lastLine(stderr));
        }
        if (text.contains("already locked")) {
            return new BackupException(Reason.LOCKED,
                "the repository " + target + " is locked by another backup process: "
                    + lastLine(stderr));
        }
        if (text.contains("unable to open config file") || text.contains("is there a repository")
            || text.contains("connection refused") || text.contains("no such host")
            || text.contains("i/o timeout") || text.contains("bucket does not exist")
            || text.contains("nosuchbucket") || text.contains("access denied")
            || text.contains("permission denied")) {
            return new BackupException(Reason.TARGET_UNREACHABLE,
                "cannot reach the backup repository " + target + " while " + what + ": "
                    + lastLine(stderr));
        }
        if (text.contains("no matching id") || text.contains("no snapshot")) {
            return new BackupException(Reason.NOT_FOUND, "no such snapshot in " + target);
        }
        if (text.contains("ciphertext verification failed") || text.contains("unexpected eof")
            || text.contains("hash does not match") || text.contains("errors were found")
            || text.contains("invalid data returned") || text.contains("pack file cannot")
            || text.contains("not found in index") || text.contains("is damaged")
            || text.contains("unexpected file size")) {
            return new BackupException(Reason.CORRUPT,
                "the backup repository " + target + " is damaged (" + what + "): "
                    + lastLine(stderr));
        }
        return new BackupException(Reason.FAILED, what + " failed: " + lastLine(stderr));
    }

    static BackupException fromDatabase(String what, String stderr) {
        String text = stderr.toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("errno: 28")
            || text.contains("is full")) {
            return new BackupException(Reason.DISK_FULL,
                "the database server ran out of space while " + what + ": " + lastLine(stderr));
        }
        if (text.contains("can't connect") || text.contains("unknown mysql server host")) {
            return new BackupException(Reason.TARGET_UNREACHABLE,
                "cannot reach the database while " + what + ": " + lastLine(stderr));
        }
        return new BackupException(Reason.DATABASE, what + " failed: " + lastLine(stderr));
    }

    static BackupException fromIo(String what, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("no space left")) {
            return new BackupException(Reason.DISK_FULL, "no space left while " + what, e);
        }
        return new BackupException(Reason.FAILED, what + " failed: " + message, e);
    }

    /**
     * The most telling line of a tool's output: its last non-empty one, without secrets, and
     * not restic's note that it was stopped.
     */
    static String lastLine(String stderr) {
        String[] lines = stderr.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("Warning: Using a password")
                && !line.contains("signal interrupt received")) {
                return line.length() > 400 ? line.substring(0, 400) + "…" : line;
            }
        }
        return "(no message)";
    }
}
