package com.balcao.app.auth;

import com.balcao.app.users.User;
import com.balcao.app.users.UserDao;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The panel's login steps over sessions: password, then the second factor or a required new
 * password, then signed in. Every step that raises trust issues a new session id.
 */
public final class PanelLogin {
    public static final String CHANNEL = "PANEL";
    private final LoginService logins;
    private final SessionStore sessions;
    private final UserDao users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public PanelLogin(LoginService logins, SessionStore sessions, UserDao users,
                      PasswordHasher hasher, Clock clock) {
        this.logins = logins;
        this.sessions = sessions;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Where the browser goes next, with the session it now holds (if any). */
    public record Step(LoginService.Result result, Session session, URI next) {
    }

    public Step password(String email, String password, String next, Client client,
                         Optional<Session> previous) {
        LoginService.Result result = logins.checkPassword(email, password, client, CHANNEL);
        if (!(result instanceof LoginService.Accepted accepted)) {
            return new Step(result, null, null);
        }
        previous.ifPresent(old -> sessions.destroy(old.id()));
        User user = accepted.user();
        Session.Stage stage = user.totpEnabled() ? Session.Stage.SECOND_FACTOR : afterFactors(user);
        Session session = sessions.create(user.id(), stage);
        return new Step(result, session, nextFor(stage, next, user));
    }

    public Step secondFactor(Session current, String code, String next, Client client) {
        User user = users.findById(current.userId()).filter(User::active)
            .orElseThrow(() -> new IllegalStateException("user vanished"));
        LoginService.Result result = logins.checkSecondFactor(user, code, client, CHANNEL);
        if (!(result instanceof LoginService.Accepted)) {
            return new Step(result, current, null);
        }
        sessions.destroy(current.id());
        Session.Stage stage = afterFactors(user);
        Session session = sessions.create(user.id(), stage);
        return new Step(result, session, nextFor(stage, next, user));
    }

    /** Sets the password the account owed and signs in; other sessions of the person end. */
    public Session changeRequiredPassword(Session current, String newPassword) {
        users.setPassword(current.userId(), hasher.hash(newPassword), false, clock.instant());
        sessions.destroyAllFor(current.userId());
        return sessions.create(current.userId(), Session.Stage.SIGNED_IN);
    }

    public void logout(Session current) {
        sessions.destroy(current.id());
    }

    private static Session.Stage afterFactors(User user) {
        return user.mustChangePassword() ? Session.Stage.PASSWORD_CHANGE : Session.Stage.SIGNED_IN;
    }

    private static URI nextFor(Session.Stage stage, String next, User user) {
        return switch (stage) {
            case SECOND_FACTOR -> URI.create("/login/2fa" + (safe(next) ? "?next=" + encode(next) : ""));
            case PASSWORD_CHANGE -> URI.create("/login/password");
            case SIGNED_IN -> local(next, landing(user));
        };
    }

    /** Agents work in the inbox, so they land there; supervisors and admins on the overview. */
    static URI landing(User user) {
        return URI.create(user.role() == Role.AGENT ? "/inbox" : "/");
    }

    private static URI local(String next, URI landing) {
        try {
            return safe(next) ? URI.create(next) : landing;
        } catch (IllegalArgumentException e) {
            return landing;
        }
    }

    /** Only local paths: never an open redirect to another site. */
    static boolean safe(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//")
            && !next.contains("\\") && next.length() < 500 && next.chars().noneMatch(c -> c < 32);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
