package com.balcao.app.supervision;

import com.balcao.app.auth.Role;
import com.balcao.app.realtime.Presence;
import com.balcao.app.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;

/**
 * The supervisors' board. The page refreshes its board fragment by itself whenever a
 * conversation or someone's presence changes.
 */
@Path("/supervision")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME})
public final class SupervisionResource {
    private final SupervisionDao dao;
    private final Presence presence;
    private final Clock clock;

    SupervisionResource(SupervisionDao dao, Presence presence, Clock clock) {
        this.dao = dao;
        this.presence = presence;
        this.clock = clock;
    }

    @GET
    public SupervisionView page(@Context Page page) {
        return view(page, "supervision.mustache");
    }

    /** Just the board, for the live refresh. */
    @GET
    @Path("board")
    public SupervisionView board(@Context Page page) {
        return view(page, "board.mustache");
    }

    private SupervisionView view(Page page, String template) {
        List<SupervisionDao.Load> loads = dao.loads();
        return new SupervisionView(page, template, dao.queues(), loads,
            presence.statesOf(loads.stream().map(SupervisionDao.Load::userId).toList()), clock);
    }
}
