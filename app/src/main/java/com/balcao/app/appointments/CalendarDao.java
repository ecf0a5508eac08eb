package com.balcao.app.appointments;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Calendars, their weekly hours and their exceptions. */
@RegisterRecordMapper(CalendarRow.class)
interface CalendarDao {
    String COLUMNS = "SELECT c.id, c.name, c.department_id, d.slug AS department_slug, "
        + "d.name AS department_name, c.user_id, u.name AS professional_name, c.slot_minutes, "
        + "c.active FROM appointment_calendars c JOIN departments d ON d.id = c.department_id "
        + "LEFT JOIN users u ON u.id = c.user_id ";

    @SqlQuery(COLUMNS + "ORDER BY d.name, c.name, c.id")
    List<CalendarRow> all();

    @SqlQuery(COLUMNS + "WHERE c.id = :id")
    Optional<CalendarRow> find(@Bind("id") long id);

    @SqlQuery(COLUMNS + "WHERE d.slug = :slug AND c.active AND d.active ORDER BY c.name, c.id")
    List<CalendarRow> activeOf(@Bind("slug") String departmentSlug);

    @SqlQuery(COLUMNS + "WHERE c.active AND d.active ORDER BY c.name, c.id")
    List<CalendarRow> allActive();

    @SqlUpdate("INSERT INTO appointment_calendars (name, department_id, user_id, slot_minutes, "
        + "active, created_at, updated_at) VALUES (:name, :departmentId, :userId, :slotMinutes, "
        + ":active, :now, :now)")
    @GetGeneratedKeys
    long insert(@Bind("name") String name, @Bind("departmentId") long departmentId,
                @Bind("userId") Long userId, @Bind("slotMinutes") int slotMinutes,
                @Bind("active") boolean active, @Bind("now") Instant now);

    @SqlUpdate("UPDATE appointment_calendars SET name = :name, department_id = :departmentId, "
        + "user_id = :userId, slot_minutes = :slotMinutes, active = :active, updated_at = :now "
        + "WHERE id = :id")
    int update(@Bind("id") long id, @Bind("name") String name,
               @Bind("departmentId") long departmentId, @Bind("userId") Long userId,
               @Bind("slotMinutes") int slotMinutes, @Bind("active") boolean active,
               @Bind("now") Instant now);

    @SqlQuery("SELECT weekday, start_minute, end_minute FROM appointment_hours "
        + "WHERE calendar_id = :id ORDER BY weekday, start_minute")
    @RegisterRecordMapper(HoursRow.class)
    List<HoursRow> hours(@Bind("id") long calendarId);

    @SqlUpdate("DELETE FROM appointment_hours WHERE calendar_id = :id")
    void clearHours(@Bind("id") long calendarId);

    @SqlUpdate("INSERT INTO appointment_hours (calendar_id, weekday, start_minute, end_minute) "
        + "VALUES (:id, :weekday, :start, :end)")
    void addHours(@Bind("id") long calendarId, @Bind("weekday") int weekday,
                  @Bind("start") int startMinute, @Bind("end") int endMinute);

    @SqlQuery("SELECT day, closed, start_minute, end_minute FROM appointment_exceptions "
        + "WHERE calendar_id = :id AND day >= :from ORDER BY day")
    @RegisterRecordMapper(ExceptionRow.class)
    List<ExceptionRow> exceptions(@Bind("id") long calendarId, @Bind("from") LocalDate from);

    @SqlUpdate("DELETE FROM appointment_exceptions WHERE calendar_id = :id AND day = :day")
    int removeException(@Bind("id") long calendarId, @Bind("day") LocalDate day);

    @SqlUpdate("INSERT INTO appointment_exceptions (calendar_id, day, closed, start_minute, "
        + "end_minute) VALUES (:id, :day, :closed, :start, :end) ON DUPLICATE KEY UPDATE "
        + "closed = VALUES(closed), start_minute = VALUES(start_minute), "
        + "end_minute = VALUES(end_minute)")
    void putException(@Bind("id") long calendarId, @Bind("day") LocalDate day,
                      @Bind("closed") boolean closed, @Bind("start") Integer startMinute,
                      @Bind("end") Integer endMinute);

    /** A weekly opening window as stored (ISO weekday, 1 = Monday). */
    record HoursRow(int weekday, int startMinute, int endMinute) {
    }

    /** A day off or with other hours, as stored. */
    record ExceptionRow(LocalDate day, boolean closed, Integer startMinute, Integer endMinute) {
    }
}
