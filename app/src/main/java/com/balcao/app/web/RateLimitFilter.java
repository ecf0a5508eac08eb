package com.balcao.app.web;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Redis-backed rate limits shared by every replica: API calls per client address, and login
 * attempts per address. Over the limit the answer is 429 with {@code Retry-After}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RateLimitFilter implements ContainerRequestFilter {
    private final ProxyManager<byte[]> buckets;
    private final String prefix;
    private final BucketConfiguration api;
    private final BucketConfiguration login;
    private final ErrorResponses errors;
    @Context private HttpServletRequest servletRequest;

    public RateLimitFilter(ProxyManager<byte[]> buckets, String keyPrefix, int apiPerMinute,
                           int loginPerMinute, ErrorResponses errors) {
        this.buckets = buckets;
        this.prefix = keyPrefix;
        this.api = perMinute(apiPerMinute);
        this.login = perMinute(loginPerMinute);
        this.errors = errors;
    }

    private static BucketConfiguration perMinute(int limit) {
        return BucketConfiguration.builder()
            .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
            .build();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String ip = servletRequest.getRemoteAddr();
        boolean loginPost = "POST".equals(request.getMethod())
            && (path.equals("login") || path.equals("api/v1/auth/login")
                || path.startsWith("login/") || path.equals("password-reset"));
        if (loginPost && !consume(request, "login:" + ip, login)) {
            return;
        }
        if (path.startsWith("api/")) {
            consume(request, "api:" + ip, api);
        }
    }

    private boolean consume(ContainerRequestContext request, String name,
                            BucketConfiguration config) {
        byte[] key = (prefix + "ratelimit:" + name).getBytes(StandardCharsets.UTF_8);
        ConsumptionProbe probe = buckets.getProxy(key, () -> config).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()));
            String message = errors.pageOf(request).messages().get("error_too_many_requests");
            request.abortWith(Response.fromResponse(errors.build(request, 429, "too_many_requests",
                message)).header(HttpHeaders.RETRY_AFTER, seconds).build());
            return false;
        }
        return true;
    }
}
