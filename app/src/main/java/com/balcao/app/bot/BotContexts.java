package com.balcao.app.bot;

import com.balcao.app.catalog.CatalogDao;
import com.balcao.app.catalog.CatalogItem;

import com.balcao.app.config.Daos;
import com.balcao.app.conversations.BotBridge;
import com.balcao.app.conversations.ConversationDao;
import com.balcao.app.departments.Department;
import com.balcao.app.departments.DepartmentDao;
import com.balcao.app.realtime.Presence;
import com.balcao.app.realtime.PresenceState;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Builds what the engine knows about a conversation from the tenant's data. */
final class BotContexts {
    private final BotBridge bridge;
    private final Presence presence;
    private final String businessName;
    private final BotAppointments appointments;

    BotContexts(BotBridge bridge, Presence presence, String businessName,
                BotAppointments appointments) {
        this.bridge = bridge;
        this.presence = presence;
        this.businessName = businessName;
        this.appointments = appointments;
    }

    BotContext of(Handle handle, BotBridge.Held conversation, Instant now) {
        return BotContext.lazy(conversation.contactName(), businessName,
            () -> Daos.on(handle, MenuDepartmentDao.class).menu().stream()
                .map(BotContexts::choice).toList(),
            () -> Daos.on(handle, CatalogDao.class).offered().stream().map(BotContexts::choice)
                .toList(),
            () -> bridge.lastServed(conversation.contactId(), conversation.id())
                .map(this::returning).orElse(null),
            () -> Daos.on(handle, SessionDao.class).greetedAt(conversation.contactId())
                .orElse(null),
            slots(handle, conversation, now));
    }

    /**
     * Looked up only when a flow offers slots, once per step. No department named: the
     * conversation's own, and when it keeps no calendar, every calendar (a small shop's one).
     */
    private BotContext.Slots slots(Handle handle, BotBridge.Held conversation, Instant now) {
        Map<String, List<BotAppointments.FreeSlot>> found = new HashMap<>();
        return (department, count) -> found.computeIfAbsent(department + "/" + count, key -> {
            if (department != null) {
                return appointments.free(handle, department, now, count);
            }
            String own = conversation.departmentId() == null ? null
                : Daos.on(handle, DepartmentDao.class).find(conversation.departmentId())
                    .map(Department::slug).orElse(null);
            List<BotAppointments.FreeSlot> free = own == null ? List.of()
                : appointments.free(handle, own, now, count);
            return free.isEmpty() ? appointments.free(handle, null, now, count) : free;
        });
    }

    /** The last person is offered only while online; otherwise their department. */
    private BotContext.Returning returning(ConversationDao.Served served) {
        boolean online = served.personId() != null && presence != null
            && presence.stateOf(served.personId()) == PresenceState.ONLINE;
        return new BotContext.Returning(served.departmentSlug(), served.departmentName(),
            online ? served.personId() : null, online ? served.personName() : null);
    }

    static BotContext.CatalogChoice choice(CatalogItem item) {
        return new BotContext.CatalogChoice(item.publicId(), item.name(), item.description(),
            item.price(), item.category());
    }

    static BotContext.DepartmentChoice choice(Department department) {
        List<String> keywords = department.menuKeywords() == null ? List.of()
            : Arrays.stream(department.menuKeywords().split("[,;\\n]")).map(String::strip)
                .filter(k -> !k.isEmpty()).toList();
        return new BotContext.DepartmentChoice(department.slug(), department.name(), keywords);
    }
}
