package com.balcao.app.catalog;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.auth.Tokens;
import com.balcao.app.web.AppException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The catalog flows list (products and services), for admins and integrations. */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public final class CatalogApi {
    private final Jdbi jdbi;
    private final Clock clock;

    CatalogApi(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** An item as the API reads and writes it (price in centavos). */
    public record Item(String id, String name, String description, Long priceCents,
                       String price, String category, String imageLink, Integer stock,
                       Boolean active, Integer position) {
        static Item of(CatalogItem item) {
            return new Item(item.publicId(), item.name(), item.description(), item.priceCents(),
                item.price(), item.category(), item.imageLink(), item.stock(), item.active(),
                item.position());
        }
    }

    @GET
    public Map<String, List<Item>> list(@Auth Staff staff) {
        return Map.of("items", jdbi.onDemand(CatalogDao.class).all().stream().map(Item::of)
            .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Staff staff, Item body) {
        CatalogItem item = checked(Tokens.random(16), body);
        jdbi.onDemand(CatalogDao.class).insert(item, clock.instant());
        return Response.status(Response.Status.CREATED).entity(Item.of(item)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Item update(@Auth Staff staff, @PathParam("id") String id, Item body) {
        CatalogItem item = checked(id, body);
        if (jdbi.onDemand(CatalogDao.class).update(item, clock.instant()) == 0) {
            throw AppException.notFound("catalog_item_not_found", "bot_catalog_item_not_found");
        }
        return Item.of(item);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Auth Staff staff, @PathParam("id") String id) {
        if (jdbi.onDemand(CatalogDao.class).delete(id) == 0) {
            throw AppException.notFound("catalog_item_not_found", "bot_catalog_item_not_found");
        }
        return Response.noContent().build();
    }

    /** WhatsApp's list rows limit titles to 24 characters: a name must fit one. */
    static final int NAME_LIMIT = 24;

    /** WhatsApp's list rows limit titles to 24 and descriptions to 72 characters. */
    static CatalogItem checked(String publicId, Item body) {
        List<String> problems = new ArrayList<>();
        if (body == null || body.name() == null || body.name().isBlank()
            || body.name().strip().length() > NAME_LIMIT) {
            problems.add("nome de 1 a 24 caracteres");
        }
        if (body != null && body.description() != null && body.description().length() > 500) {
            problems.add("descrição até 500 caracteres");
        }
        if (body != null && body.priceCents() != null && body.priceCents() < 0) {
            problems.add("preço não negativo");
        }
        if (body != null && body.stock() != null && body.stock() < 0) {
            problems.add("estoque não negativo");
        }
        if (body != null && body.imageLink() != null && !body.imageLink().isBlank()
            && !body.imageLink().startsWith("https://")) {
            problems.add("imagem com link https://");
        }
        if (!problems.isEmpty()) {
            throw new AppException(AppException.UNPROCESSABLE, "invalid_catalog_item",
                "bot_catalog_invalid", String.join(", ", problems));
        }
        return new CatalogItem(0, publicId, body.name().strip(), blank(body.description()),
            body.priceCents(), blank(body.category()), blank(body.imageLink()), body.stock(),
            body.active() == null || body.active(), body.position() == null ? 0 : body.position());
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
