package com.balcao.app.bot;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the bot's sweep: moves conversations idle past their state's timeout on, and
 * queues a turn for any customer message the bot still owes an answer (its turn was lost in a
 * restart).
 */
final class BotSweep implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BotSweep.class);
    /** Younger unanswered messages are still in the turns' queue, not lost. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    private final BotRunner runner;

    BotSweep(BotRunner runner) {
        this.runner = runner;
    }

    @Override
    public void run() {
        runner.expireDue();
        int owed = runner.catchUp(GRACE);
        if (owed > 0) {
            LOG.info("The bot answers {} customer message(s) left unanswered", owed);
        }
    }
}
