package com.balcao.app.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Base64;

/**
 * The WhatsApp Cloud API: where the Graph API is, the webhook's fallback secrets, the key that
 * encrypts the credentials admins type in, and how hard the inbox and the sender work.
 */
public class WhatsAppConfig {
    @NotBlank @Pattern(regexp = "https?://[^\\s]+") public String graphBaseUrl =
        "https://graph.facebook.com";
    @NotBlank @Pattern(regexp = "v\\d+\\.\\d+") public String graphVersion = "v23.0";
    /** Accepted for every webhook call besides the secrets of the numbers set in the panel. */
    @NotNull public String appSecret = "";
    /** Accepted in the verification handshake besides the numbers' verify tokens. */
    @NotNull public String verifyToken = "";
    /** AES-256 key (base64 of 32 bytes) for stored credentials; empty disables storing them. */
    @NotNull public String credentialsKey = "";
    @Min(1024) @Max(16 * 1024 * 1024) public int maxWebhookBytes = 3 * 1024 * 1024;
    @Min(1) @Max(32) public int inboxWorkers = 2;
    @Min(1) @Max(3600) public int inboxLeaseSeconds = 60;
    @Min(1) @Max(100) public int inboxMaxAttempts = 10;
    @Min(10) @Max(60_000) public int pollMillis = 250;
    @Min(1) @Max(256) public int senderThreads = 16;
    /** Messages to one customer allowed at once, then one per {@link #pairIntervalSeconds}. */
    @Min(1) @Max(45) public int pairBurst = 20;
    @Min(1) @Max(600) public int pairIntervalSeconds = 6;
    @Min(1) @Max(50) public int maxSendAttempts = 8;
    @Min(1) @Max(3600) public int maxBackoffSeconds = 300;
    @Min(1) @Max(120) public int httpTimeoutSeconds = 15;
    @Min(1024) public long mediaMaxBytes = 100L * 1024 * 1024;
    /** How long a sender owns the outbox rows it claimed; renewed before each Graph call. */
    @Min(1) @Max(3600) public int sendLeaseSeconds = 60;
    /** Files uploaded to send but never sent are deleted after this long. */
    @Min(1) @Max(24 * 30) public int unsentUploadHours = 24;

    @AssertTrue(message = "must be empty or the base64 of 32 bytes")
    public boolean isCredentialsKeyValid() {
        if (credentialsKey == null || credentialsKey.isBlank()) {
            return true;
        }
        try {
            return Base64.getDecoder().decode(credentialsKey.trim()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
