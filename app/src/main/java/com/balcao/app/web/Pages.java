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

    /**
     * A page for someone not signed in, in the tenant's language: the panel is pt-BR first, and
     * each person picks their own language once signed in.
     */
    public Page anonymous(String csrf) {
        return new Page(null, csrf, Messages.of(defaultLocale), zone, tenantName,
            Page.Flash.NONE);
    }
}
