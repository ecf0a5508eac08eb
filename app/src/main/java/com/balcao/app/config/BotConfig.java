package com.balcao.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The bot: how often idle conversations are moved on, and the business's niche. */
public class BotConfig {
    @Min(1) @Max(3600) public int sweepSeconds = 15;
    /** Threads running the bot's turns (a conversation's turns always share one). */
    @Min(1) @Max(32) public int workers = 2;
    /**
     * The business's niche (a shipped flow's key, or the provisioner's name for it, e.g.
     * {@code oficina}): on the tenant's first start its shipped flow becomes the active one.
     * Empty: the tenant starts without a bot.
     */
    public String niche = "";
}
