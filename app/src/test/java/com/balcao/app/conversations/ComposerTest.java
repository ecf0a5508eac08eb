package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.balcao.app.web.AppException;
import com.balcao.app.whatsapp.MediaFiles;
import com.balcao.app.whatsapp.Outgoing;
import com.balcao.app.whatsapp.Templates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** WhatsApp's rules for what an agent may send, checked before anything is queued. */
class ComposerTest {
    static final MediaFiles MEDIA = mock(MediaFiles.class);
    static final Templates TEMPLATES = mock(Templates.class);
    static final MessageDao MESSAGES = mock(MessageDao.class);
    static final Composer COMPOSER = new Composer(MEDIA, TEMPLATES);
    static final ConversationRow CONVERSATION = new ConversationRow(1, "c",
        ConversationOwner.QUEUE, 1L, "Comercial", null, null, "ct", "5511987654321", null, "Ana",
        "5511987654321", 7, "200", "1555", Instant.now(), Instant.now(), Instant.now(), 0, null,
        1);

    static SendRequest request(String type) {
        return new SendRequest(type, null, null, null, null, null, null, null, null, null);
    }

    static String refusal(SendRequest request) {
        try {
            COMPOSER.compose(request, CONVERSATION, MESSAGES, 5);
        } catch (AppException e) {
            assertThat(e.status().getStatusCode()).isEqualTo(422);
            return e.code();
        }
        throw new AssertionError("Accepted " + request);
    }

    @Test
    void aTemplateMustBeApprovedAndGetExactlyItsVariables() {
        when(TEMPLATES.find(7, "pedido", "pt_BR")).thenReturn(Optional.of(new Templates.Info(
            "pedido", "pt_BR", "APPROVED", "UTILITY", "Olá {{1}}, pedido {{2}}", 2)));
        when(TEMPLATES.find(7, "pausado", "pt_BR")).thenReturn(Optional.of(new Templates.Info(
            "pausado", "pt_BR", "PAUSED", "UTILITY", "x", 0)));
        SendRequest.TemplateRef good = new SendRequest.TemplateRef("pedido", "pt_BR", null,
            List.of("Ana", "4471"), null);

        Composer.Composed composed = COMPOSER.compose(SendRequest.template(good), CONVERSATION,
            MESSAGES, 5);

        assertThat(composed.template()).isTrue();
        assertThat(composed.text()).isEqualTo("Olá Ana, pedido 4471");
        assertThat(refusal(SendRequest.template(
            new SendRequest.TemplateRef("pedido", "pt_BR", null, List.of("Ana"), null)))).isEqualTo("template_parameters");
        assertThat(refusal(SendRequest.template(
            new SendRequest.TemplateRef("pausado", "pt_BR", null, null, null)))).isEqualTo("template_not_approved");
    }

    @Test
    void interactiveMessagesStayWithinWhatsAppsLimits() {
        List<SendRequest.Option> four = List.of(option("a"), option("b"), option("c"),
            option("d"));
        SendRequest.Interactive buttons = new SendRequest.Interactive("button", null, "Escolha",
            null, null, four.subList(0, 2), null);

        assertThat(COMPOSER.compose(SendRequest.interactive(buttons), CONVERSATION, MESSAGES, 5)
            .outgoing())
            .isInstanceOf(Outgoing.Buttons.class);
        assertThat(refusal(interactive(new SendRequest.Interactive("button", null, "x", null,
            null, four, null)))).isEqualTo("invalid_interactive");
        assertThat(refusal(interactive(new SendRequest.Interactive("button", null, "x", null,
            null, List.of(option("a"), option("a")), null)))).isEqualTo("duplicate_option");
        assertThat(refusal(interactive(new SendRequest.Interactive("button", null, "x", null,
            null, List.of(new SendRequest.Option("a", "um título longo demais", null)), null))))
            .isEqualTo("too_long");
        List<SendRequest.Option> eleven = IntStream.range(0, 11)
            .mapToObj(i -> option("r" + i)).toList();
        assertThat(refusal(interactive(new SendRequest.Interactive("list", null, "x", null,
            "Ver", null, List.of(new SendRequest.Section("S", eleven))))))
            .isEqualTo("invalid_interactive");
    }

    @Test
    void mediaMustBeOneOfOurFilesOfTheRightKindOrAnHttpsLink() {
        when(MEDIA.findUpload("pdf", 1, 5)).thenReturn(Optional.of(new MediaFiles.Stored(3, "pdf",
            "application/pdf", "nota.pdf", 10L, "STORED", null)));

        assertThat(COMPOSER.compose(media("document", new SendRequest.MediaRef("pdf", null)),
            CONVERSATION, MESSAGES, 5).mediaId()).isEqualTo(3);
        assertThat(refusal(media("image", new SendRequest.MediaRef("pdf", null))))
            .isEqualTo("invalid_media");
        assertThat(refusal(media("image", new SendRequest.MediaRef("unknown", null))))
            .isEqualTo("invalid_media");
        assertThat(refusal(media("image", new SendRequest.MediaRef("pdf", "https://x/y.jpg"))))
            .isEqualTo("invalid_media");
        assertThat(refusal(media("video", new SendRequest.MediaRef(null, "ftp://x/y.mp4"))))
            .isEqualTo("invalid_media");
    }

    @Test
    void textAndReactionsAreCheckedToo() {
        assertThat(refusal(request("text"))).isEqualTo("missing_field");
        assertThat(refusal(request("fax"))).isEqualTo("invalid_type");
        assertThat(refusal(SendRequest.reaction(new SendRequest.ReactionRef("nope", "👍")))).isEqualTo("invalid_reaction");
    }

    private static SendRequest.Option option(String id) {
        return new SendRequest.Option(id, id.toUpperCase(), null);
    }

    private static SendRequest interactive(SendRequest.Interactive interactive) {
        return SendRequest.interactive(interactive);
    }

    private static SendRequest media(String type, SendRequest.MediaRef ref) {
        return SendRequest.media(type, ref, null, null, null);
    }
}
