package com.balcao.app.labels;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The labels feature: the admin page over the labels table. */
public final class Labels {
    private Labels() {
    }

    public static void register(Environment environment, Jdbi jdbi, Clock clock) {
        LabelDao dao = jdbi.onDemand(LabelDao.class);
        environment.jersey().register(new LabelsResource(dao, new LabelService(dao, clock)));
    }
}
