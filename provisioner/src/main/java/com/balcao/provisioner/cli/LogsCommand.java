package com.balcao.provisioner.cli;

import com.balcao.provisioner.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code logs <slug> [-f]}: the app's log. */
@Command(name = "logs", description = "Prints a tenant's app log (-f follows it).")
public final class LogsCommand extends SlugVerb {
    @Option(names = {"-f", "--follow"}) boolean follow;

    @Override
    public Integer call() {
        Tenant t = tenant();
        driver(t).logs(t, follow, out());
        return 0;
    }
}
