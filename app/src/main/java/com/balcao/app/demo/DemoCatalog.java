package com.balcao.app.demo;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo shop's products and services, so the composer's 🛍️ Catálogo and the bot's catalog
 * menus have something to offer. Added only when the catalog is empty.
 */
final class DemoCatalog {
    private record Item(String id, String name, String description, long cents, String category) {
    }

    private static final List<Item> ITEMS = List.of(
        new Item("demo-tela-13", "Troca de tela iPhone 13", "Tela original, instalada em 1 hora, "
            + "garantia de 90 dias", 104990, "Serviços"),
        new Item("demo-bateria-11", "Bateria iPhone 11", "Troca com bateria nova e teste de saúde",
            34900, "Serviços"),
        new Item("demo-capinha", "Capinha MagSafe", "Silicone, várias cores", 14990, "Acessórios"),
        new Item("demo-pelicula", "Película de vidro", "Aplicação grátis na loja", 4900,
            "Acessórios"));

    private DemoCatalog() {
    }

    static void seed(Jdbi jdbi) {
        Instant now = Instant.now();
        jdbi.useTransaction(handle -> {
            if (handle.createQuery("SELECT COUNT(*) FROM catalog_items").mapTo(Long.class).one()
                > 0) {
                return;
            }
            int position = 0;
            for (Item item : ITEMS) {
                handle.createUpdate("INSERT INTO catalog_items (public_id, name, description, "
                        + "price_cents, category, active, position, created_at, updated_at) "
                        + "VALUES (:id, :name, :description, :cents, :category, TRUE, :position, "
                        + ":now, :now)")
                    .bind("id", item.id()).bind("name", item.name())
                    .bind("description", item.description()).bind("cents", item.cents())
                    .bind("category", item.category()).bind("position", position++)
                    .bind("now", now).execute();
            }
        });
        System.out.println("Demo catalog ready");
    }
}
