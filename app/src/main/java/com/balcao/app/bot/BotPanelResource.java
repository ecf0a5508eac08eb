package com.balcao.app.bot;

import com.balcao.app.auth.Role;
import com.balcao.app.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot in the panel: the tenant's flows (and the shipped ones it may start from), which
 * one runs, and a test console that plays a flow against typed messages without WhatsApp.
 */
@Path("/admin/bot")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class BotPanelResource {
    private static final URI LIST = URI.create("/admin/bot");
    private static final int MAX_MESSAGES = 50;
    private final FlowEditor editor;
    private final BotConsole console;

    BotPanelResource(FlowEditor editor, BotConsole console) {
        this.editor = editor;
        this.console = console;
    }

    @GET
    public FlowsView flows(@Context Page page) {
        FlowStore store = editor.store();
        List<FlowsView.Row> rows = new ArrayList<>();
        store.flows().forEach(row -> rows.add(new FlowsView.Row(row.flowKey(), row.name(),
            row.active(), row.publishedVersion(), store.versions(row.flowKey()).stream()
                .findFirst().map(v -> page.formatTime(v.createdAt())).orElse(""), true)));
        FlowJson.SHIPPED.stream().filter(key -> rows.stream().noneMatch(r -> r.key()
            .equals(key))).forEach(key -> rows.add(new FlowsView.Row(key,
                FlowJson.shipped(key).name(), false, 0, "", false)));
        return new FlowsView(page, rows);
    }

    /** Makes the flow the one new conversations start on (installing a shipped one first). */
    @POST
    @Path("flows/{key}/activate")
    public Response activate(@Context Page page, @PathParam("key") String key) {
        FlowStore store = editor.store();
        if (store.published(key).isEmpty()) {
            if (!FlowJson.SHIPPED.contains(key)) {
                throw new NotFoundException();
            }
            store.install(key, false);
        }
        store.activate(key);
        page.flash("bot_flow_activated");
        return Response.seeOther(LIST).build();
    }

    /** Turns the bot off: new conversations go straight to the queue. */
    @POST
    @Path("deactivate")
    public Response deactivate(@Context Page page) {
        editor.store().deactivate();
        page.flash("bot_flow_deactivated");
        return Response.seeOther(LIST).build();
    }

    @GET
    @Path("console")
    public ConsoleView console(@Context Page page, @QueryParam("flow") String flow) {
        return play(page, flow, List.of());
    }

    /** Plays the messages typed so far plus the new one, from the start of the flow. */
    @POST
    @Path("console")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ConsoleView type(@Context Page page, Form posted) {
        List<String> messages = new ArrayList<>(posted.asMap().getOrDefault("typed", List.of()));
        String message = posted.asMap().getFirst("message");
        if (message != null && !message.isBlank() && messages.size() < MAX_MESSAGES) {
            messages.add(message.strip());
        }
        return play(page, posted.asMap().getFirst("flow"), messages);
    }

    private ConsoleView play(Page page, String key, List<String> messages) {
        List<ConsoleView.Choice> flows = new ArrayList<>();
        String active = editor.store().active().map(v -> v.flow().key()).orElse(null);
        String chosen = key == null || key.isBlank() ? active : key;
        editor.store().flows().forEach(row -> flows.add(new ConsoleView.Choice(row.flowKey(),
            row.name() + (row.active() ? " (ativo)" : ""), row.flowKey().equals(chosen))));
        FlowJson.SHIPPED.stream().filter(k -> flows.stream().noneMatch(c -> c.value()
            .equals(k))).forEach(k -> flows.add(new ConsoleView.Choice(k,
                FlowJson.shipped(k).name() + " (modelo)", k.equals(chosen))));
        if (chosen == null) {
            return new ConsoleView(page, flows, null, messages, List.of(), null);
        }
        Flow flow;
        try {
            flow = console.flow(chosen);
        } catch (RuntimeException e) {
            throw new NotFoundException();
        }
        List<BotConsole.Played> played = messages.isEmpty() ? List.of()
            : console.run(flow, messages);
        return new ConsoleView(page, flows, chosen, messages, played,
            editor.describe(editor.context()));
    }
}
