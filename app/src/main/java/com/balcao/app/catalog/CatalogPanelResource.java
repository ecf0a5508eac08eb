package com.balcao.app.catalog;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Tokens;
import com.balcao.app.web.AppException;
import com.balcao.app.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Admins keep the catalog the flows offer (products and services, price in reais, stock,
 * picture link) on a page, without touching the API. Same rules as {@link CatalogApi}.
 */
@Path("/admin/catalog")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class CatalogPanelResource {
    private static final URI LIST = URI.create("/admin/catalog");
    private final CatalogDao catalog;
    private final Clock clock;

    CatalogPanelResource(CatalogDao catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The item form as posted. */
    public static final class Form {
        @FormParam("name")
        String name;
        @FormParam("description")
        String description;
        @FormParam("price")
        String price;
        @FormParam("category")
        String category;
        @FormParam("image")
        String image;
        @FormParam("stock")
        String stock;
        @FormParam("active")
        String active;

        CatalogItem item(String publicId) {
            Long cents;
            Integer units;
            try {
                cents = Prices.cents(price).orElse(null);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw AppException.unprocessable("invalid_catalog_item", "catalog_price_invalid");
            }
            try {
                units = stock == null || stock.isBlank() ? null : Integer.valueOf(stock.strip());
            } catch (NumberFormatException e) {
                throw AppException.unprocessable("invalid_catalog_item", "catalog_stock_invalid");
            }
            return CatalogApi.checked(publicId, new CatalogApi.Item(publicId, name, description,
                cents, null, category, image, units, active != null, null));
        }
    }

    @GET
    public CatalogView list(@Context Page page) {
        return new CatalogView(page, catalog.all(), null, null);
    }

    @POST
    public Response create(@Context Page page, @BeanParam Form form) {
        try {
            catalog.insert(form.item(Tokens.random(16)), clock.instant());
        } catch (AppException e) {
            return refused(page, form, e);
        }
        page.flash("catalog_saved");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}")
    public Response update(@Context Page page, @PathParam("id") String id,
                           @BeanParam Form form) {
        catalog.find(id).orElseThrow(NotFoundException::new);
        try {
            catalog.update(form.item(id), clock.instant());
        } catch (AppException e) {
            return refused(page, form, e);
        }
        page.flash("catalog_saved");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@Context Page page, @PathParam("id") String id) {
        if (catalog.delete(id) == 0) {
            throw new NotFoundException();
        }
        page.flash("catalog_deleted");
        return Response.seeOther(LIST).build();
    }

    private Response refused(Page page, Form form, AppException e) {
        return Response.status(e.status()).entity(new CatalogView(page, catalog.all(),
            List.of(e.message(page.messages())), form)).build();
    }
}
