package com.balcao.app.labels;

/** A coloured tag staff put on conversations ("VIP", "Garantia"…). */
public record Label(long id, String name, String color) {
}
