package com.balcao.backup;

/** A backup step that failed, with a reason a caller can act on and a message a person can read. */
public final class BackupException extends RuntimeException {

    /** Why a step failed. */
    public enum Reason {
        /** The repository password (backup key) does not open the repository. */
        WRONG_KEY,
        /** The repository cannot be reached (no route, refused, no such bucket or folder). */
        TARGET_UNREACHABLE,
        /** A disk (repository, scratch folder or database) ran out of space. */
        DISK_FULL,
        /** The repository or the snapshot failed its integrity check: nothing was restored. */
        CORRUPT,
        /** No backup with that id. */
        NOT_FOUND,
        /** Another process holds the repository lock. */
        LOCKED,
        /** The database dump or load failed. */
        DATABASE,
        /** A restored copy differs from the backup's manifest. */
        MISMATCH,
        /** restic, mariadb-dump or mariadb is not installed. */
        TOOL_MISSING,
        /** Anything else; the message carries the tool's own words. */
        FAILED
    }

    private final Reason reason;

    public BackupException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BackupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
