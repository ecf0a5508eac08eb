package com.balcao.provisioner.driver;

import com.balcao.provisioner.Refused;
import com.balcao.provisioner.tenant.Registry;

/** Picks a driver by the name the operator typed or the registry recorded. */
public final class Drivers {
    private Drivers() {
    }

    public static Driver of(String name, Registry registry) {
        return switch (name == null ? "" : name) {
            case "local" -> new LocalDriver(registry);
            case "docker" -> new DockerDriver(registry);
            case "kubernetes" -> new KubernetesDriver(registry, KubernetesDriver.defaultClient());
            default -> throw new Refused("unknown driver '" + name
                + "' (one of: local, docker, kubernetes)");
        };
    }
}
