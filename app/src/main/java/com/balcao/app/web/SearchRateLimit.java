package com.balcao.app.web;

import com.balcao.app.auth.Staff;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Panel searches per person and minute (a search reads many messages; holding a key down must
 * not turn into a scan of the whole history many times a second). Over the limit: 429.
 */
@Priority(Priorities.AUTHORIZATION + 100)
final class SearchRateLimit implements ContainerRequestFilter {
    private static final Set<String> SEARCHES = Set.of("inbox", "inbox/list");
    private final ProxyManager<byte[]> buckets;
    private final String prefix;
    private final BucketConfiguration perMinute;
    private final ErrorResponses errors;

    SearchRateLimit(ProxyManager<byte[]> buckets, String prefix, int perMinute,
                    ErrorResponses errors) {
        this.buckets = buckets;
        this.prefix = prefix;
        this.perMinute = BucketConfiguration.builder().addLimit(limit -> limit
            .capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build();
        this.errors = errors;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String query = request.getUriInfo().getQueryParameters().getFirst("q");
        if (!"GET".equals(request.getMethod()) || query == null || query.isBlank()
            || !SEARCHES.contains(request.getUriInfo().getPath())
            || !(request.getSecurityContext().getUserPrincipal() instanceof Staff staff)) {
            return;
        }
        byte[] key = (prefix + "ratelimit:search:" + staff.id()).getBytes(StandardCharsets.UTF_8);
        ConsumptionProbe probe = buckets.getProxy(key, () -> perMinute)
            .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(
                probe.getNanosToWaitForRefill()));
            String message = errors.pageOf(request).messages().get("search_too_many");
            request.abortWith(Response.fromResponse(errors.build(request, 429,
                "too_many_searches", message)).header(HttpHeaders.RETRY_AFTER, seconds).build());
        }
    }
}
