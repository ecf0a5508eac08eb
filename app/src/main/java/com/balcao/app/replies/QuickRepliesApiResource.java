package com.balcao.app.replies;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Quick replies the caller may use, by shortcut prefix (for composers and integrations). */
@Path("/api/v1/quick-replies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class QuickRepliesApiResource {
    private final QuickReplyService service;

    QuickRepliesApiResource(QuickReplyService service) {
        this.service = service;
    }

    /** A reply as the API shows it. */
    public record Item(String shortcut, String body, Long departmentId) {
    }

    /** {@code {"items":[{shortcut, body, departmentId}]}}, at most 20, by shortcut. */
    @GET
    public Map<String, List<Item>> list(@Auth Staff staff,
                                                  @QueryParam("prefix") String prefix) {
        return Map.of("items", service.usableBy(staff, prefix).stream()
            .map(reply -> new Item(reply.shortcut(), reply.body(), reply.departmentId())).toList());
    }
}
