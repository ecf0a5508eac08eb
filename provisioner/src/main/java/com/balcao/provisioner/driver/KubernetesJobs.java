package com.balcao.provisioner.driver;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.tenant.Tenant;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One-shot work in a tenant's namespace as Jobs: the app's commands, database snapshots. */
final class KubernetesJobs {
    private static final long TIMEOUT_MILLIS = Long.getLong("balcao.jobTimeoutSeconds", 900)
        * 1000;
    private static final String SNAPSHOTS = "upgrade-snapshots";
    private final KubernetesClient client;
    private final Tenant tenant;

    KubernetesJobs(KubernetesClient client, Tenant tenant) {
        this.client = client;
        this.tenant = tenant;
    }

    /** {@code java -jar app.jar <args> /app/config.yml} in the release's image. */
    Driver.AppRun run(String version, List<String> args) {
        List<String> withConfig = new ArrayList<>(args);
        withConfig.add("/app/config.yml");
        Container c = new ContainerBuilder().withName("app")
            .withImage(KubernetesManifests.image(version)).withArgs(withConfig)
            .addNewEnvFrom().withNewSecretRef().withName(KubernetesManifests.SECRET)
            .endSecretRef().endEnvFrom().withVolumeMounts(KubernetesVolumes.appMounts()).build();
        return await(create(args.get(0) + "-" + args.get(args.size() - 1), c, false));
    }

    /** A mysqldump onto the snapshots volume; returns the snapshot's name. */
    String dump() {
        String name = "snapshot-" + Instant.now().getEpochSecond();
        check(await(create(name, mysqlClient("mysqldump -h mysql -uroot --single-transaction"
            + " --routines --events --triggers --hex-blob \"$DB_NAME\" > /snapshots/" + name
            + ".sql"), true)), "database snapshot");
        return name;
    }

    void load(String name) {
        check(await(create("restore-" + name, mysqlClient("mysql -h mysql -uroot \"$DB_NAME\""
            + " < /snapshots/" + name + ".sql"), true)), "database restore");
    }

    private Container mysqlClient(String script) {
        return new ContainerBuilder().withName("mysql").withImage("mysql:8.4")
            .withCommand("sh", "-c", script)
            .withEnv(KubernetesManifests.fromSecret("MYSQL_PWD", "MYSQL_ROOT_PASSWORD"),
                KubernetesManifests.fromSecret("DB_NAME", "DB_NAME"))
            .addNewVolumeMount().withName("snapshots").withMountPath("/snapshots")
            .endVolumeMount().build();
    }

    private String create(String purpose, Container c, boolean snapshots) {
        String name = (purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
            + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        name = name.length() > 60 ? name.substring(name.length() - 60) : name;
        name = name.replaceAll("^[^a-z]+", "j");
        if (snapshots) {
            client.persistentVolumeClaims().inNamespace(tenant.namespace()).resource(
                new PersistentVolumeClaimBuilder().withNewMetadata().withName(SNAPSHOTS)
                    .withNamespace(tenant.namespace()).endMetadata().withNewSpec()
                    .withAccessModes("ReadWriteOnce").withNewResources()
                    .addToRequests("storage", new Quantity("10Gi")).endResources().endSpec()
                    .build()).createOr(NonDeletingOperation::update);
        }
        JobBuilder job = new JobBuilder();
        var spec = job.withNewMetadata().withName(name).withNamespace(tenant.namespace())
            .endMetadata().withNewSpec().withBackoffLimit(0).withTtlSecondsAfterFinished(86400)
            .withNewTemplate().withNewMetadata()
            .addToLabels(KubernetesManifests.CLIENT_LABEL, "true").addToLabels("job-name", name)
            .endMetadata().withNewSpec().withRestartPolicy("Never").withContainers(c);
        if (!snapshots) {
            // The app's commands see its media and backup repository as the app does.
            spec.addNewVolume().withName(KubernetesVolumes.DATA).withNewPersistentVolumeClaim()
                .withClaimName(KubernetesVolumes.DATA).endPersistentVolumeClaim().endVolume()
                .addNewVolume().withName(KubernetesVolumes.BACKUPS).withNewPersistentVolumeClaim()
                .withClaimName(KubernetesVolumes.BACKUPS).endPersistentVolumeClaim().endVolume();
        } else {
            spec.addNewVolume().withName("snapshots").withNewPersistentVolumeClaim()
                .withClaimName(SNAPSHOTS).endPersistentVolumeClaim().endVolume();
        }
        client.batch().v1().jobs().inNamespace(tenant.namespace())
            .resource(spec.endSpec().endTemplate().endSpec().build()).create();
        return name;
    }

    private Driver.AppRun await(String name) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Job job = client.batch().v1().jobs().inNamespace(tenant.namespace()).withName(name)
                .get();
            JobStatus status = job == null ? null : job.getStatus();
            if (status != null && positive(status.getSucceeded())) {
                return new Driver.AppRun(0, logs(name));
            }
            if (status != null && positive(status.getFailed())) {
                return new Driver.AppRun(1, logs(name) + "\nJob " + name + " failed");
            }
            LocalRedis.sleep(300);
        }
        throw new Failed("Job " + name + " did not finish in " + TIMEOUT_MILLIS / 1000 + " s");
    }

    private String logs(String job) {
        StringBuilder out = new StringBuilder();
        for (Pod pod : client.pods().inNamespace(tenant.namespace()).withLabel("job-name", job)
            .list().getItems()) {
            try {
                // The Job has finished, so its pod has too: read the log straight away, where
                // the client's getLog would first watch the pod for readiness.
                String log = client.raw(client.getMasterUrl().toString().replaceAll("/$", "")
                    + "/api/v1/namespaces/" + tenant.namespace() + "/pods/"
                    + pod.getMetadata().getName() + "/log");
                out.append(log == null ? "" : log);
            } catch (RuntimeException e) {
                out.append("(no log from ").append(pod.getMetadata().getName()).append(")\n");
            }
        }
        return out.toString();
    }

    private static boolean positive(Integer n) {
        return n != null && n > 0;
    }

    private static void check(Driver.AppRun run, String what) {
        if (!run.ok()) {
            throw new Failed(what + " failed: " + run.tail());
        }
    }
}
