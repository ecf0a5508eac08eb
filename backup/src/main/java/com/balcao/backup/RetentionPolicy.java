package com.balcao.backup;

/** How many snapshots {@code restic forget} keeps: the last of each day, week and month. */
public record RetentionPolicy(int daily, int weekly, int monthly) {

    public RetentionPolicy {
        if (daily < 0 || weekly < 0 || monthly < 0 || daily + weekly + monthly == 0) {
            throw new IllegalArgumentException("retention must keep at least one backup");
        }
    }

    /** 7 daily, 4 weekly, 6 monthly. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(7, 4, 6);
    }
}
