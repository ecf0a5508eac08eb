package com.balcao.provisioner.driver;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.Refused;
import com.balcao.provisioner.tenant.EnvFile;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A tenant per namespace on a Kubernetes cluster (the current kubeconfig context), through the
 * fabric8 client. The app's one-shot commands run as Jobs with the release's image.
 */
public final class KubernetesDriver implements Driver {
    static final String KEPT_LABEL = "balcao.com/kept";
    private final Registry registry;
    private final Supplier<KubernetesClient> clients;
    private KubernetesClient client;

    public KubernetesDriver(Registry registry, Supplier<KubernetesClient> clients) {
        this.registry = registry;
        this.clients = clients;
    }

    public static Supplier<KubernetesClient> defaultClient() {
        return () -> new KubernetesClientBuilder().build();
    }

    private KubernetesClient client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public List<Check> doctor(Tenant tenant) {
        boolean reachable;
        String detail;
        try {
            detail = client().getMasterUrl() + " (Kubernetes " + client().getKubernetesVersion()
                .getGitVersion() + ")";
            reachable = true;
        } catch (KubernetesClientException e) {
            detail = "no cluster answers for the current kubeconfig context: " + e.getMessage();
            reachable = false;
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("cluster reachable " + (reachable ? detail : ""), reachable, detail));
        if (tenant != null) {
            checks.add(new Check("image pinned (not 'latest')", !"latest".equals(tenant.version),
                "use an explicit version"));
        }
        return checks;
    }

    @Override
    public Map<String, String> environment(Tenant tenant) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_HOST", "mysql");
        env.put("DB_PORT", "3306");
        env.put("REDIS_HOST", "redis");
        env.put("REDIS_PORT", "6379");
        env.put("PORT", "8080");
        env.put("ADMIN_PORT", "8081");
        // The kubelet probes the admin port from outside the pod; the policies keep others out.
        env.put("ADMIN_BIND_HOST", "0.0.0.0");
        env.put("DATA_DIR", "/data");
        // On the backups claim, which destroy keeps (its volume retained) with the final backup.
        env.put("BACKUP_REPOSITORY", KubernetesVolumes.REPOSITORY);
        return env;
    }

    @Override
    public void provision(Tenant tenant, Map<String, String> env) {
        for (HasMetadata object : new KubernetesManifests(tenant).base(env)) {
            apply(object);
        }
    }

    /** Writes the manifests for GitOps, touching no cluster. */
    public Path render(Tenant tenant) {
        Path dir = registry.dir(tenant.slug).resolve("kubernetes");
        KubernetesManifests manifests = new KubernetesManifests(tenant);
        List<HasMetadata> all = new ArrayList<>(manifests.base(env(tenant)));
        all.add(manifests.app(tenant.version, tenant.replicas));
        try {
            Files.createDirectories(dir);
            int i = 0;
            for (HasMetadata object : all) {
                String name = String.format("%02d-%s-%s.yaml", i++, object.getKind()
                    .toLowerCase(java.util.Locale.ROOT), object.getMetadata().getName());
                Path file = dir.resolve(name);
                com.balcao.provisioner.tenant.Secrets.writePrivate(file,
                    Serialization.asYaml(object));
            }
        } catch (IOException e) {
            throw new Failed("cannot write the manifests: " + e.getMessage(), e);
        }
        return dir;
    }

    @Override
    public void prepare(Tenant tenant, String version) {
        // The cluster pulls the image when the Job or Deployment first needs it.
    }

    @Override
    public void start(Tenant tenant) {
        apply(new KubernetesManifests(tenant).app(tenant.version, tenant.replicas));
    }

    @Override
    public void stop(Tenant tenant) {
        scale(tenant, 0);
    }

    @Override
    public boolean healthy(Tenant tenant) {
        Deployment d = client().apps().deployments().inNamespace(tenant.namespace())
            .withName("app").get();
        if (d == null || d.getStatus() == null || d.getSpec().getReplicas() == 0) {
            return false;
        }
        Integer ready = d.getStatus().getReadyReplicas();
        return ready != null && ready >= d.getSpec().getReplicas() && d.getSpec().getTemplate()
            .getSpec().getContainers().get(0).getImage().equals(KubernetesManifests.image(
                tenant.version));
    }

    @Override
    public AppRun run(Tenant tenant, String version, List<String> args, String stdin) {
        return new KubernetesJobs(client(), tenant).run(version, args);
    }

    @Override
    public void logs(Tenant tenant, boolean follow, PrintWriter out) {
        var deployment = client().apps().deployments().inNamespace(tenant.namespace())
            .withName("app");
        if (follow) {
            try (var watch = deployment.watchLog()) {
                watch.getOutput().transferTo(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        out.write(b);
                        out.flush();
                    }
                });
            } catch (IOException e) {
                throw new Failed("log stream ended: " + e.getMessage(), e);
            }
        } else {
            out.print(deployment.getLog());
            out.flush();
        }
    }

    /** The app scaled to none: the ingress controller answers 503 while there is no pod. */
    @Override
    public void suspend(Tenant tenant, boolean suspended) {
        scale(tenant, suspended ? 0 : tenant.replicas);
    }

    @Override
    public void snapshotDatabase(Tenant tenant, Path file) {
        String name = new KubernetesJobs(client(), tenant).dump();
        try {
            Files.writeString(file, "kubernetes-snapshot " + name + "\n");
        } catch (IOException e) {
            throw new Failed("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void restoreDatabase(Tenant tenant, Path file) {
        try {
            String name = Files.readString(file).strip().replace("kubernetes-snapshot ", "");
            new KubernetesJobs(client(), tenant).load(name);
        } catch (IOException e) {
            throw new Failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void restoreArchived(Tenant tenant, String backupId) {
        throw new Refused("restoring a destroyed tenant is supported by the local driver only"
            + " so far; create it again, mount its kept volume " + tenant.backupVolume
            + " and run the app's backup restore in its stack");
    }

    /**
     * Deleting the namespace deletes the backups claim, and with the usual reclaim policy its
     * volume: the volume is switched to Retain first and labelled with the tenant, so the
     * final backup stays on the cluster (recorded in the archived tenant.json).
     */
    @Override
    public Optional<String> keepBackups(Tenant tenant) {
        PersistentVolumeClaim claim = client().persistentVolumeClaims()
            .inNamespace(tenant.namespace()).withName(KubernetesVolumes.BACKUPS).get();
        String volume = claim == null ? null : claim.getSpec().getVolumeName();
        if (volume == null || client().persistentVolumes().withName(volume).get() == null) {
            throw new Failed("the backups claim of " + tenant.slug + " has no volume, so the"
                + " final backup could not be kept; nothing was removed");
        }
        client().persistentVolumes().withName(volume).edit(pv -> {
            pv.getSpec().setPersistentVolumeReclaimPolicy("Retain");
            pv.getMetadata().getLabels().put(KubernetesManifests.TENANT_LABEL, tenant.slug);
            pv.getMetadata().getLabels().put(KEPT_LABEL, "final-backup");
            return pv;
        });
        tenant.backupVolume = volume;
        registry.save(tenant);
        return Optional.of("PersistentVolume " + volume + " (retained; the repository is "
            + KubernetesVolumes.REPOSITORY.substring("/backups/".length()) + "/ on it)");
    }

    @Override
    public void destroy(Tenant tenant) {
        client().namespaces().withName(tenant.namespace()).delete();
    }

    private void scale(Tenant tenant, int replicas) {
        var d = client().apps().deployments().inNamespace(tenant.namespace()).withName("app");
        if (d.get() != null) {
            // A merge patch without a resource version, as `kubectl scale` does: the deployment
            // controller rewrites the status all the time, and an optimistic edit would lose
            // that race and fail the command.
            d.patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"replicas\":" + replicas + "}}");
        }
    }

    private void apply(HasMetadata object) {
        try {
            client().resource(object).createOr(NonDeletingOperation::update);
        } catch (KubernetesClientException e) {
            throw new Failed("applying " + object.getKind() + " " + object.getMetadata().getName()
                + " failed: " + e.getMessage(), e);
        }
    }

    private Map<String, String> env(Tenant tenant) {
        Path file = registry.dir(tenant.slug).resolve(".env");
        try {
            return EnvFile.parse(Files.readString(file)).values();
        } catch (IOException e) {
            throw new Refused("no .env for " + tenant.slug + ": " + e.getMessage());
        }
    }

    List<Pod> pods(Tenant tenant) {
        return client().pods().inNamespace(tenant.namespace()).list().getItems();
    }
}
