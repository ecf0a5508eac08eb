package com.balcao.app.web;

import com.balcao.app.auth.Staff;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every panel page needs from its request: who is signed in, the CSRF token for forms,
 * the texts in the person's language, the tenant's time zone and a one-shot flash message.
 * Resources receive it as {@code @Context Page page}.
 */
public final class Page {
    public static final String PROPERTY = Page.class.getName();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Staff me;
    private final String csrf;
    private final Messages messages;
    private final ZoneId zone;
    private final String tenantName;
    private final Flash flash;
    private Supplier<String> streamTip = () -> "";

    /** A one-shot message key kept in the session until the next page shows it. */
    public interface Flash {
        Flash NONE = new Flash() {
            @Override
            public void put(String message) {
            }

            @Override
            public Optional<String> take() {
                return Optional.empty();
            }
        };

        void put(String message);

        Optional<String> take();
    }

    public Page(Staff me, String csrf, Messages messages, ZoneId zone, String tenantName,
                Flash flash) {
        this.me = me;
        this.csrf = csrf;
        this.messages = messages;
        this.zone = zone;
        this.tenantName = tenantName;
        this.flash = flash;
    }

    public Optional<Staff> me() {
        return Optional.ofNullable(me);
    }

    public String csrf() {
        return csrf;
    }

    public Messages messages() {
        return messages;
    }

    public String text(String key, Object... args) {
        return messages.get(key, args);
    }

    public ZoneId zone() {
        return zone;
    }

    public String tenantName() {
        return tenantName;
    }

    /** The pending flash message in this person's language, consumed by this call. */
    public Optional<String> takeFlash() {
        return flash.take().map(messages::get);
    }

    /**
     * Leaves a message for the next page, typically after a redirect. It is kept as a key so
     * it shows in the language of that next page.
     */
    public void flash(String messageKey) {
        flash.put(messageKey);
    }

    /** The newest live event id, so the page's stream starts right after what it shows. */
    public String streamTip() {
        return streamTip.get();
    }

    Page withStreamTip(Supplier<String> tip) {
        this.streamTip = tip;
        return this;
    }

    /** An instant shown in the tenant's time zone, or an empty string. */
    public String formatTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }
}
