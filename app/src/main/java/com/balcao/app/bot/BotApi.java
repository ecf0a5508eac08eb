package com.balcao.app.bot;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.AppException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The bot's flows and texts for admins and integrations: list, export (a version's JSON),
 * import/publish (a new version; conversations in progress keep theirs), activate, edit a
 * text, and the test console.
 */
@Path("/api/v1/bot")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public final class BotApi {
    private final FlowStore flows;
    private final BotConsole console;

    BotApi(FlowStore flows, BotConsole console) {
        this.flows = flows;
        this.console = console;
    }

    /** A flow in the list. */
    public record Item(String key, String name, boolean active, int version) {
    }

    /** {@code {"items":[…], "shipped":[…]}}: the tenant's flows and those it may install. */
    @GET
    @Path("flows")
    public Map<String, Object> flows(@Auth Staff staff) {
        return Map.of("items", flows.flows().stream().map(row -> new Item(row.flowKey(),
            row.name(), row.active(), row.publishedVersion())).toList(),
            "shipped", FlowJson.SHIPPED);
    }

    /** The published flow as JSON (its export), or {@code version} n of it. */
    @GET
    @Path("flows/{key}")
    public Response flow(@Auth Staff staff, @PathParam("key") String key,
                         @QueryParam("version") Integer version) {
        String json = version == null
            ? flows.published(key).map(v -> FlowJson.pretty(v.flow()))
                .orElseThrow(() -> notFound("flow"))
            : flows.versions(key).stream().filter(v -> v.version() == version).findFirst()
                .map(v -> FlowJson.pretty(FlowJson.read(v.definition())))
                .orElseThrow(() -> notFound("flow_version"));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Imports a flow: validated, then published as its next version. */
    @PUT
    @Path("flows/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> publish(@Auth Staff staff, @PathParam("key") String key,
                                       String body) {
        Flow flow = read(body);
        if (flow.key() != null && !flow.key().equals(key)) {
            throw invalid(List.of("A chave do fluxo (" + flow.key() + ") difere da URL (" + key
                + ")."));
        }
        Flow keyed = new Flow(key, flow.name(), flow.start(), flow.defaultDepartment(),
            flow.returning(), flow.settings(), flow.texts(), flow.triggers(), flow.states());
        FlowStore.Version published = publish(keyed, staff);
        return Map.of("key", key, "version", published.number());
    }

    /** Makes the flow the one new conversations start on; shipped flows are installed first. */
    @POST
    @Path("flows/{key}/activate")
    public Map<String, Object> activate(@Auth Staff staff, @PathParam("key") String key) {
        if (flows.published(key).isEmpty()) {
            if (!FlowJson.SHIPPED.contains(key)) {
                throw notFound("flow");
            }
            flows.install(key, false);
        }
        flows.activate(key);
        return Map.of("key", key, "active", true);
    }

    /** The active flow's texts, by key. */
    @GET
    @Path("texts")
    public Map<String, Object> texts(@Auth Staff staff) {
        FlowStore.Version active = flows.active().orElseThrow(() -> notFound("flow"));
        Map<String, String> texts = new java.util.TreeMap<>(BotTexts.DEFAULTS);
        texts.putAll(active.flow().texts());
        return Map.of("flow", active.flow().key(), "version", active.number(), "texts", texts,
            "variables", new java.util.TreeSet<>(BotTexts.VARIABLES));
    }

    /** A text body. */
    public record TextBody(String text) {
    }

    /** Changes one text of the active flow: published as a new version. */
    @PUT
    @Path("texts/{textKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> text(@Auth Staff staff, @PathParam("textKey") String textKey,
                                    TextBody body) {
        FlowStore.Version active = flows.active().orElseThrow(() -> notFound("flow"));
        if (body == null || body.text() == null || body.text().isBlank()
            || body.text().length() > 4096) {
            throw invalid(List.of("O texto deve ter de 1 a 4096 caracteres."));
        }
        FlowStore.Version published = publish(active.flow().withText(textKey,
            body.text().strip()), staff);
        return Map.of("flow", active.flow().key(), "version", published.number(), "key",
            textKey, "text", body.text().strip());
    }

    /** What the console plays: a flow (the active one when absent) and typed messages. */
    public record ConsoleRequest(String flow, List<String> messages) {
    }

    /** Plays typed messages against a flow without WhatsApp, explaining each match. */
    @POST
    @Path("console")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> console(@Auth Staff staff, ConsoleRequest request) {
        if (request == null || request.messages() == null || request.messages().isEmpty()
            || request.messages().size() > 50) {
            throw invalid(List.of("Envie de 1 a 50 mensagens."));
        }
        return Map.of("steps", console.play(console.flow(request.flow()), request.messages()));
    }

    private FlowStore.Version publish(Flow flow, Staff staff) {
        try {
            return flows.publish(flow, staff.id());
        } catch (FlowJson.InvalidFlow e) {
            throw invalid(e.problems());
        }
    }

    private static Flow read(String body) {
        try {
            return FlowJson.read(body == null ? "" : body);
        } catch (FlowJson.InvalidFlow e) {
            throw invalid(e.problems());
        }
    }

    static AppException invalid(List<String> problems) {
        return new AppException(AppException.UNPROCESSABLE, "invalid_flow", "bot_flow_invalid",
            String.join(" ", problems));
    }

    static AppException notFound(String what) {
        return new AppException(Response.Status.NOT_FOUND, what + "_not_found",
            "bot_" + what + "_not_found");
    }
}
