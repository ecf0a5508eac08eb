package com.balcao.app.web;

import com.balcao.app.auth.Staff;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Redis;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.core.setup.Environment;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.function.Supplier;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Cross-cutting web wiring: error pages, security headers, CSRF, CORS, rate limits, request
 * body limits, trusted proxies and no caching of personal answers.
 */
public final class Web {
    private final Pages pages;

    private Web(Pages pages) {
        this.pages = pages;
    }

    public static Web register(AppConfig config, Environment environment, Redis redis,
                               Supplier<String> streamTip) {
        Pages pages = new Pages(config.tenant, streamTip);
        ErrorResponses errors = new ErrorResponses(pages);
        var jersey = environment.jersey();
        jersey.register(new WebApplicationExceptionMapper(errors));
        jersey.register(new AppExceptionMapper(errors));
        jersey.register(new InvalidInputMappers.Violations(errors));
        jersey.register(new InvalidInputMappers.BadJson(errors));
        jersey.register(new UnexpectedErrorMapper(errors));
        jersey.register(new CsrfFilter(errors));
        jersey.register(new CorsFilter(new HashSet<>(config.security.corsOrigins())));
        jersey.register(new NoStoreFilter());
        ProxyManager<byte[]> buckets = Bucket4jJedis.casBasedBuilder(redis.client())
            .expirationAfterWrite(ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))).build();
        jersey.register(new RateLimitFilter(buckets, config.redis.keyPrefix,
            config.security.apiRequestsPerMinute, config.security.loginRequestsPerMinute, errors));
        jersey.register(new SearchRateLimit(buckets, config.redis.keyPrefix,
            config.security.searchesPerMinute, errors));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(Staff.class));
        jersey.register(new PageBinder());
        jersey.register(new HomeResource());
        environment.servlets().addFilter("suspended",
                new SuspendedFilter(Path.of(config.tenant.dataDir)))
            .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment.servlets().addFilter("security-headers", new SecurityHeadersFilter())
            .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.servlets().addFilter("request-body-limits", new RequestBodyLimits(
                new RequestBodyLimits.Limits(config.security.maxFormBytes,
                    config.security.maxRequestBytes, config.whatsapp.mediaMaxBytes,
                    config.whatsapp.maxWebhookBytes)))
            .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.lifecycle().addEventListener(new ServerHardening(
            TrustedProxies.of(config.security.trustedProxyList())));
        return new Web(pages);
    }

    public Pages pages() {
        return pages;
    }
}
