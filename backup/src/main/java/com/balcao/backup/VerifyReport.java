package com.balcao.backup;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of restoring a backup into scratch copies and comparing them with its manifest.
 *
 * @param problems each difference found, in words; empty when the copy matched
 * @param approximateTables tables written to during the dump (compared by row range only)
 */
public record VerifyReport(String id, List<String> problems, List<String> approximateTables,
                           Manifest manifest, Duration took) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
