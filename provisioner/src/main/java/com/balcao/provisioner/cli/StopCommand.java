package com.balcao.provisioner.cli;

import com.balcao.provisioner.tenant.Tenant;
import com.balcao.provisioner.tenant.TenantState;
import picocli.CommandLine.Command;

/** {@code stop <slug>}: stops a tenant's app and services; its data stays. */
@Command(name = "stop", description = "Stops a tenant; its data is kept.")
public final class StopCommand extends SlugVerb {
    @Override
    public Integer call() {
        Tenant t = tenant();
        driver(t).stop(t);
        if (t.state == TenantState.RUNNING) {
            t.state = TenantState.STOPPED;
            registry().save(t);
        }
        out().println(t.slug + " is stopped");
        return 0;
    }
}
