package com.balcao.app.auth;

import com.balcao.app.web.Page;

/** The message for an unacceptable new password, or null when it is fine. */
public final class PasswordRules {
    private PasswordRules() {
    }

    public static String problem(Page page, String password, String confirmation) {
        if (!PasswordHasher.acceptable(password)) {
            return page.text("password_too_short", PasswordHasher.MIN_LENGTH);
        }
        if (!password.equals(confirmation)) {
            return page.text("password_mismatch");
        }
        return null;
    }
}
