package com.balcao.app.conversations;

import static com.balcao.app.conversations.ConversationOwner.AGENT;
import static com.balcao.app.conversations.ConversationOwner.BOT;
import static com.balcao.app.conversations.ConversationOwner.CLOSED;
import static com.balcao.app.conversations.ConversationOwner.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The owner state's whole transition table and its guards, without a database. */
class OwnerStateTest {
    private static final Staff ANA = new Staff(1, "ana@x", "Ana", Role.AGENT, "pt-BR", Set.of(7L));
    private static final Staff BRUNO = new Staff(2, "bruno@x", "Bruno", Role.AGENT, "pt-BR",
        Set.of(7L));
    private static final Staff SUPERVISOR = new Staff(3, "sup@x", "Sara", Role.SUPERVISOR,
        "pt-BR", Set.of());

    /** Expected owner after each action from BOT, QUEUE, AGENT, CLOSED; a code when refused. */
    private static final Map<OwnerAction, Object[]> EXPECTED = new EnumMap<>(Map.ofEntries(
        Map.entry(OwnerAction.CUSTOMER_WROTE, new Object[] {BOT, QUEUE, AGENT, "closed"}),
        Map.entry(OwnerAction.BOT_HANDS_OVER,
            new Object[] {QUEUE, "not_bot", "not_bot", "closed"}),
        Map.entry(OwnerAction.TAKE_OVER, new Object[] {AGENT, AGENT, AGENT, "closed"}),
        Map.entry(OwnerAction.AUTO_ASSIGN,
            new Object[] {"not_queued", AGENT, "not_queued", "closed"}),
        Map.entry(OwnerAction.TRANSFER_TO_QUEUE, new Object[] {QUEUE, QUEUE, QUEUE, "closed"}),
        Map.entry(OwnerAction.TRANSFER_TO_PERSON, new Object[] {AGENT, AGENT, AGENT, "closed"}),
        Map.entry(OwnerAction.RETURN_TO_BOT, new Object[] {BOT, BOT, BOT, "closed"}),
        Map.entry(OwnerAction.RESOLVE, new Object[] {CLOSED, CLOSED, CLOSED, "closed"}),
        Map.entry(OwnerAction.REOPEN,
            new Object[] {"already_open", "already_open", "already_open", AGENT}),
        Map.entry(OwnerAction.BUSINESS_PHONE_REPLIED,
            new Object[] {AGENT, AGENT, AGENT, "closed"})));

    /** Each action as the one its method makes, by the person holding it (Ana) where it asks. */
    private static final Map<OwnerAction, Function<OwnerState, OwnerState>> MOVES = Map.of(
        OwnerAction.CUSTOMER_WROTE, OwnerState::customerWrote,
        OwnerAction.BOT_HANDS_OVER, OwnerState::botHandsOver,
        OwnerAction.TAKE_OVER, state -> state.takeOver(ANA),
        OwnerAction.AUTO_ASSIGN, state -> state.autoAssign(ANA.id(), ANA.name()),
        OwnerAction.TRANSFER_TO_QUEUE, state -> state.transfer(ANA, null, null),
        OwnerAction.TRANSFER_TO_PERSON, state -> state.transfer(ANA, BRUNO.id(), "Bruno"),
        OwnerAction.RETURN_TO_BOT, state -> state.returnToBot(ANA),
        OwnerAction.RESOLVE, state -> state.resolve(ANA),
        OwnerAction.REOPEN, state -> state.reopen(ANA),
        OwnerAction.BUSINESS_PHONE_REPLIED, OwnerState::businessPhoneReplied);

    private static OwnerState state(ConversationOwner owner) {
        return owner == AGENT || owner == CLOSED ? new OwnerState(owner, ANA.id(), "Ana")
            : new OwnerState(owner, null, null);
    }

    @Test
    void everyStateAndActionLandsWhereTheTableSays() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(OwnerAction.values());
        assertThat(MOVES.keySet()).containsExactlyInAnyOrder(OwnerAction.values());
        for (OwnerAction action : OwnerAction.values()) {
            for (ConversationOwner from : ConversationOwner.values()) {
                Object expected = EXPECTED.get(action)[from.ordinal()];
                OwnerState before = state(from);
                String cell = from + " × " + action;
                if (expected instanceof ConversationOwner to) {
                    assertThat(OwnerState.next(from, action)).as(cell).isEqualTo(to);
                    assertThat(before.allows(action)).as(cell).isTrue();
                    assertThat(MOVES.get(action).apply(before).owner()).as(cell).isEqualTo(to);
                } else {
                    assertThat(before.allows(action)).as(cell).isFalse();
                    assertThatThrownBy(() -> MOVES.get(action).apply(before)).as(cell)
                        .isInstanceOfSatisfying(InvalidTransition.class, e -> {
                            assertThat(e.code()).isEqualTo(expected);
                            assertThat(e.status().getStatusCode()).isEqualTo(409);
                        });
                }
            }
        }
    }

    @Test
    void onlyTheBotSpeaksAndOnlyWhileItOwnsTheConversation() {
        assertThat(state(BOT).mayBotSpeak()).isTrue();
        for (ConversationOwner owner : Set.of(QUEUE, AGENT, CLOSED)) {
            assertThat(state(owner).mayBotSpeak()).as(owner.name()).isFalse();
        }
        assertThat(state(BOT).takeOver(BRUNO).mayBotSpeak()).isFalse();
        assertThat(state(BOT).businessPhoneReplied().mayBotSpeak()).isFalse();
        assertThat(state(QUEUE).returnToBot(ANA).mayBotSpeak()).isTrue();
    }

    @Test
    void aHeldConversationIsItsHoldersUnlessASupervisorStepsIn() {
        OwnerState anas = state(AGENT);
        assertThat(anas.heldBy(ANA)).isTrue();
        assertThat(anas.heldByOther(BRUNO)).isTrue();
        assertThat(anas.mayAct(BRUNO)).isFalse();
        assertThat(anas.mayAct(SUPERVISOR)).isTrue();
        for (Function<OwnerState, OwnerState> byBruno : java.util.List.<Function<OwnerState,
            OwnerState>>of(s -> s.takeOver(BRUNO), s -> s.resolve(BRUNO),
            s -> s.returnToBot(BRUNO), s -> s.transfer(BRUNO, null, null))) {
            assertThatThrownBy(() -> byBruno.apply(anas))
                .isInstanceOfSatisfying(InvalidTransition.class,
                    e -> assertThat(e.code()).isEqualTo("conversation_taken"));
        }
        assertThat(anas.resolve(SUPERVISOR).owner()).isEqualTo(CLOSED);
        assertThat(anas.resolve(SUPERVISOR).assigneeId()).isEqualTo(ANA.id());
        assertThatThrownBy(() -> anas.takeOver(SUPERVISOR))
            .isInstanceOf(InvalidTransition.class);
        assertThat(anas.takeOver(ANA)).isEqualTo(anas);
    }

    @Test
    void onlyTheHolderOfAnOpenConversationSends() {
        state(AGENT).requireMaySend(ANA);
        assertThat(code(() -> state(AGENT).requireMaySend(BRUNO))).isEqualTo("conversation_taken");
        assertThat(code(() -> state(QUEUE).requireMaySend(ANA))).isEqualTo("not_taken");
        assertThat(code(() -> state(BOT).requireMaySend(ANA))).isEqualTo("not_taken");
        assertThat(code(() -> state(CLOSED).requireMaySend(ANA))).isEqualTo("closed");
    }

    @Test
    void movesSetWhoHoldsIt() {
        assertThat(state(QUEUE).takeOver(BRUNO).assigneeId()).isEqualTo(BRUNO.id());
        assertThat(state(AGENT).transfer(ANA, null, null).assigneeId()).isNull();
        assertThat(state(AGENT).returnToBot(ANA).assigneeId()).isNull();
        assertThat(state(CLOSED).reopen(BRUNO).assigneeId()).isEqualTo(BRUNO.id());
        assertThat(state(AGENT).businessPhoneReplied()).isEqualTo(state(AGENT));
        assertThat(state(QUEUE).businessPhoneReplied().assigneeId()).isNull();
        assertThat(OwnerState.opened(true).owner()).isEqualTo(BOT);
        assertThat(OwnerState.opened(false).owner()).isEqualTo(QUEUE);
    }

    @Test
    void aConversationAnsweredFromTheBusinessPhoneIsAnyonesToTakeButNobodysToSendFrom() {
        OwnerState phone = state(BOT).businessPhoneReplied();
        assertThat(phone.owner()).isEqualTo(AGENT);
        assertThat(phone.heldByBusinessPhone()).isTrue();
        assertThat(state(AGENT).heldByBusinessPhone()).isFalse();
        assertThat(phone.heldByOther(BRUNO)).isFalse();
        assertThat(code(() -> phone.requireMaySend(BRUNO))).isEqualTo("not_taken");
        assertThat(phone.takeOver(BRUNO).heldBy(BRUNO)).isTrue();
        assertThat(phone.resolve(ANA).owner()).isEqualTo(CLOSED);
    }

    private static String code(Runnable action) {
        try {
            action.run();
            return null;
        } catch (InvalidTransition e) {
            return e.code();
        }
    }
}
