package com.balcao.provisioner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.provisioner.Cli;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create --driver kubernetes --render-only} writes manifests without a cluster; each
 * parses into its API type with no unknown field, names are valid, and the objects refer to
 * each other correctly (selectors, probe ports, ingress backend, policies).
 */
class KubernetesRenderTest {
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
        "Namespace", Namespace.class, "Secret", Secret.class, "ResourceQuota",
        ResourceQuota.class, "Service", Service.class, "StatefulSet", StatefulSet.class,
        "Deployment", Deployment.class, "Ingress", Ingress.class, "NetworkPolicy",
        NetworkPolicy.class, "PersistentVolumeClaim", PersistentVolumeClaim.class, "ConfigMap",
        ConfigMap.class);
    @TempDir
    Path home;

    @Test
    void renderedManifestsAreValidAndConsistent() throws Exception {
        Cli.Result r = new Cli(home).run("create", "estudio", "--driver", "kubernetes",
            "--render-only", "--domain", "unhas.estudio.com", "--niche", "manicure",
            "--admin-email", "a@estudio.com", "--version", "2.0.0", "--replicas", "3");
        assertThat(r.exit()).as(r.toString()).isZero();
        Map<String, List<HasMetadata>> byKind = new HashMap<>();
        try (Stream<Path> files = Files.list(home.resolve("estudio").resolve("kubernetes"))) {
            for (Path file : files.sorted().toList()) {
                HasMetadata object = parse(Files.readString(file));
                byKind.computeIfAbsent(object.getKind(), k -> new ArrayList<>()).add(object);
            }
        }
        assertThat(byKind.keySet()).containsExactlyInAnyOrderElementsOf(TYPES.keySet());
        assertThat(byKind.get("NetworkPolicy")).hasSize(4);

        Deployment app = workload(byKind, "app", Deployment.class);
        assertThat(app.getSpec().getReplicas()).isEqualTo(3);
        Container c = app.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getImage()).isEqualTo("balcao/app:2.0.0");
        assertThat(c.getPorts()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("admin"));
        assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("admin");
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/healthcheck");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/ping");
        assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");

        for (HasMetadata s : byKind.get("Service")) {
            Map<String, String> selector = ((Service) s).getSpec().getSelector();
            assertThat(templates(byKind)).as("a workload for service " + s.getMetadata()
                .getName()).anySatisfy(t -> assertThat(t.getMetadata().getLabels())
                    .containsAllEntriesOf(selector));
        }
        Ingress ingress = (Ingress) byKind.get("Ingress").get(0);
        assertThat(ingress.getMetadata().getAnnotations()).containsKey(
            "cert-manager.io/cluster-issuer");
        assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly(
            "unhas.estudio.com");
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend()
            .getService().getName()).isEqualTo("app");
        for (HasMetadata p : byKind.get("NetworkPolicy")) {
            NetworkPolicy policy = (NetworkPolicy) p;
            Map<String, String> target = policy.getSpec().getPodSelector().getMatchLabels();
            if (target == null || target.isEmpty()) {
                assertThat(policy.getSpec().getIngress()).as("default deny").isNullOrEmpty();
            } else {
                assertThat(templates(byKind)).anySatisfy(t -> assertThat(t.getMetadata()
                    .getLabels()).containsAllEntriesOf(target));
            }
        }
        Secret secret = (Secret) byKind.get("Secret").get(0);
        assertThat(secret.getStringData()).containsKeys("DB_PASSWORD", "REDIS_PASSWORD",
            "JWT_SECRET", "MYSQL_ROOT_PASSWORD").containsEntry("ADMIN_BIND_HOST", "0.0.0.0");

        // Backups: the repository on a claim the app and its Jobs mount, the key beside it,
        // and MySQL lets the app's user verify backups in a scratch database.
        assertThat(secret.getStringData()).containsEntry("BACKUP_REPOSITORY",
            "/backups/repository").containsKey("BACKUP_PASSWORD");
        assertThat(c.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/backups");
            assertThat(app.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(v -> {
                assertThat(v.getName()).isEqualTo(m.getName());
                assertThat(byKind.get("PersistentVolumeClaim")).extracting(pvc -> pvc
                    .getMetadata().getName()).contains(v.getPersistentVolumeClaim()
                    .getClaimName());
            });
        });
        assertThat(byKind.get("PersistentVolumeClaim")).allSatisfy(pvc -> assertThat(
            ((PersistentVolumeClaim) pvc).getSpec().getAccessModes())
            .as("replicas and Jobs on any node").containsExactly("ReadWriteMany"));
        StatefulSet mysql = workload(byKind, "mysql", StatefulSet.class);
        assertThat(mysql.getSpec().getTemplate().getSpec().getContainers().get(0)
            .getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath())
                .isEqualTo("/docker-entrypoint-initdb.d"));
        ConfigMap init = (ConfigMap) byKind.get("ConfigMap").get(0);
        assertThat(init.getData().values()).singleElement().asString()
            .contains("GRANT ALL PRIVILEGES ON `balcao\\_scratch%`.* TO 'balcao'@'%'");
    }

    private static HasMetadata parse(String yaml) {
        Map<?, ?> raw = Serialization.unmarshal(yaml, Map.class);
        String kind = (String) raw.get("kind");
        assertThat(TYPES).as("known kind " + kind).containsKey(kind);
        HasMetadata object = Serialization.unmarshal(yaml, TYPES.get(kind));
        assertThat(object.getApiVersion()).isNotBlank();
        assertThat(object.getMetadata().getName()).matches(DNS_LABEL);
        if (!kind.equals("Namespace")) {
            assertThat(object.getMetadata().getNamespace()).isEqualTo("tenant-estudio");
        }
        assertThat(Serialization.asYaml(object)).as("no field outside the API type")
            .isEqualTo(Serialization.asYaml(Serialization.unmarshal(yaml, Map.class)));
        return object;
    }

    private static <T> T workload(Map<String, List<HasMetadata>> byKind, String name,
                                  Class<T> type) {
        return type.cast(byKind.get(type.getSimpleName()).stream()
            .filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElseThrow());
    }

    private static List<PodTemplateSpec> templates(Map<String, List<HasMetadata>> byKind) {
        List<PodTemplateSpec> all = new ArrayList<>();
        byKind.get("Deployment").forEach(d -> all.add(((Deployment) d).getSpec().getTemplate()));
        byKind.get("StatefulSet").forEach(s -> all.add(((StatefulSet) s).getSpec()
            .getTemplate()));
        return all;
    }
}
