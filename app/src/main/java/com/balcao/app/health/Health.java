package com.balcao.app.health;

import com.balcao.app.config.Redis;
import io.dropwizard.core.setup.Environment;

/** Health checks and the Prometheus endpoint on the admin port. */
public final class Health {
    private Health() {
    }

    public static void register(Environment environment, Redis redis) {
        environment.healthChecks().register("redis", new RedisHealthCheck(redis));
        environment.admin().addServlet("prometheus",
            new PrometheusServlet(environment.metrics())).addMapping("/prometheus");
    }
}
