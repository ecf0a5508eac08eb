package com.balcao.app.auth;

/** Ends every panel session and API token of a person, e.g. when their password changes. */
public final class SignOut {
    private final SessionStore sessions;
    private final ApiTokens apiTokens;

    SignOut(SessionStore sessions, ApiTokens apiTokens) {
        this.sessions = sessions;
        this.apiTokens = apiTokens;
    }

    public void everywhere(long userId) {
        sessions.destroyAllFor(userId);
        apiTokens.revokeAllOf(userId);
    }
}
