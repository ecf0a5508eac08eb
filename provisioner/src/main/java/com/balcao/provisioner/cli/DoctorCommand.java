package com.balcao.provisioner.cli;

import com.balcao.provisioner.ExitCodes;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.driver.Driver.Check;
import com.balcao.provisioner.driver.Drivers;
import com.balcao.provisioner.tenant.Names;
import com.balcao.provisioner.tenant.Tenant;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code doctor [<slug>] [--driver D] [--domain D]}: what would stop a create or an upgrade,
 * checked before it starts. Exit status 4 when a check fails.
 */
@Command(name = "doctor", description = "Checks this host before a create or an upgrade.")
public final class DoctorCommand extends Verb {
    private static final long MIN_FREE_BYTES = 2L << 30;
    @Parameters(index = "0", arity = "0..1", paramLabel = "SLUG") String slug;
    @Option(names = "--driver", defaultValue = "local") String driverName;
    @Option(names = "--domain", description = "a domain whose DNS should point here (TLS)")
    String domain;

    @Override
    public Integer call() throws IOException {
        Tenant tenant = slug == null ? null : registry().get(slug);
        Driver driver = tenant == null ? Drivers.of(driverName, registry()) : driver(tenant);
        List<Check> checks = new ArrayList<>(driver.doctor(tenant));
        Path home = Files.createDirectories(registry().home());
        long free = Files.getFileStore(home).getUsableSpace();
        checks.add(new Check("free disk space in " + home + " (" + (free >> 20) + " MiB)",
            free >= MIN_FREE_BYTES, "at least 2 GiB needed for a tenant and its backups"));
        String host = domain != null ? Names.domain(domain) : tenant == null ? null
            : tenant.domain;
        if (host != null) {
            checks.add(dns(host));
        }
        boolean ok = true;
        for (Check c : checks) {
            out().printf("%s %s%s%n", c.ok() ? "[ok]  " : "[FAIL]", c.what(),
                c.ok() ? "" : " — " + c.detail());
            ok &= c.ok();
        }
        return ok ? ExitCodes.OK : ExitCodes.UNHEALTHY;
    }

    /** TLS certificates are only issued once the domain resolves to this host. */
    private static Check dns(String host) {
        String what = "DNS of " + host + " points to this host";
        try {
            List<InetAddress> mine = new ArrayList<>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                mine.addAll(Collections.list(nic.getInetAddresses()));
            }
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (mine.contains(address)) {
                    return new Check(what, true, "");
                }
            }
            return new Check(what, false, "it resolves elsewhere (fine behind a NAT or a load"
                + " balancer that forwards 80/443 here)");
        } catch (UnknownHostException e) {
            return new Check(what, false, "it does not resolve: create an A/AAAA record");
        } catch (IOException e) {
            return new Check(what, false, e.getMessage());
        }
    }
}
