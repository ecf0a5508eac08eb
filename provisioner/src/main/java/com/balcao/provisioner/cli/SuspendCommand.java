package com.balcao.provisioner.cli;

import com.balcao.provisioner.Refused;
import com.balcao.provisioner.tenant.Tenant;
import com.balcao.provisioner.tenant.TenantState;
import picocli.CommandLine.Command;

/**
 * {@code suspend <slug>}: the app answers 503 to everything, webhooks included, so Meta keeps
 * retrying (up to 7 days) and nothing is lost; {@code resume} lets it all through again.
 */
@Command(name = "suspend", description = "Suspends a tenant: 503 to the panel and webhooks.")
public final class SuspendCommand extends SlugVerb {
    @Override
    public Integer call() {
        Tenant t = tenant();
        if (t.state == TenantState.CREATING) {
            throw new Refused(t.slug + " is not created yet");
        }
        driver(t).suspend(t, true);
        t.state = TenantState.SUSPENDED;
        registry().save(t);
        out().println(t.slug + " is suspended: webhooks get 503 and Meta retries them");
        return 0;
    }
}
