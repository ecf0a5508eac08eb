package com.balcao.app.auth;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/** Pages of the password reset: asking, redeeming a code, and the admin's queue. */
final class PasswordResetViews {
    private PasswordResetViews() {
    }

    /** "I forgot my password": asks for the e-mail, then confirms the request was taken. */
    static final class RequestView extends PageView {
        private final boolean sent;

        RequestView(Page page, boolean sent) {
            super("reset-request.mustache", page, "reset_request_title", "login");
            this.sent = sent;
        }

        public boolean isSent() {
            return sent;
        }
    }

    /** E-mail, the code the admin gave, and the new password. */
    static final class RedeemView extends PageView {
        private final String email;
        private final String error;

        RedeemView(Page page, String email, String error) {
            super("reset-redeem.mustache", page, "reset_redeem_title", "login");
            this.email = email;
            this.error = error;
        }

        public String getEmail() {
            return email;
        }

        public String getError() {
            return error;
        }
    }

    /** One row of the admin's list, formatted for the page. */
    record Row(long id, String name, String email, String status, String ip, String userAgent,
               String createdAt, String decidedAt, boolean pending) {
        static Row of(PasswordReset reset, Page page) {
            return new Row(reset.id(), reset.userName(), reset.userEmail(),
                page.text("reset_status_" + reset.status().toLowerCase()),
                reset.requestedIp() == null ? "" : reset.requestedIp(),
                reset.requestedUserAgent() == null ? "" : reset.requestedUserAgent(),
                page.formatTime(reset.createdAt()), page.formatTime(reset.decidedAt()),
                PasswordReset.PENDING.equals(reset.status()));
        }
    }

    /** Pending requests to decide and the latest decisions. */
    static final class AdminListView extends PageView {
        private final List<Row> pending;
        private final List<Row> decided;

        AdminListView(Page page, List<Row> pending, List<Row> decided) {
            super("reset-admin.mustache", page, "reset_admin_title", "resets");
            this.pending = pending;
            this.decided = decided;
        }

        public List<Row> getPending() {
            return pending;
        }

        public List<Row> getDecided() {
            return decided;
        }

        public boolean isHasPending() {
            return !pending.isEmpty();
        }

        public boolean isHasDecided() {
            return !decided.isEmpty();
        }
    }

    /** The code to hand over, shown once. */
    static final class GrantView extends PageView {
        private final PasswordResets.Grant grant;
        private final String expiresAt;

        GrantView(Page page, PasswordResets.Grant grant) {
            super("reset-grant.mustache", page, "reset_grant_title", "resets");
            this.grant = grant;
            this.expiresAt = page.formatTime(grant.expiresAt());
        }

        public PasswordResets.Grant getGrant() {
            return grant;
        }

        public String getExpiresAt() {
            return expiresAt;
        }
    }
}
