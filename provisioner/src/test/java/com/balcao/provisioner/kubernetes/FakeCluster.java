package com.balcao.provisioner.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the mock API server lacks: controllers, kubelets and a volume provisioner. Claims get a
 * volume, Deployments become ready, Jobs finish (a migration Job of a "broken" image fails;
 * a backup fails, as the app's does, without a repository on a mounted volume), and a Job's
 * pod has a log, as the app's commands would print it.
 */
final class FakeCluster implements AutoCloseable {
    private final KubernetesClient client;
    private final KubernetesMockServer server;
    private final Thread thread;
    private volatile boolean running = true;

    FakeCluster(KubernetesClient client, KubernetesMockServer server) {
        this.client = client;
        this.server = server;
        this.thread = new Thread(this::loop, "fake-cluster");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            each(() -> client.persistentVolumeClaims().inAnyNamespace().list().getItems(),
                this::bind);
            each(() -> client.apps().deployments().inAnyNamespace().list().getItems(),
                this::ready);
            each(() -> client.batch().v1().jobs().inAnyNamespace().list().getItems(),
                this::finish);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One controller's round; a failure (a namespace deleted under our feet) waits a round. */
    private static <T> void each(Supplier<List<T>> objects, Consumer<T> action) {
        try {
            for (T object : objects.get()) {
                try {
                    action.accept(object);
                } catch (RuntimeException e) {
                    System.err.println("fake-cluster: " + e);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("fake-cluster: " + e);
        }
    }

    private void ready(Deployment d) {
        int replicas = d.getSpec().getReplicas();
        if (d.getStatus() != null && d.getStatus().getReadyReplicas() != null
            && d.getStatus().getReadyReplicas() == replicas) {
            return;
        }
        // A patch of the status alone, read fresh: writing back the listed object would undo a
        // scale the CLI made meanwhile (its spec is stale by then).
        client.apps().deployments().inNamespace(d.getMetadata().getNamespace())
            .withName(d.getMetadata().getName()).editStatus(current -> {
                int wanted = current.getSpec().getReplicas();
                current.setStatus(new DeploymentStatusBuilder().withReplicas(wanted)
                    .withReadyReplicas(wanted).build());
                return current;
            });
    }

    private void bind(PersistentVolumeClaim claim) {
        if (claim.getSpec().getVolumeName() != null) {
            return;
        }
        String ns = claim.getMetadata().getNamespace();
        String volume = "pvc-" + ns + "-" + claim.getMetadata().getName();
        client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata()
            .withName(volume).endMetadata().withNewSpec()
            .withPersistentVolumeReclaimPolicy("Delete")
            .withAccessModes(claim.getSpec().getAccessModes())
            .withCapacity(claim.getSpec().getResources().getRequests())
            .withNewClaimRef().withNamespace(ns).withName(claim.getMetadata().getName())
            .endClaimRef().endSpec().build()).createOr(NonDeletingOperation::update);
        claim.getSpec().setVolumeName(volume);
        client.persistentVolumeClaims().inNamespace(ns).resource(claim).update();
    }

    /** The app's own check: a repository set, on a volume the Job mounts. */
    private boolean backupConfigured(Job job, Container container) {
        String ns = job.getMetadata().getNamespace();
        Secret env = client.secrets().inNamespace(ns).withName("balcao-env").get();
        String repository = env.getStringData() == null ? null
            : env.getStringData().get("BACKUP_REPOSITORY");
        if (repository == null || container.getVolumeMounts() == null) {
            return false;
        }
        return container.getVolumeMounts().stream().anyMatch(m -> repository.startsWith(
            m.getMountPath() + "/") && job.getSpec().getTemplate().getSpec().getVolumes()
            .stream().anyMatch(v -> v.getName().equals(m.getName())
                && v.getPersistentVolumeClaim() != null));
    }

    private void finish(Job job) {
        if (job.getStatus() != null && (job.getStatus().getSucceeded() != null
            || job.getStatus().getFailed() != null)) {
            return;
        }
        String ns = job.getMetadata().getNamespace();
        String name = job.getMetadata().getName();
        var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<String> args = container.getArgs() == null ? List.of() : container.getArgs();
        boolean backup = args.contains("backup");
        boolean fails = container.getImage().contains("broken") && args.contains("migrate")
            || backup && !backupConfigured(job, container);
        String log = args.contains("create-admin")
            ? "Admin created\nGenerated password (shown once, must be changed at first"
                + " sign-in): Kx7pQ2mZr9Lw\n"
            : backup && fails ? "backups are not configured: set BACKUP_REPOSITORY and "
                + "BACKUP_PASSWORD (or BACKUP_PASSWORD_FILE)\n"
            : args.contains("run") && backup
                ? "backup 20261130-0300-3fa9 snapshot 3fa9c2d1 SUCCEEDED\n"
            : fails ? "Migration failed: table_that_does_not_exist\n" : "done\n";
        String pod = name + "-pod";
        // A finished pod, as the Job's would be: the client reads a terminal pod's log at once
        // instead of watching it for readiness.
        client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(pod)
            .withNamespace(ns).addToLabels("job-name", name).endMetadata().withNewStatus()
            .withPhase(fails ? "Failed" : "Succeeded").endStatus().build()).create();
        server.expect().get().withPath("/api/v1/namespaces/" + ns + "/pods/" + pod
            + "/log").andReturn(200, log).always();
        job.setStatus(fails ? new JobStatusBuilder().withFailed(1).build()
            : new JobStatusBuilder().withSucceeded(1).build());
        client.batch().v1().jobs().inNamespace(ns).resource(job).updateStatus();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
    }
}
