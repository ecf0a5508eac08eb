package com.balcao.app.appointments;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The appointments page: filters, one page of bookings with their actions, paging links. */
final class AppointmentsView extends PageView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final String[] DAYS = {"seg", "ter", "qua", "qui", "sex", "sáb", "dom"};
    private final AppointmentDesk.Listing listing;
    private final AppointmentDesk.Filter filter;

    AppointmentsView(Page page, AppointmentDesk.Listing listing, AppointmentDesk.Filter filter) {
        super("appointments.mustache", page, "appointments_title", "appointments");
        this.listing = listing;
        this.filter = filter;
    }

    /** A booking as a row of the table. */
    public record Item(long id, String when, String who, String contactName, String phone,
                       String conversation, String status, String statusClass, String note,
                       boolean confirmable, boolean active, boolean doable, List<Choice> moves) {
    }

    /** A filter or reschedule choice. */
    public record Choice(String value, String label, boolean selected) {
    }

    public List<Item> getItems() {
        return listing.rows().stream().map(row -> new Item(row.id(), when(row.startsAt()),
            row.who(), row.contactName() == null ? row.contactPhone() : row.contactName(),
            row.contactPhone(), row.conversationPublicId(),
            page().text("appointments_status_" + row.status().name().toLowerCase(Locale.ROOT)),
            row.status().name().toLowerCase(Locale.ROOT), row.note(),
            row.status() == AppointmentStatus.REQUESTED, row.status().holdsSlot(),
            row.status() == AppointmentStatus.CONFIRMED,
            listing.moves().getOrDefault(row.id(), List.of()).stream().map(start ->
                new Choice(String.valueOf(start.getEpochSecond()), when(start), false))
                .toList())).toList();
    }

    public boolean getHasItems() {
        return !listing.rows().isEmpty();
    }

    public boolean getHasCalendars() {
        return !listing.calendars().isEmpty();
    }

    public List<Choice> getStatuses() {
        return java.util.Arrays.stream(AppointmentStatus.values()).map(s -> new Choice(s.name(),
            page().text("appointments_status_" + s.name().toLowerCase(Locale.ROOT)),
            s.name().equalsIgnoreCase(blank(filter.status())))).toList();
    }

    public List<Choice> getCalendars() {
        return listing.calendars().stream().map(c -> new Choice(String.valueOf(c.id()),
            c.name(), String.valueOf(c.id()).equals(blank(filter.calendar())))).toList();
    }

    public String getDay() {
        return blank(filter.day());
    }

    public String getPrevious() {
        return listing.page() > 1 ? link(listing.page() - 1) : null;
    }

    public String getNext() {
        return listing.more() ? link(listing.page() + 1) : null;
    }

    public int getPage() {
        return listing.page();
    }

    private String link(int page) {
        return "/appointments?status=" + enc(filter.status()) + "&calendar="
            + enc(filter.calendar()) + "&day=" + enc(filter.day()) + "&page=" + page;
    }

    private String when(Instant instant) {
        ZonedDateTime at = instant.atZone(Bookings.ZONE);
        return DAYS[at.getDayOfWeek().getValue() - 1] + " " + WHEN.format(at);
    }

    private static String blank(String text) {
        return text == null ? "" : text.strip();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(blank(text), java.nio.charset.StandardCharsets.UTF_8);
    }
}
