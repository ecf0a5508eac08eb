package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules a conversation row answers for itself, without a database. */
class ConversationRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Staff SALES_AGENT = new Staff(1, "a@x", "Ana", Role.AGENT, "pt-BR",
        Set.of(10L));
    private static final Staff OTHER_AGENT = new Staff(2, "b@x", "Bruno", Role.AGENT, "pt-BR",
        Set.of(20L));
    private static final Staff SUPERVISOR = new Staff(3, "s@x", "Sara", Role.SUPERVISOR,
        "pt-BR", Set.of());

    static ConversationRow row(ConversationOwner owner, Long department, Long assignee,
                               Instant lastInbound) {
        return new ConversationRow(1, "c", owner, department, "Comercial", assignee,
            assignee == null ? null : "Ana", "ct", "5511987654321", null, "Cliente",
            "5511987654321", 7, "200", "1555", lastInbound, NOW, NOW, 0, null, 1);
    }

    @Test
    void theReplyWindowClosesTwentyFourHoursAfterTheCustomersLastMessage() {
        Instant justInside = NOW.minus(Duration.ofHours(24)).plusSeconds(1);
        assertThat(row(ConversationOwner.QUEUE, 10L, null, justInside).windowOpen(NOW)).isTrue();
        assertThat(row(ConversationOwner.QUEUE, 10L, null, justInside).windowClosesAt())
            .isEqualTo(NOW.plusSeconds(1));
        assertThat(row(ConversationOwner.QUEUE, 10L, null, NOW.minus(Duration.ofHours(24)))
            .windowOpen(NOW)).isFalse();
        assertThat(row(ConversationOwner.QUEUE, 10L, null, null).windowOpen(NOW)).isFalse();
        assertThat(row(ConversationOwner.QUEUE, 10L, null, null).windowClosesAt()).isNull();
    }

    @Test
    void staffSeeTheirDepartmentsAndWhatTheyHoldSupervisorsEverything() {
        ConversationRow sales = row(ConversationOwner.QUEUE, 10L, null, NOW);
        ConversationRow heldByAnaElsewhere = row(ConversationOwner.AGENT, 20L, 1L, NOW);
        ConversationRow noDepartment = row(ConversationOwner.QUEUE, null, null, NOW);
        assertThat(sales.visibleTo(SALES_AGENT)).isTrue();
        assertThat(sales.visibleTo(OTHER_AGENT)).isFalse();
        assertThat(heldByAnaElsewhere.visibleTo(SALES_AGENT)).isTrue();
        assertThat(heldByAnaElsewhere.visibleTo(OTHER_AGENT)).isTrue();
        assertThat(noDepartment.visibleTo(SALES_AGENT)).isFalse();
        assertThat(noDepartment.visibleTo(SUPERVISOR)).isTrue();
        assertThat(SALES_AGENT.maySee(20L, 1L)).isTrue();
        assertThat(OTHER_AGENT.maySee(10L, 1L)).isFalse();
    }

    @Test
    void heldByMeBySomeoneElseAndWhoMayAct() {
        ConversationRow anas = row(ConversationOwner.AGENT, 10L, 1L, NOW);
        assertThat(anas.heldBy(SALES_AGENT)).isTrue();
        assertThat(anas.heldByOther(OTHER_AGENT)).isTrue();
        assertThat(anas.mayAct(OTHER_AGENT)).isFalse();
        assertThat(anas.mayAct(SUPERVISOR)).isTrue();
        ConversationRow closed = row(ConversationOwner.CLOSED, 10L, 1L, NOW);
        assertThat(closed.heldBy(SALES_AGENT)).isFalse();
        assertThat(closed.mayAct(SALES_AGENT)).isFalse();
        assertThat(closed.status()).isEqualTo("resolved");
        assertThat(row(ConversationOwner.BOT, 10L, null, NOW).botActive()).isTrue();
    }
}
