package com.balcao.app.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/** Sessions, lockout, rate limits, CORS and API tokens. Secrets come from the environment. */
public class SecurityConfig {
    @Min(1) public int sessionIdleMinutes = 30;
    @Min(1) public int sessionAbsoluteHours = 12;
    @Min(1) public int lockoutMaxFailures = 5;
    /**
     * Failures from one address before it is locked too. Higher than the per-account limit:
     * a whole office often shares one address, and one person's typos must not lock the team.
     */
    @Min(1) public int lockoutMaxFailuresPerIp = 20;
    @Min(1) public int lockoutWindowMinutes = 15;
    @Min(1) public int apiRequestsPerMinute = 100;
    @Min(1) public int loginRequestsPerMinute = 20;
    @Min(4) public int bcryptCost = 12;
    /** Comma-separated origins allowed to call the API from a browser; empty means none. */
    @NotNull public String corsAllowedOrigins = "";
    /**
     * HMAC key for API access tokens: at least 32 characters. The message names the variable
     * because an unset JWT_SECRET reaches validation as the literal text "${JWT_SECRET}".
     */
    @NotNull
    @Size(min = 32, message = "must be at least 32 characters: set JWT_SECRET, e.g. to the"
        + " output of 'openssl rand -hex 32'")
    public String jwtSecret;
    @Min(1) public int accessTokenMinutes = 15;
    @Min(1) public int refreshTokenDays = 30;

    public List<String> corsOrigins() {
        return Arrays.stream(corsAllowedOrigins.split(","))
            .map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
}
