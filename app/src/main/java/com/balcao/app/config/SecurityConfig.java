package com.balcao.app.config;

import jakarta.validation.constraints.Max;
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
    /**
     * Addresses or CIDR ranges of the reverse proxies whose {@code Forwarded} and
     * {@code X-Forwarded-*} headers are believed (with {@code useForwardedHeaders} on). Empty:
     * nobody's, so a client cannot choose the address its lockout and rate limits count against.
     */
    @NotNull public String trustedProxies = "";
    /** Largest url-encoded form accepted, checked before anyone is signed in. */
    @Min(1024) public int maxFormBytes = 64 * 1024;
    /** Largest body of any other request outside the upload endpoints and the webhook. */
    @Min(1024) public int maxRequestBytes = 1024 * 1024;
    /** Panel searches one person may run per minute. */
    @Min(1) public int searchesPerMinute = 30;
    /** A search term shorter than 3 letters only looks through this many recent messages. */
    @Min(1) public int shortSearchMessages = 20_000;
    /** Live streams are re-checked (session, account, departments) on each heartbeat. */
    @Min(1) @Max(300) public int streamHeartbeatSeconds = 15;
    @Min(1) public int accessTokenMinutes = 15;
    @Min(1) public int refreshTokenDays = 30;

    public List<String> trustedProxyList() {
        return Arrays.stream(trustedProxies.split(","))
            .map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    public List<String> corsOrigins() {
        return Arrays.stream(corsAllowedOrigins.split(","))
            .map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
}
