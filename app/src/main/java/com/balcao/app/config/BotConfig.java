package com.balcao.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The bot: how often conversations idle past their state's timeout are moved on. */
public class BotConfig {
    @Min(1) @Max(3600) public int sweepSeconds = 15;
}
