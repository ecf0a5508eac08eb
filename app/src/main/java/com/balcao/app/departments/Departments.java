package com.balcao.app.departments;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The departments feature: admin pages over the departments table. */
public final class Departments {
    private Departments() {
    }

    public static DepartmentService register(Environment environment, Jdbi jdbi, Clock clock) {
        DepartmentDao dao = jdbi.onDemand(DepartmentDao.class);
        DepartmentService service = new DepartmentService(dao, clock);
        environment.jersey().register(new DepartmentsResource(dao, service));
        return service;
    }
}
