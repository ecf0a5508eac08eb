package com.balcao.app.bot;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/** One message bubble as a fragment: the editor's live preview. */
public final class BubbleView extends View {
    private final Bubble bubble;

    BubbleView(Bubble bubble) {
        super("bubble-fragment.mustache", StandardCharsets.UTF_8);
        this.bubble = bubble;
    }

    public Bubble getBubble() {
        return bubble;
    }
}
