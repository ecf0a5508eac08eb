package com.balcao.app.supervision;

import com.balcao.app.realtime.PresenceState;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Queues per department and who is online holding how many conversations. */
final class SupervisionView extends PageView {
    private final List<QueueRow> queues;
    private final List<PersonRow> people;

    /** A department's queue, formatted, with the inbox view that lists it. */
    record QueueRow(long departmentId, String department, int waiting, String longestWait) {
        public String href() {
            return "/inbox?tab=queue&department=" + departmentId;
        }
    }

    /** A person's presence and load, formatted, with the inbox view of what they hold. */
    record PersonRow(long id, String name, String role, String presence, String presenceClass,
                     int holding, int maxConcurrent) {
        public String href() {
            return "/inbox?tab=all&person=" + id;
        }
    }

    SupervisionView(Page page, String template, List<SupervisionDao.Queue> queues,
                    List<SupervisionDao.Load> loads, Map<Long, PresenceState> presence,
                    Clock clock) {
        super(template, page, "supervision_title", "supervision");
        this.queues = queues.stream().map(queue -> new QueueRow(queue.departmentId(), queue.department(),
            queue.waiting(), queue.oldestWaitingSince() == null ? "—"
                : wait(Duration.between(queue.oldestWaitingSince(), clock.instant())))).toList();
        this.people = loads.stream().map(load -> {
            PresenceState state = presence.getOrDefault(load.userId(), PresenceState.OFFLINE);
            return new PersonRow(load.userId(), load.name(),
                page.text("role_" + load.role().toLowerCase()),
                page.text("presence_" + state.name().toLowerCase()),
                state.name().toLowerCase(), load.holding(), load.maxConcurrent());
        }).toList();
    }

    private static String wait(Duration waited) {
        long minutes = Math.max(0, waited.toMinutes());
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    public List<QueueRow> getQueues() {
        return queues;
    }

    public List<PersonRow> getPeople() {
        return people;
    }
}
