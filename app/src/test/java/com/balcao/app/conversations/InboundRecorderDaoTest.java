package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.balcao.app.realtime.EventBus;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.whatsapp.InboundMessage;
import com.balcao.app.whatsapp.SendFailure;
import com.balcao.app.whatsapp.StatusUpdate;
import com.balcao.app.whatsapp.UnprocessableWebhook;
import com.balcao.app.whatsapp.WhatsAppListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recording what WhatsApp delivers, on the real database: once per wamid, one contact per
 * person, statuses only forward, and statuses that arrive before the send's own answer.
 */
class InboundRecorderDaoTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final Seeds SEEDS = new Seeds(DB);
    static final ConversationEvents EVENTS = new ConversationEvents(mock(EventBus.class),
        SEEDS.jdbi().onDemand(QueueDao.class));
    static final InboundRecorder RECORDER = new InboundRecorder(SEEDS.jdbi(), null, EVENTS,
        conversation -> { }, new BotBridge.Slot(), new BotTurns(1, SEEDS.jdbi(), Runnable::run),
        null,
        new StatusRecorder(SEEDS.jdbi(), EVENTS, Clock.systemUTC()), Clock.systemUTC());
    static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    @BeforeAll
    static void number() {
        SEEDS.whatsAppNumber("200000000000001", "15550100001", null, null);
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    static InboundMessage text(String wamid, String waId, String userId, Instant at) {
        return new InboundMessage("200000000000001", waId, userId, null, "Cliente", null, wamid,
            at, "text", "oi", null, null, null, "{}");
    }

    static String text(String sql) {
        return SEEDS.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(String.class).one());
    }

    @Test
    void aMessageDeliveredTwiceIsStoredOnceAndMovesTheWindowToItsOwnTime() {
        RECORDER.inbound(text("wamid.twice", "447700900001", null, AT));
        RECORDER.inbound(text("wamid.twice", "447700900001", null, AT));
        RECORDER.inbound(text("wamid.older", "447700900001", null, AT.minusSeconds(60)));

        assertThat(SEEDS.count("messages", "wa_message_id = 'wamid.twice'")).isEqualTo(1);
        assertThat(text("SELECT c.last_inbound_at FROM conversations c JOIN contacts ct ON "
            + "ct.id = c.contact_id WHERE ct.wa_id = '447700900001'"))
            .startsWith("2026-03-01 12:00:00");
    }

    @Test
    void aKnownCustomerWritingAgainLandsInTheirOwnConversation() {
        RECORDER.inbound(text("wamid.known1", "447700900011", null, AT));
        RECORDER.inbound(text("wamid.other1", "447700900012", null, AT));
        RECORDER.inbound(text("wamid.known2", "447700900011", null, AT.plusSeconds(5)));

        assertThat(text("SELECT GROUP_CONCAT(m.wa_message_id ORDER BY m.id) FROM messages m "
            + "JOIN conversations c ON c.id = m.conversation_id JOIN contacts ct ON "
            + "ct.id = c.contact_id WHERE ct.wa_id = '447700900011'"))
            .isEqualTo("wamid.known1,wamid.known2");
        assertThat(SEEDS.count("contacts", "wa_id IN ('447700900011', '447700900012')"))
            .isEqualTo(2);
    }

    @Test
    void aBrazilianMobileWithAndWithoutTheNinthDigitIsOnePerson() {
        RECORDER.inbound(text("wamid.br1", "551187650000", null, AT));
        RECORDER.inbound(text("wamid.br2", "5511987650000", null, AT));

        assertThat(SEEDS.count("contacts", "wa_id LIKE '55119876500%'")).isEqualTo(1);
        assertThat(SEEDS.count("conversations c JOIN contacts ct ON ct.id = c.contact_id",
            "ct.wa_id = '5511987650000'")).isEqualTo(1);
    }

    @Test
    void aUserKnownOnlyByTheirBusinessScopedIdIsAContactToo() {
        RECORDER.inbound(text("wamid.bsuid", null, "BR.999000111", AT));

        assertThat(SEEDS.count("contacts", "user_id = 'BR.999000111' AND wa_id IS NULL"))
            .isEqualTo(1);
    }

    @Test
    void aNewConversationIsHandedOnOnceAndAFailureThereNeverLosesTheMessage() {
        List<String> handedOn = new ArrayList<>();
        InboundRecorder failingAssigner = new InboundRecorder(SEEDS.jdbi(), null,
            new ConversationEvents(mock(EventBus.class),
            SEEDS.jdbi().onDemand(QueueDao.class)), conversation -> {
                handedOn.add(conversation.waId());
                throw new IllegalStateException("Redis is down");
            }, new BotBridge.Slot(), new BotTurns(1, SEEDS.jdbi(), Runnable::run),
            null,
            new StatusRecorder(SEEDS.jdbi(), EVENTS, Clock.systemUTC()), Clock.systemUTC());

        failingAssigner.inbound(text("wamid.assign1", "447700900003", null, AT));
        failingAssigner.inbound(text("wamid.assign2", "447700900003", null, AT.plusSeconds(5)));

        assertThat(handedOn).containsExactly("447700900003");
        assertThat(SEEDS.count("messages", "wa_message_id IN ('wamid.assign1', 'wamid.assign2')"))
            .isEqualTo(2);
    }

    @Test
    void aMessageForAnUnknownNumberIsRefusedForAdminsToSee() {
        InboundMessage stray = new InboundMessage("999", "447700900002", null, null, null, null,
            "wamid.stray", AT, "text", "x", null, null, null, "{}");

        assertThatThrownBy(() -> RECORDER.inbound(stray))
            .isInstanceOf(UnprocessableWebhook.class).hasMessageContaining("999");
    }

    @Test
    void statusesOnlyMoveForwardAndAFailureKeepsItsReason() {
        long id = outbound("wamid.out1", null);
        RECORDER.statuses(List.of(status("wamid.out1", "read", null)));
        RECORDER.statuses(List.of(status("wamid.out1", "delivered", null)));
        RECORDER.statuses(List.of(status("wamid.out1", "sent", null)));
        long failing = outbound("wamid.out2", null);
        RECORDER.statuses(List.of(status("wamid.out2", "failed", 131047)));
        RECORDER.statuses(List.of(status("wamid.out2", "sent", null)));

        assertThat(text("SELECT status FROM messages WHERE id = " + id)).isEqualTo("read");
        assertThat(text("SELECT CONCAT(status, ' ', error_code) FROM messages WHERE id = "
            + failing)).isEqualTo("failed 131047");
        RECORDER.statuses(List.of(status("wamid.out2", "delivered", null)));
        assertThat(text("SELECT CONCAT(status, ' ', error_code) FROM messages WHERE id = "
            + failing)).isEqualTo("delivered 131047");
    }

    @Test
    void aBatchOfStatusesEndsWhereTheyWouldOneByOne() {
        long read = outbound("wamid.batch1", null);
        long failed = outbound("wamid.batch2", null);
        long deliveredAfterFailing = outbound("wamid.batch3", null);
        long early = outbound(null, "batch-early-000000000x");

        RECORDER.statuses(List.of(status("wamid.batch1", "sent", null),
            status("wamid.batch2", "sent", null), status("wamid.batch1", "read", null),
            status("wamid.batch3", "failed", 131047), status("wamid.batch2", "failed", 131026),
            status("wamid.batch1", "delivered", null), status("wamid.batch3", "delivered", null),
            new StatusUpdate("200000000000001", "wamid.batch4", "delivered", AT, "1", null,
                null, null, "batch-early-000000000x"),
            status("wamid.batch1", "read", null), status("wamid.unknown", "read", null)));

        assertThat(text("SELECT status FROM messages WHERE id = " + read)).isEqualTo("read");
        assertThat(text("SELECT CONCAT(status, ' ', error_code) FROM messages WHERE id = "
            + failed)).isEqualTo("failed 131026");
        assertThat(text("SELECT CONCAT(status, ' ', error_code) FROM messages WHERE id = "
            + deliveredAfterFailing)).isEqualTo("delivered 131047");
        assertThat(text("SELECT CONCAT(wa_message_id, ' ', status) FROM messages WHERE id = "
            + early)).isEqualTo("wamid.batch4 delivered");
        assertThat(text("SELECT COUNT(*) FROM message_statuses WHERE wa_message_id "
            + "LIKE 'wamid.batch1'")).as("a repeated status is recorded once").isEqualTo("3");
        assertThat(text("SELECT COUNT(*) FROM message_statuses WHERE wa_message_id "
            + "= 'wamid.unknown'")).as("kept for a send not answered yet").isEqualTo("1");
    }

    @Test
    void statusesThatOvertakeTheSendAreAppliedOnceTheWamidIsKnown() {
        long plain = outbound(null, "early-plain-000000000x");
        long echoed = outbound(null, "early-echo-0000000000x");
        RECORDER.statuses(List.of(status("wamid.early1", "delivered", null)));
        RECORDER.statuses(List.of(new StatusUpdate("200000000000001", "wamid.early2", "read", AT,
            "1", null, null, null, "early-echo-0000000000x")));

        RECORDER.accepted(plain, "wamid.early1");

        assertThat(text("SELECT CONCAT(wa_message_id, ' ', status) FROM messages WHERE id = "
            + plain)).isEqualTo("wamid.early1 delivered");
        assertThat(text("SELECT CONCAT(wa_message_id, ' ', status) FROM messages WHERE id = "
            + echoed)).isEqualTo("wamid.early2 read");
        RECORDER.failed(plain, new SendFailure(131026, "Message undeliverable", "x"));
        assertThat(text("SELECT CONCAT(status, ' ', error_code) FROM messages WHERE id = "
            + plain)).isEqualTo("delivered 131026");
    }

    private static StatusUpdate status(String wamid, String status, Integer code) {
        return new StatusUpdate("200000000000001", wamid, status, AT, "447700900001", code,
            code == null ? null : "Re-engagement message", null, null);
    }

    private static long outbound(String wamid, String publicId) {
        RECORDER.inbound(text("wamid.anchor", "447700900001", null, AT));
        String id = publicId != null ? publicId : ("out-" + wamid + "-0000000000000").substring(0,
            22);
        return SEEDS.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO messages "
                + "(public_id, conversation_id, direction, wa_message_id, type, status, "
                + "status_rank, sent_at, created_at, updated_at) SELECT :id, c.id, 'outbound', "
                + ":wamid, 'text', 'accepted', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6) FROM conversations c JOIN contacts ct ON ct.id = c.contact_id "
                + "WHERE ct.wa_id = '447700900001'")
            .bind("id", id).bind("wamid", wamid).executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class).one());
    }
}
