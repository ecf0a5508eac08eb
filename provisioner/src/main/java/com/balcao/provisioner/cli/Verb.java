package com.balcao.provisioner.cli;

import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.driver.Drivers;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every verb shares: the home directory, its registry, the output. */
abstract class Verb implements Callable<Integer> {
    @Option(names = "--home", defaultValue = "tenants", paramLabel = "DIR",
        description = "where tenants' registry and files live (default: ./tenants)")
    Path home;

    @Spec
    CommandSpec spec;

    Registry registry() {
        return new Registry(home);
    }

    Driver driver(Tenant tenant) {
        return Drivers.of(tenant.driver, registry());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
