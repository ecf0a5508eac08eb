package com.balcao.app.auth;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;

/** The pages of the login steps. */
final class LoginViews {
    private LoginViews() {
    }

    /** E-mail and password. */
    static final class LoginView extends PageView {
        private final String email;
        private final String next;
        private final String error;
        private final String info;

        LoginView(Page page, String email, String next, String error, String info) {
            super("login.mustache", page, "login_title", "login");
            this.email = email;
            this.next = next;
            this.error = error;
            this.info = info;
        }

        public String getEmail() {
            return email;
        }

        public String getNext() {
            return next;
        }

        public String getError() {
            return error;
        }

        public String getInfo() {
            return info;
        }
    }

    /** The TOTP or recovery code. */
    static final class SecondFactorView extends PageView {
        private final String next;
        private final String error;

        SecondFactorView(Page page, String next, String error) {
            super("second-factor.mustache", page, "second_factor_title", "login");
            this.next = next;
            this.error = error;
        }

        public String getNext() {
            return next;
        }

        public String getError() {
            return error;
        }
    }

    /** A new password the account owes before it can be used. */
    static final class RequiredPasswordView extends PageView {
        private final String error;

        RequiredPasswordView(Page page, String error) {
            super("required-password.mustache", page, "required_password_title", "login");
            this.error = error;
        }

        public String getError() {
            return error;
        }
    }
}
