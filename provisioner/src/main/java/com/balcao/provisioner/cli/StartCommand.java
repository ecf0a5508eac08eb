package com.balcao.provisioner.cli;

import com.balcao.provisioner.ops.Health;
import com.balcao.provisioner.tenant.Tenant;
import com.balcao.provisioner.tenant.TenantState;
import picocli.CommandLine.Command;

/** {@code start <slug>}: starts a stopped tenant (after a reboot, say) and waits for health. */
@Command(name = "start", description = "Starts a tenant's processes or containers.")
public final class StartCommand extends SlugVerb {
    @Override
    public Integer call() {
        Tenant t = tenant();
        driver(t).start(t);
        Health.await(driver(t), t);
        if (t.state == TenantState.STOPPED) {
            t.state = TenantState.RUNNING;
            registry().save(t);
        }
        out().println(t.slug + " is up");
        return 0;
    }
}
