package com.balcao.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.text.lookup.StringLookupFactory;
import org.junit.jupiter.api.Test;

/**
 * The config.yml we ship, read the way the app reads it, with a made-up environment: it must
 * start a tenant with only JWT_SECRET set, and say clearly when that secret is missing.
 */
class ShippedConfigTest {
    private static final Path SHIPPED = Path.of(System.getProperty("basedir", "."))
        .resolve("../config.yml").normalize();
    private static final String SECRET = "only-this-is-set-0123456789abcdef0123";

    @Test
    void startsWithOnlyTheJwtSecretSetAndTheDocumentedDefaults() throws Exception {
        AppConfig config = load(Map.of("JWT_SECRET", SECRET));

        assertThat(config.security.jwtSecret).isEqualTo(SECRET);
        assertThat(applicationConnector(config).getPort()).isEqualTo(8080);
        assertThat(adminConnector(config).getPort()).isEqualTo(8081);
        assertThat(adminConnector(config).getBindHost()).as("admin port stays private")
            .isEqualTo("127.0.0.1");
        assertThat(config.database.getUrl()).startsWith("jdbc:mysql://127.0.0.1:3306/balcao?")
            .contains("connectionTimeZone=UTC");
        assertThat(config.redis.host).isEqualTo("127.0.0.1");
        assertThat(config.redis.keyPrefix).isEqualTo("balcao:");
        assertThat(config.tenant.zoneId().getId()).isEqualTo("America/Sao_Paulo");
        assertThat(config.tenant.defaultLocale).isEqualTo("pt-BR");
        SecurityConfig security = config.security;
        assertThat(security.bcryptCost).isEqualTo(12);
        assertThat(security.sessionIdleMinutes).isEqualTo(30);
        assertThat(security.sessionAbsoluteHours).isEqualTo(12);
        assertThat(security.lockoutMaxFailures).isEqualTo(5);
        assertThat(security.lockoutWindowMinutes).isEqualTo(15);
        assertThat(security.apiRequestsPerMinute).isEqualTo(100);
        assertThat(security.accessTokenMinutes).isEqualTo(15);
        assertThat(security.corsOrigins()).as("CORS closed by default").isEmpty();
        assertThat(config.assignment.sweepSeconds).as("waiting conversations offered again")
            .isEqualTo(10);
        assertThat(config.bot.niche).as("no bot unless a niche is chosen").isEmpty();
    }

    @Test
    void environmentSetsHostsPortsPasswordsAndOrigins() throws Exception {
        AppConfig config = load(Map.of("JWT_SECRET", SECRET,
            "PORT", "9090", "ADMIN_PORT", "9091", "DB_HOST", "db.internal", "DB_NAME", "loja",
            "DB_PASSWORD", "db-pass", "REDIS_HOST", "cache.internal", "REDIS_PASSWORD",
            "redis-pass", "CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example",
            "TENANT_TIME_ZONE", "America/Manaus"));

        assertThat(applicationConnector(config).getPort()).isEqualTo(9090);
        assertThat(adminConnector(config).getPort()).isEqualTo(9091);
        assertThat(config.database.getUrl()).startsWith("jdbc:mysql://db.internal:3306/loja?");
        assertThat(config.database.getPassword()).isEqualTo("db-pass");
        assertThat(config.redis.host).isEqualTo("cache.internal");
        assertThat(config.redis.password).isEqualTo("redis-pass");
        assertThat(config.security.corsOrigins())
            .containsExactly("https://a.example", "https://b.example");
        assertThat(config.tenant.zoneId().getId()).isEqualTo("America/Manaus");
    }

    @Test
    void theProvisionersNicheReachesTheBot() throws Exception {
        assertThat(load(Map.of("JWT_SECRET", SECRET, "TENANT_NICHE", "oficina")).bot.niche)
            .isEqualTo("oficina");
    }

    @Test
    void missingJwtSecretIsRefusedWithAClearError() {
        assertThatThrownBy(() -> load(Map.of()))
            .isInstanceOf(ConfigurationValidationException.class)
            .hasMessageContaining("security.jwtSecret must be at least 32 characters")
            .hasMessageContaining("JWT_SECRET");
    }

    @Test
    void shortJwtSecretIsRefusedWithAClearError() {
        assertThatThrownBy(() -> load(Map.of("JWT_SECRET", "short-secret")))
            .isInstanceOf(ConfigurationValidationException.class)
            .hasMessageContaining("security.jwtSecret must be at least 32 characters");
    }

    /** Reads config.yml as App does, but from this environment instead of the real one. */
    private static AppConfig load(Map<String, String> environment) throws Exception {
        EnvironmentVariableSubstitutor substitutor = AppConfig.environmentSubstitutor();
        substitutor.setVariableResolver(StringLookupFactory.INSTANCE.mapStringLookup(environment));
        return new YamlConfigurationFactory<>(AppConfig.class, Validators.newValidator(),
            Jackson.newObjectMapper(), "shipped-config-test")
            .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                substitutor), SHIPPED.toString());
    }

    private static HttpConnectorFactory applicationConnector(AppConfig config) {
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        return (HttpConnectorFactory) server.getApplicationConnectors().get(0);
    }

    private static HttpConnectorFactory adminConnector(AppConfig config) {
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        return (HttpConnectorFactory) server.getAdminConnectors().get(0);
    }
}
