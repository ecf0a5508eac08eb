package com.balcao.app.appointments;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Bookings. A booking holding its slot has active_slot = starts_at (the unique key). */
@RegisterRecordMapper(AppointmentRow.class)
interface AppointmentDao {
    String COLUMNS = "SELECT a.id, a.calendar_id, c.name AS calendar_name, u.name AS "
        + "professional, a.contact_id, ct.name AS contact_name, ct.phone AS contact_phone, "
        + "a.conversation_id, cv.public_id AS conversation_public_id, a.starts_at, a.ends_at, "
        + "a.status, a.note, a.reminder_sent_at FROM appointments a "
        + "JOIN appointment_calendars c ON c.id = a.calendar_id "
        + "LEFT JOIN users u ON u.id = c.user_id JOIN contacts ct ON ct.id = a.contact_id "
        + "LEFT JOIN conversations cv ON cv.id = a.conversation_id ";
    String FILTER = "WHERE a.starts_at >= :from AND a.starts_at < :until "
        + "AND (:status IS NULL AND a.status IN ('REQUESTED', 'CONFIRMED') "
        + "OR a.status = :status) "
        + "AND a.calendar_id IN (<calendars>) ";

    @SqlUpdate("INSERT INTO appointments (calendar_id, contact_id, conversation_id, starts_at, "
        + "ends_at, status, active_slot, note, created_at, updated_at) VALUES (:calendarId, "
        + ":contactId, :conversationId, :start, :end, 'REQUESTED', :start, :note, :now, :now)")
    @GetGeneratedKeys
    long insert(@Bind("calendarId") long calendarId, @Bind("contactId") long contactId,
                @Bind("conversationId") Long conversationId, @Bind("start") Instant start,
                @Bind("end") Instant end, @Bind("note") String note, @Bind("now") Instant now);

    @SqlQuery(COLUMNS + "WHERE a.id = :id")
    Optional<AppointmentRow> find(@Bind("id") long id);

    @SqlQuery(COLUMNS + FILTER + "ORDER BY a.starts_at, a.id LIMIT :limit OFFSET :offset")
    List<AppointmentRow> list(@Bind("from") Instant from, @Bind("until") Instant until,
                              @Bind("status") String status,
                              @BindList(value = "calendars",
                                  onEmpty = BindList.EmptyHandling.NULL_STRING)
                              Collection<Long> calendars,
                              @Bind("limit") int limit, @Bind("offset") int offset);

    /** Bookings that keep a calendar's slots busy between two instants. */
    @SqlQuery("SELECT starts_at AS start, ends_at AS `end` FROM appointments "
        + "WHERE calendar_id = :id AND active_slot IS NOT NULL AND ends_at > :from "
        + "AND starts_at < :until")
    @RegisterRecordMapper(SlotCalculator.Busy.class)
    List<SlotCalculator.Busy> busy(@Bind("id") long calendarId, @Bind("from") Instant from,
                                   @Bind("until") Instant until);

    @SqlUpdate("UPDATE appointments SET status = :status, active_slot = CASE WHEN :holds "
        + "THEN starts_at END, updated_at = :now WHERE id = :id AND status = :from")
    int move(@Bind("id") long id, @Bind("from") AppointmentStatus from,
             @Bind("status") AppointmentStatus status, @Bind("holds") boolean holdsSlot,
             @Bind("now") Instant now);

    @SqlUpdate("UPDATE appointments SET starts_at = :start, ends_at = :end, active_slot = :start, "
        + "reminder_sent_at = NULL, updated_at = :now WHERE id = :id "
        + "AND status IN ('REQUESTED', 'CONFIRMED')")
    int reschedule(@Bind("id") long id, @Bind("start") Instant start, @Bind("end") Instant end,
                   @Bind("now") Instant now);

    /** Bookings starting in [from, until), made before {@code bookedBefore}, owed a reminder. */
    @SqlQuery(COLUMNS + "WHERE a.starts_at >= :from AND a.starts_at < :until "
        + "AND a.status IN ('REQUESTED', 'CONFIRMED') AND a.reminder_sent_at IS NULL "
        + "AND a.created_at <= :bookedBefore ORDER BY a.starts_at, a.id LIMIT 100")
    List<AppointmentRow> dueReminders(@Bind("from") Instant from, @Bind("until") Instant until,
                                      @Bind("bookedBefore") Instant bookedBefore);

    /** Claims the reminder; 0 when another sweep got it first. */
    @SqlUpdate("UPDATE appointments SET reminder_sent_at = :now WHERE id = :id "
        + "AND reminder_sent_at IS NULL")
    int claimReminder(@Bind("id") long id, @Bind("now") Instant now);
}
