package com.balcao.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;

/** The whole configuration tree of a tenant app; {@code config.yml} documents every value. */
public class AppConfig extends Configuration {
    @Valid @NotNull @JsonProperty public DataSourceFactory database = new DataSourceFactory();
    @Valid @NotNull @JsonProperty public RedisConfig redis = new RedisConfig();
    @Valid @NotNull @JsonProperty public TenantConfig tenant = new TenantConfig();
    @Valid @NotNull @JsonProperty public SecurityConfig security = new SecurityConfig();
    @Valid @NotNull @JsonProperty public WhatsAppConfig whatsapp = new WhatsAppConfig();
    @Valid @NotNull @JsonProperty public SimulatorConfig simulator = new SimulatorConfig();
    @Valid @NotNull @JsonProperty public AssignmentConfig assignment = new AssignmentConfig();
    @Valid @NotNull @JsonProperty public BackupConfig backup = new BackupConfig();
    @Valid @NotNull @JsonProperty public BotConfig bot = new BotConfig();
    @Valid @NotNull @JsonProperty public AppointmentsConfig appointments =
        new AppointmentsConfig();
    @NotNull @JsonProperty public Map<String, Map<String, String>> views = new HashMap<>();

    /**
     * How {@code config.yml} reads the environment: {@code ${VAR}} and {@code ${VAR:-default}}.
     * Not strict: an unset variable without a default stays as written, and validation then
     * names the setting it broke. One place, so the config test checks what the app runs.
     */
    public static EnvironmentVariableSubstitutor environmentSubstitutor() {
        return new EnvironmentVariableSubstitutor(false);
    }
}
