package com.balcao.app.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The number form as posted. Credentials left blank keep what is stored; they are never
 * filled back in, so a page never carries a secret.
 */
record NumberForm(String phoneNumberId, String displayPhoneNumber, String label, String wabaId,
                  String departmentId, String mps, String graphBaseUrl, String accessToken,
                  String appSecret, String verifyToken) {

    static NumberForm empty() {
        return new NumberForm("", "", "", "", "", "80", "", "", "", "");
    }

    static NumberForm of(NumberRow row) {
        return new NumberForm(row.phoneNumberId(), row.displayPhoneNumber(), row.label(),
            nullToEmpty(row.wabaId()), row.defaultDepartmentId() == null ? ""
            : row.defaultDepartmentId().toString(), Integer.toString(row.mps()),
            nullToEmpty(row.graphBaseUrl()), "", "", "");
    }

    /** Message keys of what is wrong; empty when the form can be saved. */
    List<String> problems(Set<Long> departments, boolean canStoreSecrets) {
        List<String> problems = new ArrayList<>();
        if (!clean(phoneNumberId).matches("\\d{5,32}")) {
            problems.add("wa_number_id_invalid");
        }
        if (!digits(displayPhoneNumber).matches("\\d{8,15}")) {
            problems.add("wa_number_display_invalid");
        }
        if (clean(label).isEmpty() || clean(label).length() > 80) {
            problems.add("wa_number_label_invalid");
        }
        if (!clean(wabaId).matches("\\d{0,32}")) {
            problems.add("wa_number_waba_invalid");
        }
        if (department() != null && !departments.contains(department())) {
            problems.add("wa_number_department_invalid");
        }
        if (mpsValue() < 1 || mpsValue() > 1000) {
            problems.add("wa_number_mps_invalid");
        }
        if (!clean(graphBaseUrl).isEmpty() && (!clean(graphBaseUrl).matches("https?://\\S+")
            || clean(graphBaseUrl).length() > 255)) {
            problems.add("wa_number_graph_invalid");
        }
        boolean secrets = !clean(accessToken).isEmpty() || !clean(appSecret).isEmpty()
            || !clean(verifyToken).isEmpty();
        if (secrets && !canStoreSecrets) {
            problems.add("wa_number_no_key");
        }
        if (clean(accessToken).length() > 1000 || clean(appSecret).length() > 200
            || clean(verifyToken).length() > 200) {
            problems.add("wa_number_secret_too_long");
        }
        return problems;
    }

    NumberSetup setup() {
        return new NumberSetup(clean(phoneNumberId), digits(displayPhoneNumber), clean(label),
            clean(wabaId).isEmpty() ? null : clean(wabaId), department(), mpsValue(),
            clean(graphBaseUrl).isEmpty() ? null : clean(graphBaseUrl), clean(accessToken),
            clean(appSecret), clean(verifyToken));
    }

    Long department() {
        try {
            return clean(departmentId).isEmpty() ? null : Long.parseLong(clean(departmentId));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    int mpsValue() {
        try {
            return Integer.parseInt(clean(mps));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.trim();
    }

    private static String digits(String text) {
        return clean(text).replaceAll("[\\s+()-]", "");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
