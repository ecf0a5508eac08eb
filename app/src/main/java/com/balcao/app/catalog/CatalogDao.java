package com.balcao.app.catalog;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The tenant's products and services. */
@RegisterRecordMapper(CatalogItem.class)
public interface CatalogDao {
    String COLUMNS = "SELECT id, public_id, name, description, price_cents, category, image_link, "
        + "stock, active, position FROM catalog_items ";

    @SqlQuery(COLUMNS + "ORDER BY position, name, id")
    List<CatalogItem> all();

    /** What flows may offer: active and, when stock is counted, in stock. */
    @SqlQuery(COLUMNS + "WHERE active AND (stock IS NULL OR stock > 0) ORDER BY position, name, id")
    List<CatalogItem> offered();

    @SqlQuery(COLUMNS + "WHERE public_id = :publicId")
    Optional<CatalogItem> find(@Bind("publicId") String publicId);

    @SqlUpdate("INSERT INTO catalog_items (public_id, name, description, price_cents, category, "
        + "image_link, stock, active, position, created_at, updated_at) VALUES (:publicId, "
        + ":name, :description, :priceCents, :category, :imageLink, :stock, :active, :position, "
        + ":now, :now)")
    @GetGeneratedKeys
    long insert(@BindMethods CatalogItem item, @Bind("now") Instant now);

    @SqlUpdate("UPDATE catalog_items SET name = :name, description = :description, "
        + "price_cents = :priceCents, category = :category, image_link = :imageLink, "
        + "stock = :stock, active = :active, position = :position, updated_at = :now "
        + "WHERE public_id = :publicId")
    int update(@BindMethods CatalogItem item, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM catalog_items WHERE public_id = :publicId")
    int delete(@Bind("publicId") String publicId);
}
