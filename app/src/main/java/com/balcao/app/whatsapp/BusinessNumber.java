package com.balcao.app.whatsapp;

/**
 * A business number ready for use: its settings with the credentials decrypted. Never logged
 * or shown; {@link #toString} leaves the secrets out.
 */
record BusinessNumber(long id, String phoneNumberId, String displayPhoneNumber, String label,
                      String wabaId, Long defaultDepartmentId, int mps, String graphBaseUrl,
                      String accessToken, String appSecret, String verifyToken, boolean active) {

    @Override
    public String toString() {
        return "BusinessNumber[" + phoneNumberId + " " + label + "]";
    }
}
