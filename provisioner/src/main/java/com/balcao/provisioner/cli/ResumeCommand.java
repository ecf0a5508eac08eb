package com.balcao.provisioner.cli;

import com.balcao.provisioner.tenant.Tenant;
import com.balcao.provisioner.tenant.TenantState;
import picocli.CommandLine.Command;

/** {@code resume <slug>}: ends a suspension. */
@Command(name = "resume", description = "Ends a suspension.")
public final class ResumeCommand extends SlugVerb {
    @Override
    public Integer call() {
        Tenant t = tenant();
        driver(t).suspend(t, false);
        if (t.state == TenantState.SUSPENDED) {
            t.state = TenantState.RUNNING;
            registry().save(t);
        }
        out().println(t.slug + " is serving again");
        return 0;
    }
}
