package com.balcao.app.whatsapp;

/**
 * What defines a business number: its Meta ids and settings, and its credentials in plain text
 * (encrypted before they are stored; a null credential leaves the stored one unchanged).
 */
public record NumberSetup(String phoneNumberId, String displayPhoneNumber, String label,
                          String wabaId, Long defaultDepartmentId, int mps, String graphBaseUrl,
                          String accessToken, String appSecret, String verifyToken) {
}
