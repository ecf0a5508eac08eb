package com.balcao.provisioner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.provisioner.Cli;
import com.balcao.provisioner.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes driver through the CLI against fabric8's mock API server in CRUD mode, the
 * CLI finding the "cluster" the way it finds a real one (client configuration properties).
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesDriverTest {
    private static final String NS = "tenant-garagem";
    KubernetesClient client;
    KubernetesMockServer server;
    @TempDir
    Path home;
    private FakeCluster cluster;
    private Cli cli;

    @BeforeEach
    void pointTheCliAtTheMockServer() {
        System.setProperty("kubernetes.master", client.getMasterUrl().toString());
        System.setProperty("kubernetes.trust.certificates", "true");
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        cluster = new FakeCluster(client, server);
        cli = new Cli(home);
    }

    @AfterEach
    void stop() throws InterruptedException {
        cluster.close();
        for (String p : List.of("kubernetes.master", "kubernetes.trust.certificates",
            "kubernetes.auth.tryKubeConfig", "kubernetes.auth.tryServiceAccount")) {
            System.clearProperty(p);
        }
    }

    @Test
    void createListUpgradeRollBackAndDestroy() throws Exception {
        Cli.Result create = cli.run("create", "garagem", "--driver", "kubernetes", "--domain",
            "atendimento.garagem.com.br", "--niche", "oficina", "--admin-email",
            "dono@garagem.com.br", "--version", "1.0.0", "--replicas", "2");
        assertThat(create.exit()).as(create.toString()).isZero();
        assertThat(create.out()).contains("Admin password:    Kx7pQ2mZr9Lw");
        assertThat(client.namespaces().withName(NS).get()).isNotNull();
        assertThat(client.secrets().inNamespace(NS).withName("balcao-env").get()).isNotNull();
        assertThat(client.apps().statefulSets().inNamespace(NS).withName("mysql").get()
            .getSpec().getVolumeClaimTemplates()).hasSize(1);
        assertThat(client.network().v1().networkPolicies().inNamespace(NS).list().getItems())
            .extracting(p -> p.getMetadata().getName()).contains("default-deny",
                "allow-ingress-to-app", "allow-app-to-mysql", "allow-app-to-redis");
        assertThat(client.resourceQuotas().inNamespace(NS).list().getItems()).hasSize(1);
        assertThat(client.network().v1().ingresses().inNamespace(NS).withName("app").get()
            .getMetadata().getAnnotations()).containsKey("cert-manager.io/cluster-issuer");
        assertThat(app().getSpec().getReplicas()).isEqualTo(2);
        assertThat(client.secrets().inNamespace(NS).withName("balcao-env").get().getStringData())
            .containsEntry("BACKUP_REPOSITORY", "/backups/repository")
            .containsKey("BACKUP_PASSWORD");
        assertThat(create.out()).contains("Taking the first verified backup… ok");

        JsonNode list = new ObjectMapper().readTree(cli.run("list", "--json").out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("healthy").asBoolean()).isTrue();
        assertThat(list.get(0).get("driver").asText()).isEqualTo("kubernetes");

        Cli.Result upgrade = cli.run("upgrade", "garagem", "--version", "1.1.0",
            "--skip-backup");
        assertThat(upgrade.exit()).as(upgrade.toString()).isZero();
        assertThat(image()).isEqualTo("balcao/app:1.1.0");
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems())
            .anySatisfy(j -> assertThat(j.getSpec().getTemplate().getSpec().getContainers()
                .get(0).getArgs()).containsExactly("db", "migrate", "/app/config.yml"));

        Cli.Result broken = cli.run("upgrade", "garagem", "--version", "1.2.0-broken",
            "--skip-backup");
        assertThat(broken.exit()).as(broken.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(broken.err()).contains("rolled back to 1.1.0");
        assertThat(image()).isEqualTo("balcao/app:1.1.0");
        assertThat(app().getSpec().getReplicas()).isEqualTo(2);
        assertThat(cli.run("status", "garagem").exit()).isZero();

        Cli.Result destroy = cli.run("destroy", "garagem", "--yes");
        assertThat(destroy.exit()).as(destroy.toString()).isZero();
        String volume = "pvc-" + NS + "-backups";
        assertThat(destroy.out()).contains("final backup 20261130-0300-3fa9 kept in "
            + "PersistentVolume " + volume);
        assertThat(client.namespaces().withName(NS).get()).isNull();
        PersistentVolume kept = client.persistentVolumes().withName(volume).get();
        assertThat(kept.getSpec().getPersistentVolumeReclaimPolicy()).as("outlives the claim")
            .isEqualTo("Retain");
        assertThat(kept.getMetadata().getLabels()).containsEntry("balcao.com/tenant", "garagem");
        Path archived = home.resolve(".archive").resolve("garagem").resolve("tenant.json");
        assertThat(new ObjectMapper().readTree(archived.toFile()).path("backupVolume").asText())
            .isEqualTo(volume);
        assertThat(cli.run("list", "--json").out().strip()).isEqualTo("[ ]");
    }

    @Test
    void suspendScalesTheAppAwaySoTheIngressAnswers503() {
        assertThat(cli.run("create", "garagem", "--driver", "kubernetes", "--domain",
            "atendimento.garagem.com.br", "--niche", "oficina", "--admin-email",
            "dono@garagem.com.br").exit()).isZero();
        assertThat(cli.run("suspend", "garagem").exit()).isZero();
        assertThat(app().getSpec().getReplicas()).isZero();
        assertThat(cli.run("resume", "garagem").exit()).isZero();
        assertThat(app().getSpec().getReplicas()).isEqualTo(1);
    }

    private Deployment app() {
        return client.apps().deployments().inNamespace(NS).withName("app").get();
    }

    private String image() {
        return app().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
}
