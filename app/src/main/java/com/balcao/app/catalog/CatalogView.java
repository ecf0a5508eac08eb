package com.balcao.app.catalog;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/** The catalog page: the items, an add form (kept as typed when refused) and its problems. */
final class CatalogView extends PageView {
    private final List<CatalogItem> items;
    private final List<String> problems;
    private final CatalogPanelResource.Form typed;

    CatalogView(Page page, List<CatalogItem> items, List<String> problems,
                CatalogPanelResource.Form typed) {
        super("catalog.mustache", page, "catalog_title", "catalog");
        this.items = items;
        this.problems = problems == null ? List.of() : problems;
        this.typed = typed;
    }

    public List<CatalogItem> getItems() {
        return items;
    }

    public boolean getHasItems() {
        return !items.isEmpty();
    }

    public List<String> getProblems() {
        return problems;
    }

    public String getTypedName() {
        return typed == null ? "" : typed.name;
    }

    public String getTypedDescription() {
        return typed == null ? "" : typed.description;
    }

    public String getTypedPrice() {
        return typed == null ? "" : typed.price;
    }

    public String getTypedStock() {
        return typed == null ? "" : typed.stock;
    }
}
