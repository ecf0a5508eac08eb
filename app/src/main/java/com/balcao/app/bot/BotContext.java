package com.balcao.app.bot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine knows about the conversation besides the flow: the contact, the business,
 * the tenant's departments and catalog, who served this contact last, when they were last
 * greeted, and a department's free appointment slots (looked up only when a flow offers them).
 */
public record BotContext(String contactName, String businessName, String businessHours,
                         List<DepartmentChoice> departments, List<CatalogChoice> catalog,
                         Returning returning, Instant greetedAt, Map<String, String> fields,
                         Slots slots) {

    public BotContext {
        departments = departments == null ? List.of() : List.copyOf(departments);
        catalog = catalog == null ? List.of() : List.copyOf(catalog);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        slots = slots == null ? Slots.NONE : slots;
    }

    /** A context without appointment slots. */
    public BotContext(String contactName, String businessName, String businessHours,
                      List<DepartmentChoice> departments, List<CatalogChoice> catalog,
                      Returning returning, Instant greetedAt, Map<String, String> fields) {
        this(contactName, businessName, businessHours, departments, catalog, returning,
            greetedAt, fields, Slots.NONE);
    }

    /** A department's next free slots, earliest first. */
    @FunctionalInterface
    public interface Slots {
        Slots NONE = (department, count) -> List.of();

        List<BotAppointments.FreeSlot> next(String department, int count);
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
