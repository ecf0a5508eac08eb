package com.balcao.app.inbox;

import com.balcao.app.auth.Tokens;
import com.balcao.app.catalog.CatalogItem;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/**
 * The composer's catalog: items on sale matching what was typed, each with its own send key so
 * a double click sends it once.
 */
final class CatalogPickerView extends PageView {
    private final List<Row> items;
    private final boolean searched;

    CatalogPickerView(Page page, String chatId, List<CatalogItem> items, boolean searched) {
        super("catalog-picker.mustache", page, "inbox_title", "inbox");
        this.items = items.stream().map(item -> new Row(chatId, item.publicId(), item.name(),
            item.price(), item.description(), item.imageLink() != null, Tokens.random(16)))
            .toList();
        this.searched = searched;
    }

    /** One item as the picker lists it. */
    record Row(String chatId, String publicId, String name, String price, String description,
               boolean picture, String key) {
    }

    public List<Row> getItems() {
        return items;
    }

    public boolean getSearched() {
        return searched;
    }
}
