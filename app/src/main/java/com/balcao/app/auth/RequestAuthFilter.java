package com.balcao.app.auth;

import com.balcao.app.web.Page;
import com.balcao.app.web.Pages;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Works out who is calling: a Bearer token on {@code /api}, the session cookie elsewhere. Sets
 * the security context ({@code @RolesAllowed} does the rest) and the request's {@link Page}.
 * Runs before matching, so a page that does not exist still knows who asks (its error page
 * keeps the navigation).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class RequestAuthFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String SESSION_PROPERTY = Session.class.getName();
    /**
     * A {@code Supplier<Optional<Staff>>} that re-checks the request's credentials: empty once
     * the session ended or the token was revoked, else the person as they are now. Live streams
     * ask it on each heartbeat.
     */
    public static final String STILL_SIGNED_IN = "balcao.stillSignedIn";
    private static final String NEW_CSRF_PROPERTY = "balcao.newCsrf";

    private final SessionStore sessions;
    private final StaffDirectory directory;
    private final AccessTokens accessTokens;
    private final TokenVersionDao versions;
    private final Pages pages;

    public RequestAuthFilter(SessionStore sessions, StaffDirectory directory,
                             AccessTokens accessTokens, TokenVersionDao versions, Pages pages) {
        this.sessions = sessions;
        this.directory = directory;
        this.accessTokens = accessTokens;
        this.versions = versions;
        this.pages = pages;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("api/")) {
            authenticateBearer(request);
        } else if (!path.startsWith("webhooks/")) {
            authenticateSession(request);
        }
        if (request.getProperty(Page.PROPERTY) == null) {
            request.setProperty(Page.PROPERTY,
                pages.anonymous(""));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object csrf = request.getProperty(NEW_CSRF_PROPERTY);
        if (csrf != null && !response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE,
                SessionCookies.csrf((String) csrf, request.getSecurityContext().isSecure()));
        }
    }

    private void authenticateBearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        String token = header.substring(7).trim();
        Supplier<Optional<Staff>> current = () -> bearerStaff(token);
        current.get().ifPresent(staff -> {
            signIn(request, staff, "Bearer");
            request.setProperty(STILL_SIGNED_IN, current);
        });
    }

    /** The person of a valid token whose version is still theirs (not signed out since). */
    private Optional<Staff> bearerStaff(String token) {
        return accessTokens.verify(token)
            .filter(verified -> versions.find(verified.userId()).orElse(-1)
                == verified.version())
            .flatMap(verified -> directory.findActive(verified.userId()));
    }

    private void authenticateSession(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookies.SESSION);
        Optional<Session> session = cookie == null ? Optional.empty()
            : sessions.find(cookie.getValue());
        if (session.isEmpty()) {
            anonymous(request);
            return;
        }
        Session current = session.get();
        request.setProperty(SESSION_PROPERTY, current);
        Optional<Staff> staff = current.stage() == Session.Stage.SIGNED_IN
            ? directory.findActive(current.userId()) : Optional.empty();
        if (staff.isPresent()) {
            signIn(request, staff.get(), "Session");
            String id = current.id();
            request.setProperty(STILL_SIGNED_IN, (Supplier<Optional<Staff>>) () ->
                sessions.peek(id).filter(s -> s.stage() == Session.Stage.SIGNED_IN)
                    .flatMap(s -> directory.findActive(s.userId())));
            request.setProperty(Page.PROPERTY, pages.forStaff(staff.get(), current.csrf(),
                sessions.flashOf(current.id())));
        } else if (current.stage() == Session.Stage.SIGNED_IN) {
            sessions.destroy(current.id());
            request.removeProperty(SESSION_PROPERTY);
            anonymous(request);
        } else {
            request.setProperty(Page.PROPERTY, pages.anonymous(current.csrf()));
        }
    }

    private void anonymous(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookies.CSRF);
        String csrf = cookie == null || cookie.getValue().length() < 32 ? null : cookie.getValue();
        if (csrf == null) {
            csrf = Tokens.random(32);
            request.setProperty(NEW_CSRF_PROPERTY, csrf);
        }
        request.setProperty(Page.PROPERTY,
            pages.anonymous(csrf));
    }

    private void signIn(ContainerRequestContext request, Staff staff, String scheme) {
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new StaffSecurityContext(staff, secure, scheme));
    }
}
