package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RefreshTokenDaoTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final Seeds SEEDS = new Seeds(DB);
    static final ApiTokens TOKENS = new ApiTokens(SEEDS.jdbi(),
        new AccessTokens("0123456789abcdef0123456789abcdef", Duration.ofMinutes(15),
            Clock.systemUTC()), Duration.ofDays(30), Clock.systemUTC());

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void onlyOneOfManyConcurrentRefreshesWins() throws Exception {
        long user = SEEDS.person("race@test.local", "senha-forte-123", Role.AGENT, List.of());
        String token = TOKENS.issue(user).refreshToken();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Boolean>> tries = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> TOKENS.refresh(token, id -> true).isPresent(), pool))
                .toList();
            long winners = tries.stream().map(CompletableFuture::join).filter(ok -> ok).count();

            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokensAreStoredHashed() {
        long user = SEEDS.person("hash@test.local", "senha-forte-123", Role.AGENT, List.of());
        String token = TOKENS.issue(user).refreshToken();

        List<String> stored = SEEDS.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT token_hash FROM refresh_tokens WHERE user_id = :id").bind("id", user)
            .mapTo(String.class).list());
        assertThat(stored).containsExactly(Tokens.sha256(token)).doesNotContain(token);
    }
}
