package com.balcao.app.whatsapp;

import java.time.Instant;

/** A business phone number as stored: settings, and credentials encrypted. */
public record NumberRow(long id, String phoneNumberId, String displayPhoneNumber, String label,
                 String wabaId, Long defaultDepartmentId, int mps, String graphBaseUrl,
                 String accessTokenEnc, String accessTokenHint, String appSecretEnc,
                 String appSecretHint, String verifyTokenEnc, String verifyTokenHint,
                 boolean active, Instant createdAt) {
}
