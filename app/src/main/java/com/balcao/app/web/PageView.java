package com.balcao.app.web;

import com.balcao.app.auth.Staff;
import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Base of every panel page: the layout partials read the fields below. Subclasses add the
 * data of their own page; templates stay logic-less and escape everything with {@code {{ }}}.
 */
public abstract class PageView extends View {
    private final Page page;
    private final String titleKey;
    private static final Set<String> ADMIN_SECTIONS = Set.of("users", "departments", "replies",
        "labels", "resets", "whatsapp", "backups", "catalog", "calendars", "bot");
    private final String section;
    private String flash;
    private boolean flashTaken;

    protected PageView(String templateName, Page page, String titleKey, String section) {
        super(templateName, StandardCharsets.UTF_8);
        this.page = page;
        this.titleKey = titleKey;
        this.section = section;
    }

    protected Page page() {
        return page;
    }

    public Map<String, String> getT() {
        return page.messages().all();
    }

    public String getLang() {
        return page.messages().languageTag();
    }

    public String getTitle() {
        return page.text(titleKey);
    }

    public String getTenantName() {
        return page.tenantName();
    }

    public String getCsrf() {
        return page.csrf();
    }

    public Staff getMe() {
        return page.me().orElse(null);
    }

    public boolean isAdmin() {
        return page.me().map(Staff::isAdmin).orElse(false);
    }

    public boolean isSupervisor() {
        return page.me().map(Staff::isSupervisorOrAdmin).orElse(false);
    }

    /**
     * The active navigation entry, so the layout can mark it: {@code {{#nav.users}}}; an
     * administration page also marks the menu that holds it ({@code {{#nav.admin}}}).
     */
    public Map<String, Boolean> getNav() {
        return ADMIN_SECTIONS.contains(section) ? Map.of(section, true, "admin", true)
            : Map.of(section, true);
    }

    /** Whether the page uses the whole window width (the inbox) instead of a centred column. */
    public boolean isWide() {
        return false;
    }

    public String getStreamTip() {
        return page.streamTip();
    }

    public String getFlash() {
        if (!flashTaken) {
            flash = page.takeFlash().orElse(null);
            flashTaken = true;
        }
        return flash;
    }
}
