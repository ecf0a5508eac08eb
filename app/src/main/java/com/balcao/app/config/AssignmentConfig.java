package com.balcao.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Automatic distribution of the queue (departments that have it switched on). New
 * conversations are given out as they arrive; the sweep gives out the ones still waiting, so
 * they reach an agent who comes online or frees a slot within this many seconds.
 */
public class AssignmentConfig {
    @Min(1) @Max(3600) public int sweepSeconds = 10;
}
