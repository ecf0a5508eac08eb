package com.balcao.provisioner.driver;

import com.balcao.provisioner.tenant.Tenant;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tenant's objects in its own namespace: Secret, MySQL (StatefulSet + PVC), Redis, the app
 * Deployment (probes on the admin port) with its media and backup claims, Service, Ingress with
 * cert-manager TLS, network policies and a quota. Built as objects so the client applies them
 * and tests inspect them.
 */
public final class KubernetesManifests {
    static final String SECRET = "balcao-env";
    static final String NAME_LABEL = "app.kubernetes.io/name";
    /** On the app's pods and Jobs: the only pods the policies let reach MySQL and Redis. */
    static final String CLIENT_LABEL = "balcao.com/db-client";
    static final String TENANT_LABEL = "balcao.com/tenant";
    /** The ClusterIssuer cert-manager uses for every tenant's certificate. */
    static final String CLUSTER_ISSUER = System.getenv().getOrDefault("BALCAO_CLUSTER_ISSUER",
        "letsencrypt");
    static final String INGRESS_NAMESPACE = System.getenv().getOrDefault(
        "BALCAO_INGRESS_NAMESPACE", "ingress-nginx");
    private final Tenant t;

    public KubernetesManifests(Tenant tenant) {
        this.t = tenant;
    }

    /** Everything but the app, which {@link #app} makes for a given release and size. */
    public List<HasMetadata> base(Map<String, String> env) {
        List<HasMetadata> all = new ArrayList<>();
        all.add(namespace());
        all.add(secret(env));
        all.add(quota());
        KubernetesVolumes volumes = new KubernetesVolumes(t.namespace());
        all.addAll(volumes.claims());
        all.add(volumes.mysqlInit(env));
        all.add(service("mysql", 3306, 3306, true));
        all.add(mysql());
        all.add(service("redis", 6379, 6379, false));
        all.add(redis());
        all.add(service("app", 80, 8080, false));
        all.add(ingress());
        all.addAll(KubernetesPolicies.all(t.namespace(), INGRESS_NAMESPACE));
        return all;
    }

    public Namespace namespace() {
        return new NamespaceBuilder().withNewMetadata().withName(t.namespace())
            .addToLabels(TENANT_LABEL, t.slug).endMetadata().build();
    }

    Secret secret(Map<String, String> env) {
        return new SecretBuilder().withNewMetadata().withName(SECRET).withNamespace(t.namespace())
            .endMetadata().withType("Opaque").withStringData(env).build();
    }

    ResourceQuota quota() {
        return new ResourceQuotaBuilder().withNewMetadata().withName("tenant-quota")
            .withNamespace(t.namespace()).endMetadata().withNewSpec()
            .addToHard("requests.cpu", new Quantity("4"))
            .addToHard("requests.memory", new Quantity("8Gi"))
            .addToHard("limits.cpu", new Quantity("8"))
            .addToHard("limits.memory", new Quantity("12Gi"))
            .addToHard("persistentvolumeclaims", new Quantity("6"))
            .addToHard("requests.storage", new Quantity("120Gi"))
            .addToHard("pods", new Quantity("30"))
            .endSpec().build();
    }

    Service service(String name, int port, int targetPort, boolean headless) {
        ServiceBuilder b = new ServiceBuilder();
        var spec = b.withNewMetadata().withName(name).withNamespace(t.namespace()).endMetadata()
            .withNewSpec().addToSelector(NAME_LABEL, name).addNewPort().withName(name)
            .withPort(port).withTargetPort(new IntOrString(targetPort)).endPort();
        if (headless) {
            spec.withClusterIP("None");
        }
        return spec.endSpec().build();
    }

    StatefulSet mysql() {
        Container c = new ContainerBuilder().withName("mysql").withImage("mysql:8.4")
            .withArgs("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci")
            .withEnv(fromSecret("MYSQL_DATABASE", "DB_NAME"), fromSecret("MYSQL_USER", "DB_USER"),
                fromSecret("MYSQL_PASSWORD", "DB_PASSWORD"),
                fromSecret("MYSQL_ROOT_PASSWORD", "MYSQL_ROOT_PASSWORD"))
            .addNewPort().withContainerPort(3306).withName("mysql").endPort()
            .addNewVolumeMount().withName("data").withMountPath("/var/lib/mysql").endVolumeMount()
            .addNewVolumeMount().withName(KubernetesVolumes.MYSQL_INIT)
            .withMountPath("/docker-entrypoint-initdb.d").withReadOnly(true).endVolumeMount()
            .withReadinessProbe(new ProbeBuilder().withNewExec().withCommand("sh", "-c",
                "MYSQL_PWD=\"$MYSQL_ROOT_PASSWORD\" mysqladmin ping -h 127.0.0.1 -uroot")
                .endExec().withPeriodSeconds(10).build())
            .withResources(resources("500m", "1Gi", "2", "2Gi")).build();
        return new StatefulSetBuilder().withNewMetadata().withName("mysql")
            .withNamespace(t.namespace()).endMetadata().withNewSpec().withServiceName("mysql")
            .withReplicas(1).withNewSelector().addToMatchLabels(NAME_LABEL, "mysql").endSelector()
            .withNewTemplate().withNewMetadata().addToLabels(NAME_LABEL, "mysql").endMetadata()
            .withNewSpec().withContainers(c).addNewVolume().withName(KubernetesVolumes.MYSQL_INIT)
            .withNewConfigMap().withName(KubernetesVolumes.MYSQL_INIT).endConfigMap().endVolume()
            .endSpec().endTemplate()
            .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata()
            .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
            .addToRequests("storage", new Quantity("20Gi")).endResources().endSpec()
            .endVolumeClaimTemplate().endSpec().build();
    }

    Deployment redis() {
        Container c = new ContainerBuilder().withName("redis").withImage("redis:7-alpine")
            .withCommand("sh", "-c", "exec redis-server --requirepass \"$REDIS_PASSWORD\"")
            .withEnv(fromSecret("REDIS_PASSWORD", "REDIS_PASSWORD"),
                fromSecret("REDISCLI_AUTH", "REDIS_PASSWORD"))
            .addNewPort().withContainerPort(6379).withName("redis").endPort()
            .withReadinessProbe(new ProbeBuilder().withNewExec().withCommand("sh", "-c",
                "redis-cli ping | grep -q PONG").endExec().withPeriodSeconds(10).build())
            .withResources(resources("100m", "128Mi", "500m", "256Mi")).build();
        return deployment("redis", 1, c, List.of());
    }

    /** The app at one release; migrations run in a one-shot Job before this is applied. */
    public Deployment app(String version, int replicas) {
        Probe probe = new ProbeBuilder().withNewHttpGet().withPath("/healthcheck")
            .withPort(new IntOrString("admin")).endHttpGet().withPeriodSeconds(10)
            .withTimeoutSeconds(5).build();
        Container c = new ContainerBuilder().withName("app").withImage(image(version))
            .withArgs("server", "/app/config.yml")
            .addNewEnvFrom().withNewSecretRef().withName(SECRET).endSecretRef().endEnvFrom()
            .addNewPort().withContainerPort(8080).withName("http").endPort()
            .addNewPort().withContainerPort(8081).withName("admin").endPort()
            .withReadinessProbe(probe)
            // Alive is not ready: a database outage must not restart every pod.
            .withLivenessProbe(new ProbeBuilder(probe).editHttpGet().withPath("/ping")
                .endHttpGet().withInitialDelaySeconds(90).withFailureThreshold(3).build())
            .withVolumeMounts(KubernetesVolumes.appMounts())
            .withResources(resources("250m", "768Mi", "2", "1Gi")).build();
        Deployment d = deployment("app", replicas, c, List.of());
        d.getSpec().getTemplate().getMetadata().getLabels().put(CLIENT_LABEL, "true");
        KubernetesVolumes.addAppVolumes(d.getSpec().getTemplate().getSpec());
        return d;
    }

    Ingress ingress() {
        return new IngressBuilder().withNewMetadata().withName("app").withNamespace(t.namespace())
            .addToAnnotations("cert-manager.io/cluster-issuer", CLUSTER_ISSUER).endMetadata()
            .withNewSpec().withIngressClassName("nginx")
            .addNewTl().withHosts(t.domain).withSecretName("tls-" + t.slug).endTl()
            .addNewRule().withHost(t.domain).withNewHttp().addNewPath().withPath("/")
            .withPathType("Prefix").withNewBackend().withNewService().withName("app")
            .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
            .endHttp().endRule().endSpec().build();
    }

    static String image(String version) {
        return "balcao/app:" + version;
    }

    Deployment deployment(String name, int replicas, Container c, List<Container> init) {
        return new DeploymentBuilder().withNewMetadata().withName(name)
            .withNamespace(t.namespace()).endMetadata().withNewSpec().withReplicas(replicas)
            .withNewSelector().addToMatchLabels(NAME_LABEL, name).endSelector()
            .withNewTemplate().withNewMetadata().addToLabels(NAME_LABEL, name).endMetadata()
            .withNewSpec().withInitContainers(init).withContainers(c).endSpec().endTemplate()
            .endSpec().build();
    }

    static EnvVar fromSecret(String name, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
            .withName(SECRET).withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    static ResourceRequirements resources(String cpu, String memory, String cpuLimit,
                                          String memoryLimit) {
        return new ResourceRequirementsBuilder()
            .addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity(memory))
            .addToLimits("cpu", new Quantity(cpuLimit))
            .addToLimits("memory", new Quantity(memoryLimit)).build();
    }
}
