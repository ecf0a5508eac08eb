package com.balcao.app.web;

import com.balcao.app.auth.Staff;
import com.balcao.app.config.TenantConfig;
import java.time.ZoneId;
import java.util.function.Supplier;

/** Makes the {@link Page} of a request from the tenant's settings and who is signed in. */
public final class Pages {
    private final String tenantName;
    private final ZoneId zone;
    private final String defaultLocale;
    private final Supplier<String> streamTip;

    public Pages(TenantConfig tenant, Supplier<String> streamTip) {
        this.tenantName = tenant.name;
        this.zone = tenant.zoneId();
        this.defaultLocale = tenant.defaultLocale;
        this.streamTip = streamTip;
    }

    public Page forStaff(Staff staff, String csrf, Page.Flash flash) {
        return new Page(staff, csrf, Messages.of(staff.locale()), zone, tenantName, flash)
            .withStreamTip(streamTip);
    }

    /** A page for someone not signed in, in the language their browser prefers. */
    public Page anonymous(String csrf, String acceptLanguage) {
        return new Page(null, csrf, Messages.of(localeFrom(acceptLanguage)), zone, tenantName,
            Page.Flash.NONE);
    }

    private String localeFrom(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return defaultLocale;
        }
        String first = acceptLanguage.split(",")[0].trim().toLowerCase();
        if (first.startsWith("pt")) {
            return Messages.PT_BR;
        }
        return first.startsWith("en") ? Messages.EN : defaultLocale;
    }
}
