package com.balcao.app.bot;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Message bubbles as a fragment: the editor's live previews. */
public final class BubbleView extends View {
    private final List<Bubble> bubbles;

    BubbleView(List<Bubble> bubbles) {
        super("bubble-fragment.mustache", StandardCharsets.UTF_8);
        this.bubbles = bubbles;
    }

    public List<Bubble> getBubbles() {
        return bubbles;
    }
}
