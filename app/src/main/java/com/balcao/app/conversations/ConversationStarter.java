package com.balcao.app.conversations;

import com.balcao.app.auth.Staff;
import com.balcao.app.auth.Tokens;
import com.balcao.app.config.Columns;
import com.balcao.app.realtime.EventType;
import com.balcao.app.web.AppException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Staff write first: an approved template to a contact, on a number and in a department the
 * person belongs to. An open conversation with the contact on that number gets the template
 * (taken over first when nobody holds it; refused when someone else does); otherwise a new
 * conversation opens held by the person, without a reply window until the customer answers.
 */
public final class ConversationStarter {
    private final Jdbi jdbi;
    private final ConversationActions actions;
    private final OutboundService outbound;
    private final ConversationEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    ConversationStarter(Jdbi jdbi, ConversationActions actions, OutboundService outbound,
                        ConversationEvents events, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.actions = actions;
        this.outbound = outbound;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A business number as the start form offers it. */
    public record NumberChoice(long id, String displayPhoneNumber, String label,
                         Long defaultDepartmentId) {
    }

    /**
     * What a person may start on: every active number (numbers belong to no department; the
     * default department only routes customers' first messages) and the departments the
     * person may see, which for an agent are their own. The new conversation lands in one of
     * those departments, so it never leaves the person's reach.
     */
    public record Choices(List<NumberChoice> numbers, List<HandlingDao.Target> departments) {

        /** The number's department when the person may use it, else their first one. */
        public Optional<Long> departmentFor(NumberChoice number) {
            return departments.stream()
                .filter(department -> number.defaultDepartmentId() != null
                    && department.id() == number.defaultDepartmentId())
                .findFirst().or(() -> departments.stream().findFirst())
                .map(HandlingDao.Target::id);
        }

        Optional<NumberChoice> number(long id) {
            return numbers.stream().filter(number -> number.id() == id).findFirst();
        }

        boolean hasDepartment(long id) {
            return departments.stream().anyMatch(department -> department.id() == id);
        }
    }

    public Choices choices(Staff staff) {
        List<NumberChoice> numbers = jdbi.onDemand(StartDao.class).activeNumbers();
        List<HandlingDao.Target> departments = jdbi.onDemand(HandlingDao.class).departments()
            .stream().filter(department -> staff.canSeeDepartment(department.id())).toList();
        return new Choices(numbers, departments);
    }

    /**
     * Sends {@code template} to the contact on {@code numberId}; {@code departmentId} (null for
     * the number's) counts only when a new conversation opens. Returns the conversation.
     */
    public ConversationRow start(Staff staff, long contactId, long numberId, Long departmentId,
                                 SendRequest.TemplateRef template, String idempotencyKey) {
        Choices choices = choices(staff);
        NumberChoice number = choices.number(numberId).orElseThrow(() ->
            AppException.unprocessable("start_number", "contact_start_number_invalid"));
        long department = Optional.ofNullable(departmentId).or(() -> choices.departmentFor(number))
            .filter(choices::hasDepartment).orElseThrow(() ->
                AppException.unprocessable("start_department", "contact_start_department_invalid"));
        SendRequest request = SendRequest.template(template);
        ConversationDao conversations = jdbi.onDemand(ConversationDao.class);
        Optional<ConversationRow> open = conversations.findOpen(contactId, number.id());
        if (open.isPresent()) {
            return continueIn(staff, open.get(), request, idempotencyKey);
        }
        try {
            return open(staff, contactId, number.id(), department, request, idempotencyKey);
        } catch (UnableToExecuteStatementException e) {
            if (!Columns.duplicate(e)) {
                throw e;
            }
            // The customer wrote (or a colleague started) at the same moment.
            return continueIn(staff, conversations.findOpen(contactId, number.id())
                .orElseThrow(() -> e), request, idempotencyKey);
        }
    }

    private ConversationRow continueIn(Staff staff, ConversationRow open, SendRequest request,
                                       String key) {
        if (open.heldByOther(staff)) {
            throw new InvalidTransition("conversation_taken", "conversation_taken_by",
                open.assigneeName());
        }
        if (!open.visibleTo(staff)) {
            throw AppException.conflict("open_elsewhere", "contact_start_open_elsewhere",
                open.departmentName() == null ? "—" : open.departmentName());
        }
        if (!open.heldBy(staff)) {
            // A template that would be refused must not leave the conversation taken over.
            outbound.requireComposable(staff, open, request);
            actions.takeOver(staff, open.publicId());
        }
        outbound.send(staff, open.publicId(), request, key);
        return open;
    }

    private ConversationRow open(Staff staff, long contactId, long numberId, long departmentId,
                                 SendRequest request, String key) {
        OwnerState state = OwnerState.openedBy(staff);
        Instant now = clock.instant();
        record Opened(ConversationRow conversation, long messageId) {
        }
        Opened opened = jdbi.inTransaction(handle -> {
            ConversationDao conversations = handle.attach(ConversationDao.class);
            long id = conversations.insertByStaff(Tokens.random(16), contactId, numberId,
                departmentId, state.assigneeId(), state.owner(), now);
            handle.attach(MessageDao.class).insert(NewMessage.system(id, "system_started",
                args(staff.name()), staff.id(), now), now);
            ConversationRow row = conversations.find(id).orElseThrow();
            return new Opened(row, outbound.writeOpening(handle, staff, row, request, key));
        });
        events.conversation(EventType.CONVERSATION_CREATED, opened.conversation());
        outbound.announce(opened.conversation(), opened.messageId());
        return opened.conversation();
    }

    /** A system line's arguments, as {@link ConversationChanges} stores them. */
    private String args(String... args) {
        try {
            return json.writeValueAsString(Map.of("args", List.of(args)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
