package com.balcao.app.auth;

import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Redis;
import com.balcao.app.users.UserDao;
import com.balcao.app.web.Pages;
import com.balcao.app.whatsapp.CredentialCipher;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff authentication: panel sessions, lockout, two-factor, password reset and API tokens.
 * Other features use what this returns to hash passwords and end sessions.
 */
public final class Auth {
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final PasswordResets resets;
    private final SignOut signOut;
    private final LoginAttemptDao attempts;

    private Auth(PasswordHasher hasher, SessionStore sessions, PasswordResets resets,
                 SignOut signOut, LoginAttemptDao attempts) {
        this.hasher = hasher;
        this.sessions = sessions;
        this.resets = resets;
        this.signOut = signOut;
        this.attempts = attempts;
    }

    public static Auth register(AppConfig config, Environment environment, Jdbi jdbi, Redis redis,
                                Pages pages, Clock clock) {
        UserDao users = jdbi.onDemand(UserDao.class);
        LoginAttemptDao attempts = jdbi.onDemand(LoginAttemptDao.class);
        PasswordHasher hasher = new PasswordHasher(config.security.bcryptCost);
        SessionStore sessions = new SessionStore(redis, config.security, clock);
        StaffDirectory directory = new StaffDirectory(users);
        Lockout lockout = new Lockout(attempts, config.security, clock);
        TotpSecrets totpSecrets = new TotpSecrets(
            CredentialCipher.of(config.whatsapp.credentialsKey));
        totpSecrets.sealStored(jdbi);
        TwoFactor twoFactor = new TwoFactor(users, jdbi.onDemand(RecoveryCodeDao.class), redis,
            config.tenant.name, totpSecrets, clock);
        LoginService logins = new LoginService(users, attempts, hasher, lockout, twoFactor, clock);
        AccessTokens accessTokens = new AccessTokens(config.security.jwtSecret,
            Duration.ofMinutes(config.security.accessTokenMinutes), clock);
        ApiTokens apiTokens = new ApiTokens(jdbi, accessTokens,
            Duration.ofDays(config.security.refreshTokenDays), clock);
        PasswordResetDao resetDao = jdbi.onDemand(PasswordResetDao.class);
        TokenVersionDao versions = jdbi.onDemand(TokenVersionDao.class);
        SignOut signOut = new SignOut(sessions, apiTokens, versions);
        PasswordResets resets = new PasswordResets(resetDao, users, hasher, signOut, attempts,
            lockout, clock);

        var jersey = environment.jersey();
        jersey.register(new RequestAuthFilter(sessions, directory, accessTokens, versions,
            pages));
        jersey.register(new LoginResource(new PanelLogin(logins, sessions, users, hasher, clock)));
        jersey.register(new PasswordResetResource(resets));
        jersey.register(new PasswordResetAdminResource(resets, resetDao));
        jersey.register(new TwoFactorResource(twoFactor, users, hasher));
        jersey.register(new ApiAuthResource(logins, apiTokens, directory));
        return new Auth(hasher, sessions, resets, signOut, attempts);
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    public PasswordResets resets() {
        return resets;
    }

    public LoginAttemptDao attempts() {
        return attempts;
    }

    /** Ends every panel session and API token of a person. */
    public void signOutEverywhere(long userId) {
        signOut.everywhere(userId);
    }

    public SessionStore sessions() {
        return sessions;
    }
}
