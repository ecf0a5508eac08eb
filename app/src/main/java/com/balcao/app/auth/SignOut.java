package com.balcao.app.auth;

/** Ends every panel session and API token of a person, e.g. when their password changes. */
public final class SignOut {
    private final SessionStore sessions;
    private final ApiTokens apiTokens;
    private final TokenVersionDao versions;

    SignOut(SessionStore sessions, ApiTokens apiTokens, TokenVersionDao versions) {
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.versions = versions;
    }

    /** Sessions, refresh tokens, and (through the token version) access tokens already out. */
    public void everywhere(long userId) {
        versions.raise(userId);
        sessions.destroyAllFor(userId);
        apiTokens.revokeAllOf(userId);
    }
}
