package com.balcao.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The built-in WhatsApp simulator: a fake Graph API and a customer phone page. Demo and tests
 * only; a production tenant leaves it off.
 */
public class SimulatorConfig {
    public boolean enabled = false;
    /** Messages per second the fake Graph API accepts per number before answering 130429. */
    @Min(1) @Max(10_000) public int mps = 80;
    /** Delay before each echoed status (sent, then delivered, then read). */
    @Min(0) @Max(60_000) public int statusDelayMillis = 300;
    /** Files the fake Graph API keeps (oldest dropped first), and their total size. */
    @Min(1) @Max(10_000) public int maxMediaFiles = 200;
    @Min(1024) public long maxMediaBytes = 256L * 1024 * 1024;
}
