package com.balcao.provisioner.ops;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.tenant.Tenant;
import java.time.Duration;

/** Waits for a tenant to answer its health check. */
public final class Health {
    /** How long a start may take before it counts as failed (a cold JVM on a busy host). */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong(
        "balcao.startTimeoutSeconds", 180));
    /** Short: a started app answers within a few seconds, and each poll costs one request. */
    static final long POLL_MILLIS = 150;

    private Health() {
    }

    public static void await(Driver driver, Tenant tenant) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!driver.healthy(tenant)) {
            if (System.nanoTime() > deadline) {
                throw new Failed(tenant.slug + " is not healthy after " + START_TIMEOUT.toSeconds()
                    + " s (see: provisioner logs " + tenant.slug + ")");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed("interrupted while waiting for " + tenant.slug);
            }
        }
    }
}
