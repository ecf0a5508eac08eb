package com.balcao.app.auth;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/** The profile's two-factor pages. */
final class TwoFactorViews {
    private TwoFactorViews() {
    }

    /** Status, enrolment (QR + code) or the fresh recovery codes, depending on the step. */
    static final class TwoFactorView extends PageView {
        private final boolean enabled;
        private final int codesLeft;
        private final TwoFactor.Enrolment enrolment;
        private final List<String> recoveryCodes;
        private final String error;

        TwoFactorView(Page page, boolean enabled, int codesLeft, TwoFactor.Enrolment enrolment,
                      List<String> recoveryCodes, String error) {
            super("two-factor.mustache", page, "two_factor_title", "profile");
            this.enabled = enabled;
            this.codesLeft = codesLeft;
            this.enrolment = enrolment;
            this.recoveryCodes = recoveryCodes;
            this.error = error;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public int getCodesLeft() {
            return codesLeft;
        }

        public TwoFactor.Enrolment getEnrolment() {
            return enrolment;
        }

        public List<String> getRecoveryCodes() {
            return recoveryCodes;
        }

        public boolean isHasRecoveryCodes() {
            return recoveryCodes != null && !recoveryCodes.isEmpty();
        }

        public String getError() {
            return error;
        }
    }
}
