package com.balcao.app.simulator;

import com.balcao.app.whatsapp.WhatsApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * A fake Graph API for the demo and the tests: the endpoints the app calls, answering the way
 * Meta documents (CLOUD-API.md §5-6). Every call needs the access token configured for the
 * number, as Meta's do.
 */
@Path("/simulator/api/graph")
@Produces(MediaType.APPLICATION_JSON)
public final class SimulatorGraphResource {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final FakeGraph graph;
    private final TemplateReview review;
    private final WhatsApp whatsApp;

    SimulatorGraphResource(FakeGraph graph, TemplateReview review, WhatsApp whatsApp) {
        this.graph = graph;
        this.review = review;
        this.whatsApp = whatsApp;
    }

    /** Sends a message or a read receipt. */
    @POST
    @Path("{version}/{phoneNumberId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response messages(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @PathParam("phoneNumberId") String phoneNumberId, JsonNode body) {
        if (!authorized(authorization, phoneNumberId)) {
            return answer(FakeGraph.error(401, 190));
        }
        return answer(graph.message(phoneNumberId, body == null ? JSON.objectNode() : body));
    }

    /** Uploads a media file; answers its id. */
    @POST
    @Path("{version}/{phoneNumberId}/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("phoneNumberId") String phoneNumberId,
                           @FormDataParam("file") FormDataBodyPart file) throws IOException {
        if (!authorized(authorization, phoneNumberId)) {
            return answer(FakeGraph.error(401, 190));
        }
        if (file == null) {
            return answer(FakeGraph.error(400, 131053));
        }
        try (InputStream in = file.getValueAs(InputStream.class)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                graph.maxMediaBytes() + 1));
            if (bytes.length > graph.maxMediaBytes()) {
                return answer(FakeGraph.error(413, 131052));
            }
            String id = graph.storeMedia(bytes, file.getMediaType().toString());
            return Response.ok(JSON.objectNode().put("id", id)).build();
        }
    }

    /** A media file's download URL, or a phone number's profile. */
    @GET
    @Path("{version}/{id}")
    public Response node(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("id") String id, @Context UriInfo uri) {
        if (!authorized(authorization, null)) {
            return answer(FakeGraph.error(401, 190));
        }
        return graph.media(id).map(media -> Response.ok(JSON.objectNode()
                .put("messaging_product", "whatsapp").put("id", id)
                .put("url", uri.getBaseUri() + "simulator/api/graph/files/" + id)
                .put("mime_type", media.mimeType()).put("sha256", media.sha256())
                .put("file_size", media.bytes().length)).build())
            .orElseGet(() -> Response.ok(profile(id)).build());
    }

    /** A media file's bytes (the short-lived URL Meta hands out; the token is required). */
    @GET
    @Path("files/{id}")
    @Produces(MediaType.WILDCARD)
    public Response file(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("id") String id) {
        if (!authorized(authorization, null)) {
            return Response.status(401).build();
        }
        return graph.media(id).map(media -> Response.ok(media.bytes())
            .type(media.mimeType()).build()).orElse(Response.status(404).build());
    }

    /** The WABA's templates, in one page. */
    @GET
    @Path("{version}/{wabaId}/message_templates")
    public Response templates(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("wabaId") String wabaId) {
        if (!authorized(authorization, null)) {
            return answer(FakeGraph.error(401, 190));
        }
        ObjectNode page = JSON.objectNode();
        page.set("data", graph.templates(wabaId).deepCopy());
        page.putObject("paging").putObject("cursors");
        return Response.ok(page).build();
    }

    /** Submits a template: PENDING now, APPROVED by webhook a moment later. */
    @POST
    @Path("{version}/{wabaId}/message_templates")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createTemplate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @PathParam("wabaId") String wabaId, JsonNode body) {
        if (!authorized(authorization, null)) {
            return answer(FakeGraph.error(401, 190));
        }
        if (body == null || !body.hasNonNull("name") || !body.hasNonNull("language")) {
            return answer(FakeGraph.error(400, 100));
        }
        String id = review.submit(wabaId, (ObjectNode) body.deepCopy());
        return Response.ok(JSON.objectNode().put("id", id).put("status", "PENDING")
            .put("category", body.path("category").asText("UTILITY"))).build();
    }

    private ObjectNode profile(String id) {
        WhatsApp.NumberInfo number = whatsApp.numbers().stream()
            .filter(n -> n.phoneNumberId().equals(id)).findFirst()
            .orElse(new WhatsApp.NumberInfo(id, "", "Simulator", null));
        ObjectNode profile = JSON.objectNode().put("id", id)
            .put("display_phone_number", number.displayPhoneNumber())
            .put("verified_name", number.label()).put("quality_rating", "GREEN");
        profile.putObject("throughput").put("level", "STANDARD");
        return profile;
    }

    /** The configured access token of the number (or of any number), as Meta checks it. */
    private boolean authorized(String authorization, String phoneNumberId) {
        return authorization != null && authorization.startsWith("Bearer ")
            && whatsApp.isAccessToken(phoneNumberId, authorization.substring(7).trim());
    }

    private static Response answer(FakeGraph.Answer answer) {
        return answer.body() == null ? Response.status(answer.status())
            .type(MediaType.TEXT_PLAIN).entity("Service Unavailable").build()
            : Response.status(answer.status()).entity(answer.body()).build();
    }
}
