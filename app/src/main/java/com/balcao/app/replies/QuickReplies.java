package com.balcao.app.replies;

import com.balcao.app.departments.DepartmentDao;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The quick replies feature: admin pages and the lookup agents' composers use. */
public final class QuickReplies {
    private QuickReplies() {
    }

    public static QuickReplyService register(Environment environment, Jdbi jdbi, Clock clock) {
        QuickReplyDao dao = jdbi.onDemand(QuickReplyDao.class);
        DepartmentDao departments = jdbi.onDemand(DepartmentDao.class);
        QuickReplyService service = new QuickReplyService(dao, departments, clock);
        environment.jersey().register(new QuickRepliesResource(dao, service, departments));
        environment.jersey().register(new QuickRepliesApiResource(service));
        return service;
    }
}
