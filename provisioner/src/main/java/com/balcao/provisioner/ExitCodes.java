package com.balcao.provisioner;

/**
 * What the CLI's exit status means, so scripts can tell a typo from an outage. 2 is picocli's
 * own status for unknown options and missing arguments.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** The operation ran and failed (service down, migration error, unhealthy after start). */
    public static final int FAILED = 1;
    /** Unknown option, missing argument. */
    public static final int USAGE = 2;
    /** Bad input or state (invalid slug, slug taken, unknown tenant): nothing was changed. */
    public static final int REFUSED = 3;
    /** A health check that ran and found the tenant unhealthy ({@code status}, {@code doctor}). */
    public static final int UNHEALTHY = 4;

    private ExitCodes() {
    }
}
