package com.balcao.app.catalog;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The tenant's products and services: kept by admins in the panel and the REST API, offered by
 * the bot's flows and sent by agents from the composer.
 */
public final class Catalog {
    private Catalog() {
    }

    public static CatalogDao register(Environment environment, Jdbi jdbi, Clock clock) {
        CatalogDao items = jdbi.onDemand(CatalogDao.class);
        environment.jersey().register(new CatalogApi(jdbi, clock));
        environment.jersey().register(new CatalogPanelResource(items, clock));
        return items;
    }
}
