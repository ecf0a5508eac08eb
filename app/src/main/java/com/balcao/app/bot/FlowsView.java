package com.balcao.app.bot;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/** The bot's flows: installed ones with their published version, and the shipped models. */
final class FlowsView extends PageView {
    private final List<Row> rows;

    /**
     * A flow in the list.
     *
     * @param installed false for a shipped flow the tenant has not published yet
     */
    record Row(String key, String name, boolean active, int version, String publishedAt,
               boolean installed) {
    }

    FlowsView(Page page, List<Row> rows) {
        super("flows.mustache", page, "bot_title", "bot");
        this.rows = rows;
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean getAnyActive() {
        return rows.stream().anyMatch(Row::active);
    }
}
