package com.balcao.app.supervision;

import com.balcao.app.realtime.Presence;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The supervision feature: queues per department and the team's presence and load. */
public final class Supervision {
    private Supervision() {
    }

    public static void register(Environment environment, Jdbi jdbi, Presence presence,
                                Clock clock) {
        environment.jersey().register(new SupervisionResource(
            jdbi.onDemand(SupervisionDao.class), presence, clock));
    }
}
