package com.balcao.app.support;

import com.balcao.app.App;
import com.balcao.app.config.AppConfig;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole app on random ports against a fresh database and its own Redis key prefix, so
 * test classes never see each other's data.
 */
public final class TestApp {
    public static final String JWT_SECRET = "test-jwt-secret-0123456789abcdef0123456789";

    private TestApp() {
    }

    public static DropwizardAppExtension<AppConfig> extension(TestDatabase database,
                                                              ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
            ConfigOverride.config("database.url", database.url()),
            ConfigOverride.config("database.user", TestDatabase.USER),
            ConfigOverride.config("database.password", TestDatabase.PASSWORD),
            ConfigOverride.config("redis.host", redisHost()),
            ConfigOverride.config("redis.port", redisPort()),
            ConfigOverride.config("redis.keyPrefix", "test:" + database.name() + ":"),
            ConfigOverride.config("security.jwtSecret", JWT_SECRET),
            ConfigOverride.config("tenant.dataDir", temporaryDataDir())));
        overrides.addAll(Arrays.asList(extra));
        return new DropwizardAppExtension<>(App.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            overrides.toArray(ConfigOverride[]::new));
    }

    private static String temporaryDataDir() {
        try {
            return Files.createTempDirectory("balcao-data").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Redis the tests use: TEST_REDIS_HOST, by default 127.0.0.1. */
    public static String redisHost() {
        return env("TEST_REDIS_HOST", "127.0.0.1");
    }

    /** TEST_REDIS_PORT, by default 6379. */
    public static String redisPort() {
        return env("TEST_REDIS_PORT", "6379");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A random e-mail, for tests that create people. */
    public static String randomEmail(String prefix) {
        return prefix + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + "@test.local";
    }

}
