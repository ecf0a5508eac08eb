package com.balcao.app.support;

import com.balcao.app.App;
import com.balcao.app.config.AppConfig;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return new DropwizardAppExtension<>(App.class,
            ResourceHelpers.resourceFilePath("test-config.yml"), overrides(database, extra));
    }

    /** The app on a clock the test moves (reminders, timeouts, anything about "tomorrow"). */
    public static DropwizardAppExtension<AppConfig> extension(TestDatabase database,
                                                              TestClock clock,
                                                              ConfigOverride... extra) {
        return new DropwizardAppExtension<>(new DropwizardTestSupport<>(App.class,
            ResourceHelpers.resourceFilePath("test-config.yml"), overrides(database, extra)) {
            @Override
            public Application<AppConfig> newApplication() {
                return new App(clock);
            }
        });
    }

    /** The app read from another test configuration file of the test resources. */
    public static DropwizardAppExtension<AppConfig> extension(String configFile,
                                                              TestDatabase database,
                                                              ConfigOverride... extra) {
        return new DropwizardAppExtension<>(App.class,
            ResourceHelpers.resourceFilePath(configFile), overrides(database, extra));
    }

    /** The app for tests that start and stop it themselves (e.g. to restart it). */
    public static DropwizardTestSupport<AppConfig> support(TestDatabase database,
                                                           ConfigOverride... extra) {
        return new DropwizardTestSupport<>(App.class,
            ResourceHelpers.resourceFilePath("test-config.yml"), overrides(database, extra));
    }

    /**
     * A setting that replaces one of this class's defaults (e.g. {@code database.url}). Plain
     * {@link ConfigOverride}s cannot do that: the test support keeps overrides in a set, so
     * which of two values for one key wins would be left to chance.
     */
    public static ConfigOverride setting(String key, String value) {
        return new Setting(key, value);
    }

    private static ConfigOverride[] overrides(TestDatabase database, ConfigOverride... extra) {
        Map<String, ConfigOverride> settings = new LinkedHashMap<>();
        settings.put("database.url", setting("database.url", database.url()));
        settings.put("database.user", setting("database.user", TestDatabase.USER));
        settings.put("database.password", setting("database.password", TestDatabase.PASSWORD));
        settings.put("redis.host", setting("redis.host", redisHost()));
        settings.put("redis.port", setting("redis.port", redisPort()));
        settings.put("redis.keyPrefix", setting("redis.keyPrefix",
            "test:" + database.name() + ":"));
        settings.put("security.jwtSecret", setting("security.jwtSecret", JWT_SECRET));
        settings.put("tenant.dataDir", setting("tenant.dataDir", temporaryDataDir()));
        List<ConfigOverride> overrides = new ArrayList<>();
        for (ConfigOverride override : extra) {
            if (override instanceof Setting replacing) {
                settings.put(replacing.key, replacing);
            } else {
                overrides.add(override);
            }
        }
        overrides.addAll(0, settings.values());
        return overrides.toArray(ConfigOverride[]::new);
    }

    private static final class Setting extends ConfigOverride {
        private final String key;
        private final ConfigOverride delegate;

        Setting(String key, String value) {
            this.key = key;
            this.delegate = ConfigOverride.config(key, value);
        }

        @Override
        public void addToSystemProperties() {
            delegate.addToSystemProperties();
        }

        @Override
        public void removeFromSystemProperties() {
            delegate.removeFromSystemProperties();
        }
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
