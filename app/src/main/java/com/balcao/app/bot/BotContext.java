package com.balcao.app.bot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine knows about the conversation besides the flow: the contact, the business,
 * the tenant's departments and catalog, who served this contact last, and when they were
 * last greeted.
 */
public record BotContext(String contactName, String businessName, String businessHours,
                         List<DepartmentChoice> departments, List<CatalogChoice> catalog,
                         Returning returning, Instant greetedAt, Map<String, String> fields) {

    public BotContext {
        departments = departments == null ? List.of() : List.copyOf(departments);
        catalog = catalog == null ? List.of() : List.copyOf(catalog);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** A department the menu offers, with the menu keywords kept on it. */
    public record DepartmentChoice(String slug, String name, List<String> keywords) {
    }

    /** A catalog item a menu may list. */
    public record CatalogChoice(String id, String name, String description, String price,
                                String category) {
    }

    /** The department (and person, when online now) that served the contact last. */
    public record Returning(String departmentSlug, String departmentName, Long personId,
                            String personName) {
    }
}
