package com.balcao.app.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A catalog item as the customer receives it: its picture with the text as caption, or the
 * text alone. The name is bold in WhatsApp; the price follows the description.
 *
 * @param imageLink HTTPS link of the picture, null when the item has none
 */
public record ItemMessage(String text, String imageLink) {
    /** WhatsApp's caption limit; a longer description is cut with an ellipsis. */
    static final int CAPTION_LIMIT = 1024;

    public static ItemMessage of(CatalogItem item) {
        List<String> lines = new ArrayList<>();
        lines.add("*" + item.name().strip() + "*");
        if (item.description() != null && !item.description().isBlank()) {
            lines.add(item.description().strip());
        }
        if (!item.price().isEmpty()) {
            lines.add(item.price());
        }
        String text = String.join("\n", lines);
        if (text.length() > CAPTION_LIMIT) {
            String price = item.price().isEmpty() ? "" : "\n" + item.price();
            text = text.substring(0, CAPTION_LIMIT - price.length() - 1) + "…" + price;
        }
        String link = item.imageLink() == null || item.imageLink().isBlank() ? null
            : item.imageLink().strip();
        return new ItemMessage(text, link);
    }

    public boolean withPicture() {
        return imageLink != null;
    }
}
