package com.balcao.app.inbox;

import com.balcao.app.conversations.MessageStatus;
import com.balcao.app.conversations.ConversationOwner;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.conversations.Direction;
import com.balcao.app.conversations.MessageRow;
import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.StoredWord;
import com.balcao.app.web.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How stored messages read in the chat: days, reactions, quotes, system lines and ticks. */
class TimelineTest {
    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    static final Timeline TIMELINE = new Timeline(Messages.of("pt-BR"), new ObjectMapper(), ZONE,
        NOW);

    /** The open conversation, row id 1. */
    static final ConversationRow OPEN = new ConversationRow(1, "c1", ConversationOwner.QUEUE,
        10L, "Comercial", null, null, "ct", "5511987654321", null, "Cliente", "5511987654321",
        7, "200", "1555", NOW, NOW, NOW, 0, null, 1);

    static MessageRow message(long id, String direction, String type, String wamid, String body,
                              String context, String payload, String status, Duration ago) {
        return message(1, id, direction, type, wamid, body, context, payload, status, ago);
    }

    static MessageRow message(long conversation, long id, String direction, String type,
                              String wamid, String body, String context, String payload,
                              String status, Duration ago) {
        return new MessageRow(id, "m" + id, conversation, StoredWord.of(Direction.class,
            direction), wamid,
            type, body, null, null, null, null, null, null, null, context, payload,
            StoredWord.of(MessageStatus.class, status), null, null, null,
            "outbound".equals(direction) ? 7L : null, NOW.minus(ago), NOW.minus(ago), null);
    }

    @Test
    void readsLikeAChat() {
        List<MessageRow> rows = List.of(
            message(1, "inbound", "text", "w1", "Oi, tudo bem?", null, null, "received",
                Duration.ofHours(26)),
            message(2, "outbound", "text", "w2", "Tudo! Como posso ajudar?", "w1", null, "read",
                Duration.ofHours(25)),
            message(3, "inbound", "reaction", "w3", "❤️", "w2", null, "received",
                Duration.ofHours(24)),
            message(4, "system", "system", null, "system_taken_over", null,
                "{\"args\":[\"Ana\"]}", "recorded", Duration.ofHours(1)),
            message(5, "outbound", "text", "w5", "Enviado?", null, null, "failed",
                Duration.ofMinutes(5)));

        List<TimelineEntry> entries = TIMELINE.entries(OPEN, rows, wamid -> null,
            Map.of(7L, "Ana Lima"), null);

        assertThat(entries).extracting(TimelineEntry::id).containsExactly("m1", "m2", "m4", "m5");
        assertThat(entries).extracting(TimelineEntry::day)
            .containsExactly("Ontem", null, "Hoje", null);
        assertThat(entries.get(1).reactions()).containsExactly("❤️");
        assertThat(entries.get(1).quote().text()).isEqualTo("Oi, tudo bem?");
        assertThat(entries.get(1).quote().author()).isEqualTo("Cliente");
        assertThat(entries.get(1).author()).isEqualTo("Ana Lima");
        assertThat(entries.get(1).ticks().css()).isEqualTo("read");
        assertThat(entries.get(2).text()).isEqualTo("Ana assumiu a conversa.");
        assertThat(entries.get(2).author()).isNull();
        assertThat(entries.get(3).ticks().symbol()).isEqualTo("⚠");
        assertThat(entries.get(3).error()).startsWith("O WhatsApp recusou a mensagem");
    }

    @Test
    void aPageContinuingTheSameDayRepeatsNoDayLabel() {
        List<MessageRow> rows = List.of(message(9, "inbound", "text", "w9", "Mais uma", null,
            null, "received", Duration.ofMinutes(3)));
        MessageRow earlier = message(8, "inbound", "text", "w8", "Antes", null, null,
            "received", Duration.ofMinutes(30));
        assertThat(TIMELINE.entries(OPEN, rows, wamid -> null, Map.of(), earlier).get(0).day())
            .isNull();
    }

    @Test
    void aContactsEarlierConversationsReadAsOneHistoryWithALineWhereEachBegins() {
        List<MessageRow> rows = List.of(
            message(0, 1, "inbound", "text", "w1", "Quanto custa a tela?", null, null,
                "received", Duration.ofDays(3)),
            message(0, 2, "outbound", "text", "w2", "R$ 350,00", null, null, "read",
                Duration.ofDays(3).minusMinutes(5)),
            message(1, 3, "inbound", "text", "w3", "Pode fazer?", null, null, "received",
                Duration.ofMinutes(10)));

        List<TimelineEntry> entries = TIMELINE.entries(OPEN, rows, wamid -> null, Map.of(),
            null);

        assertThat(entries).extracting(TimelineEntry::conversationStart).containsExactly(
            "Conversa anterior · 19/11/2026 12:00", null, "Esta conversa · Hoje 11:50");
        assertThat(entries).extracting(TimelineEntry::earlier).containsExactly(true, true, false);
    }
}
