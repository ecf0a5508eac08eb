package com.balcao.app.whatsapp;

import com.balcao.app.web.AppException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** Meta's webhook: the verification handshake and the signed event deliveries. */
@Path("/webhooks/whatsapp")
public final class WebhookResource {
    private static final int MAX_CHALLENGE = 512;
    private final WebhookIngest ingest;

    WebhookResource(WebhookIngest ingest) {
        this.ingest = ingest;
    }

    /** The handshake: echoes {@code hub.challenge} when the verify token is one of ours. */
    @GET
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public String verify(@QueryParam("hub.mode") String mode,
                         @QueryParam("hub.verify_token") String token,
                         @QueryParam("hub.challenge") String challenge) {
        if (challenge == null || challenge.length() > MAX_CHALLENGE
            || !ingest.verifies(mode, token)) {
            throw new AppException(Response.Status.FORBIDDEN, "verification_failed",
                "wa_webhook_verification_failed");
        }
        return challenge;
    }

    /**
     * A delivery: 200 once the raw body is durably stored; 401 for a bad signature, 413 over
     * the size limit, 503 when the database cannot take it (Meta then retries).
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam(WebhookSignature.HEADER) String signature,
                            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                            InputStream body) {
        ingest.accept(body, contentLength, signature);
        return Response.ok().build();
    }
}
