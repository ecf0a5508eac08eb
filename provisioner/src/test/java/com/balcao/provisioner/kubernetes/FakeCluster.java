package com.balcao.provisioner.kubernetes;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;

/**
 * What the mock API server lacks: controllers and kubelets. Deployments become ready, Jobs
 * finish (a migration Job of a "broken" image fails), and a Job's pod has a log, as the
 * app's commands would print it.
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
            try {
                client.apps().deployments().inAnyNamespace().list().getItems()
                    .forEach(this::ready);
                client.batch().v1().jobs().inAnyNamespace().list().getItems()
                    .forEach(this::finish);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A namespace deleted under our feet: look again next round.
            }
        }
    }

    private void ready(Deployment d) {
        int replicas = d.getSpec().getReplicas();
        if (d.getStatus() != null && d.getStatus().getReadyReplicas() != null
            && d.getStatus().getReadyReplicas() == replicas) {
            return;
        }
        d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas)
            .withReadyReplicas(replicas).build());
        client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d)
            .updateStatus();
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
        boolean fails = container.getImage().contains("broken") && args.contains("migrate");
        String log = args.contains("create-admin")
            ? "Admin created\nGenerated password (shown once, must be changed at first"
                + " sign-in): Kx7pQ2mZr9Lw\n"
            : args.contains("run") && args.contains("backup")
                ? "backup 20261130-0300-3fa9 snapshot 3fa9c2d1 SUCCEEDED\n"
            : fails ? "Migration failed: table_that_does_not_exist\n" : "done\n";
        String pod = name + "-pod";
        client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(pod)
            .withNamespace(ns).addToLabels("job-name", name).endMetadata().build()).create();
        server.expect().get().withPath("/api/v1/namespaces/" + ns + "/pods/" + pod
            + "/log?pretty=false").andReturn(200, log).always();
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
