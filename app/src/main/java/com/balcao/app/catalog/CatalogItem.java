package com.balcao.app.catalog;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** A product or service: price in centavos (BRL), stock counted when not null. */
public record CatalogItem(long id, String publicId, String name, String description,
                          Long priceCents, String category, String imageLink, Integer stock,
                          boolean active, int position) {

    /** "R$ 4.999,00", or empty when the item has no price. */
    public String price() {
        if (priceCents == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("pt-BR"));
        return format.format(BigDecimal.valueOf(priceCents, 2)).replace('\u00a0', ' ');
    }
}
