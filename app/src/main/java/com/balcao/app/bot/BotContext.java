package com.balcao.app.bot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the engine knows about the conversation besides the flow: the contact, the business,
 * the tenant's departments and catalog, who served this contact last, when they were last
 * greeted, and a department's free appointment slots. What needs the database is read only
 * when the step asks for it, and once: most answers need none of it.
 */
public final class BotContext {
    private final String contactName;
    private final String businessName;
    private final String businessHours;
    private final Lazy<List<DepartmentChoice>> departments;
    private final Lazy<List<CatalogChoice>> catalog;
    private final Lazy<Returning> returning;
    private final Lazy<Instant> greetedAt;
    private final Map<String, String> fields;
    private final Slots slots;

    /** A context whose tenant data is read on first use. */
    public static BotContext lazy(String contactName, String businessName,
                                  Supplier<List<DepartmentChoice>> departments,
                                  Supplier<List<CatalogChoice>> catalog,
                                  Supplier<Returning> returning, Supplier<Instant> greetedAt,
                                  Slots slots) {
        return new BotContext(contactName, businessName, null, new Lazy<>(departments),
            new Lazy<>(catalog), new Lazy<>(returning), new Lazy<>(greetedAt), null, slots);
    }

    public BotContext(String contactName, String businessName, String businessHours,
                      List<DepartmentChoice> departments, List<CatalogChoice> catalog,
                      Returning returning, Instant greetedAt, Map<String, String> fields,
                      Slots slots) {
        this(contactName, businessName, businessHours,
            Lazy.of(departments == null ? List.of() : List.copyOf(departments)),
            Lazy.of(catalog == null ? List.of() : List.copyOf(catalog)), Lazy.of(returning),
            Lazy.of(greetedAt), fields, slots);
    }

    /** A context without appointment slots. */
    public BotContext(String contactName, String businessName, String businessHours,
                      List<DepartmentChoice> departments, List<CatalogChoice> catalog,
                      Returning returning, Instant greetedAt, Map<String, String> fields) {
        this(contactName, businessName, businessHours, departments, catalog, returning,
            greetedAt, fields, Slots.NONE);
    }

    private BotContext(String contactName, String businessName, String businessHours,
                       Lazy<List<DepartmentChoice>> departments, Lazy<List<CatalogChoice>> catalog,
                       Lazy<Returning> returning, Lazy<Instant> greetedAt,
                       Map<String, String> fields, Slots slots) {
        this.contactName = contactName;
        this.businessName = businessName;
        this.businessHours = businessHours;
        this.departments = departments;
        this.catalog = catalog;
        this.returning = returning;
        this.greetedAt = greetedAt;
        this.fields = fields == null ? Map.of() : Map.copyOf(fields);
        this.slots = slots == null ? Slots.NONE : slots;
    }

    public String contactName() {
        return contactName;
    }

    public String businessName() {
        return businessName;
    }

    public String businessHours() {
        return businessHours;
    }

    public List<DepartmentChoice> departments() {
        List<DepartmentChoice> value = departments.get();
        return value == null ? List.of() : value;
    }

    public List<CatalogChoice> catalog() {
        List<CatalogChoice> value = catalog.get();
        return value == null ? List.of() : value;
    }

    public Returning returning() {
        return returning.get();
    }

    public Instant greetedAt() {
        return greetedAt.get();
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Slots slots() {
        return slots;
    }

    /** Read once, on first use (a step runs on one thread). */
    private static final class Lazy<T> {
        private Supplier<T> source;
        private T value;

        Lazy(Supplier<T> source) {
            this.source = source;
        }

        static <T> Lazy<T> of(T value) {
            Lazy<T> known = new Lazy<>(null);
            known.value = value;
            return known;
        }

        T get() {
            if (source != null) {
                value = source.get();
                source = null;
            }
            return value;
        }
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
