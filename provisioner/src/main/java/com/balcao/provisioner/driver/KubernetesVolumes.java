package com.balcao.provisioner.driver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import java.util.Map;

/**
 * The app's volumes, shared by its replicas and its one-shot Jobs: the media folder and the
 * backup repository, each a ReadWriteMany claim (a Job or another replica may run on any node).
 * Plus the script that lets the app's database user verify backups in a scratch database.
 */
final class KubernetesVolumes {
    static final String DATA = "data";
    static final String BACKUPS = "backups";
    static final String REPOSITORY = "/backups/repository";
    static final String MYSQL_INIT = "mysql-init";
    /** A storage class with ReadWriteMany (NFS, CephFS, EFS…); the cluster's default if unset. */
    static final String STORAGE_CLASS = System.getenv("BALCAO_SHARED_STORAGE_CLASS");
    private final String namespace;

    KubernetesVolumes(String namespace) {
        this.namespace = namespace;
    }

    List<PersistentVolumeClaim> claims() {
        return List.of(claim(DATA, "20Gi"), claim(BACKUPS, "40Gi"));
    }

    private PersistentVolumeClaim claim(String name, String size) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name)
            .withNamespace(namespace).endMetadata().withNewSpec()
            .withAccessModes("ReadWriteMany").withStorageClassName(STORAGE_CLASS)
            .withNewResources().addToRequests("storage", new Quantity(size)).endResources()
            .endSpec().build();
    }

    /** Run once by MySQL's first start, as the compose stack's mysql-init folder is. */
    ConfigMap mysqlInit(Map<String, String> env) {
        String db = env.getOrDefault("DB_NAME", "balcao").replace("_", "\\_");
        return new ConfigMapBuilder().withNewMetadata().withName(MYSQL_INIT)
            .withNamespace(namespace).endMetadata()
            .addToData("10-scratch-grants.sql", "GRANT ALL PRIVILEGES ON `" + db
                + "\\_scratch%`.* TO '" + env.getOrDefault("DB_USER", "balcao") + "'@'%';\n")
            .build();
    }

    /** Where the app's container sees the media and the repository (BACKUP_REPOSITORY). */
    static List<VolumeMount> appMounts() {
        return List.of(mount(DATA, "/data"), mount(BACKUPS, "/backups"));
    }

    /** Adds the claims behind {@link #appMounts} to a pod. */
    static void addAppVolumes(PodSpec pod) {
        for (String claim : List.of(DATA, BACKUPS)) {
            pod.getVolumes().add(new VolumeBuilder().withName(claim)
                .withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim()
                .build());
        }
    }

    static VolumeMount mount(String name, String path) {
        return new VolumeMountBuilder().withName(name).withMountPath(path).build();
    }
}
