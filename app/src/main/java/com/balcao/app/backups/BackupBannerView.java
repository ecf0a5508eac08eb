package com.balcao.app.backups;

import com.balcao.app.web.Page;
import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/** The admins' warning line when backups are failing or stale (empty otherwise). */
public final class BackupBannerView extends View {
    private final String message;

    BackupBannerView(Page page, BackupStatus status) {
        super("banner.mustache", StandardCharsets.UTF_8);
        this.message = status.healthy() ? null : page.text(status.problemKey());
    }

    public String getMessage() {
        return message;
    }
}
