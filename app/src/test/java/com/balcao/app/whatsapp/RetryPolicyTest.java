package com.balcao.app.whatsapp;

import static com.balcao.app.whatsapp.RetryPolicy.Action.PAIR_LIMIT;
import static com.balcao.app.whatsapp.RetryPolicy.Action.PERMANENT;
import static com.balcao.app.whatsapp.RetryPolicy.Action.RETRY;
import static com.balcao.app.whatsapp.RetryPolicy.Action.SPAM_PAUSE;
import static com.balcao.app.whatsapp.RetryPolicy.Action.THROTTLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void codesDecideNotTheHttpStatus() {
        assertThat(RetryPolicy.classify(130429, 400)).isEqualTo(THROTTLE);
        assertThat(RetryPolicy.classify(80007, 400)).isEqualTo(THROTTLE);
        assertThat(RetryPolicy.classify(131056, 400)).isEqualTo(PAIR_LIMIT);
        assertThat(RetryPolicy.classify(131048, 400)).isEqualTo(SPAM_PAUSE);
        assertThat(RetryPolicy.classify(131000, 500)).isEqualTo(RETRY);
        assertThat(RetryPolicy.classify(131057, 400)).isEqualTo(RETRY);
        assertThat(RetryPolicy.classify(131047, 429)).isEqualTo(PERMANENT);
        assertThat(RetryPolicy.classify(131026, 400)).isEqualTo(PERMANENT);
        assertThat(RetryPolicy.classify(190, 401)).isEqualTo(PERMANENT);
        assertThat(RetryPolicy.classify(132000, 400)).isEqualTo(PERMANENT);
    }

    @Test
    void withoutACodeServerErrorsAndNetworkTroubleAreRetried() {
        assertThat(RetryPolicy.classify(null, 503)).isEqualTo(RETRY);
        assertThat(RetryPolicy.classify(null, 0)).isEqualTo(RETRY);
        assertThat(RetryPolicy.classify(null, 429)).isEqualTo(THROTTLE);
        assertThat(RetryPolicy.classify(null, 404)).isEqualTo(PERMANENT);
    }

    @Test
    void backoffGrowsWithinItsCapAndThePairLimitWaitsFourToTheX() {
        for (int attempts = 0; attempts < 30; attempts++) {
            Duration wait = RetryPolicy.backoff(attempts, 300);
            assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(300));
        }
        assertThat(RetryPolicy.pairBackoff(0, 600)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.pairBackoff(2, 600)).isEqualTo(Duration.ofSeconds(16));
        assertThat(RetryPolicy.pairBackoff(9, 600)).isEqualTo(Duration.ofSeconds(600));
    }
}
