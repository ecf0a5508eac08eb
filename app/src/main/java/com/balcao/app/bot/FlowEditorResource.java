package com.balcao.app.bot;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * The no-code flow editor: a form over a flow's texts, settings and states; saving publishes
 * a new version (conversations in progress finish on theirs). JSON export and import stay for
 * those who prefer it.
 */
@Path("/admin/bot")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class FlowEditorResource {
    private final FlowEditor editor;

    FlowEditorResource(FlowEditor editor) {
        this.editor = editor;
    }

    @GET
    @Path("flows/{key}")
    public FlowEditorView edit(@Context Page page, @PathParam("key") String key) {
        FlowEditor.Opened opened = open(key, null);
        return new FlowEditorView(page, opened, FlowForm.of(opened.flow()), Map.of(), List.of());
    }

    /**
     * Saves (publishes a new version) or changes the form's shape (adds or removes a state or
     * an option, shown again without publishing), as the button pressed says.
     */
    @POST
    @Path("flows/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@Context Page page, @Auth Staff me, @PathParam("key") String key,
                         Form posted) {
        FlowEditor.Opened opened = open(key, number(posted.asMap().getFirst("base")));
        FlowForm form = FlowForm.parse(posted.asMap());
        String action = posted.asMap().getFirst("_action");
        if (action != null && !action.isBlank() && !"save".equals(action)) {
            FormShape.apply(form, action);
            return Response.ok(new FlowEditorView(page, opened, form, Map.of(), List.of()))
                .build();
        }
        FlowFormCheck.Result result = FlowFormCheck.check(form, opened.flow());
        if (!result.ok()) {
            return Response.status(422).entity(new FlowEditorView(page, opened, form,
                result.fields(), result.problems())).build();
        }
        editor.store().publish(result.flow(), me.id());
        page.flash("bot_flow_published");
        return Response.seeOther(URI.create("/admin/bot/flows/" + key)).build();
    }

    /**
     * The live preview of one text as WhatsApp shows it (an htmx fragment), with the flow's
     * stored answers among the sample values.
     */
    @POST
    @Path("flows/{key}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public BubbleView preview(@PathParam("key") String key, Form posted) {
        String text = posted.asMap().entrySet().stream()
            .filter(e -> e.getKey().startsWith("text.") || e.getKey().equals("newTextValue"))
            .map(e -> e.getValue().isEmpty() ? "" : e.getValue().get(0)).findFirst().orElse("");
        return new BubbleView(List.of(open(key, null).preview().text(text)));
    }

    /** The live preview of one state's messages, from the whole form as typed. */
    @POST
    @Path("flows/{key}/preview/{state}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public BubbleView statePreview(@Context Page page, @PathParam("key") String key,
                                   @PathParam("state") int state, Form posted) {
        FlowEditor.Opened opened = open(key, number(posted.asMap().getFirst("base")));
        return new BubbleView(new EditorCards(FlowForm.parse(posted.asMap()), opened.flow(),
            Map.of(), opened, page.messages()).previews(state));
    }

    /** The flow's version as a JSON file. */
    @GET
    @Path("flows/{key}/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("key") String key) {
        FlowEditor.Opened opened = open(key, null);
        return Response.ok(FlowJson.pretty(opened.flow()), MediaType.APPLICATION_JSON_TYPE)
            .header("Content-Disposition", "attachment; filename=\"" + key
                + (opened.version() == null ? "" : "-v" + opened.version()) + ".json\"")
            .build();
    }

    /** Publishes an uploaded JSON file as the flow's next version. */
    @POST
    @Path("flows/{key}/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importJson(@Context Page page, @Auth Staff me,
                               @PathParam("key") String key,
                               @FormDataParam("file") InputStream file) throws IOException {
        FlowEditor.Opened opened = open(key, null);
        try {
            Flow flow = readUpload(file);
            if (flow.key() != null && !flow.key().equals(key)) {
                throw new FlowJson.InvalidFlow(List.of("O arquivo é do fluxo \"" + flow.key()
                    + "\", não deste (\"" + key + "\")."));
            }
            editor.store().publish(new Flow(key, flow.name(), flow.start(),
                flow.defaultDepartment(), flow.returning(), flow.settings(), flow.texts(),
                flow.triggers(), flow.states()), me.id());
        } catch (FlowJson.InvalidFlow e) {
            return Response.status(422).entity(new FlowEditorView(page, opened,
                FlowForm.of(opened.flow()), Map.of(), e.problems())).build();
        }
        page.flash("bot_flow_imported");
        return Response.seeOther(URI.create("/admin/bot/flows/" + key)).build();
    }

    private static Flow readUpload(InputStream file) throws IOException {
        try {
            return FlowJson.read(file == null ? ""
                : new String(file.readAllBytes(), StandardCharsets.UTF_8));
        } catch (FlowJson.InvalidFlow e) {
            throw new FlowJson.InvalidFlow(List.of("O arquivo não é um fluxo em JSON válido ("
                + String.join("; ", e.problems()) + ")."));
        }
    }

    private FlowEditor.Opened open(String key, Integer version) {
        return editor.open(key, version).orElseThrow(NotFoundException::new);
    }

    private static Integer number(String typed) {
        return typed != null && typed.matches("\\d{1,6}") ? Integer.valueOf(typed) : null;
    }
}
