package com.balcao.provisioner.driver;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.List;

/**
 * Default deny for everything entering the namespace; then only the ingress controller reaches
 * the app's HTTP port, and only the app reaches MySQL and Redis.
 */
final class KubernetesPolicies {
    private KubernetesPolicies() {
    }

    static List<NetworkPolicy> all(String namespace, String ingressNamespace) {
        NetworkPolicy deny = new NetworkPolicyBuilder().withNewMetadata().withName("default-deny")
            .withNamespace(namespace).endMetadata().withNewSpec().withNewPodSelector()
            .endPodSelector().withPolicyTypes("Ingress").endSpec().build();
        NetworkPolicy ingressToApp = new NetworkPolicyBuilder().withNewMetadata()
            .withName("allow-ingress-to-app").withNamespace(namespace).endMetadata()
            .withNewSpec().withNewPodSelector()
            .addToMatchLabels(KubernetesManifests.NAME_LABEL, "app").endPodSelector()
            .withPolicyTypes("Ingress").addNewIngress().addNewFrom().withNewNamespaceSelector()
            .addToMatchLabels("kubernetes.io/metadata.name", ingressNamespace)
            .endNamespaceSelector().endFrom().addNewPort().withProtocol("TCP")
            .withPort(new IntOrString(8080)).endPort().endIngress().endSpec().build();
        return List.of(deny, ingressToApp, fromApp(namespace, "mysql", 3306),
            fromApp(namespace, "redis", 6379));
    }

    private static NetworkPolicy fromApp(String namespace, String target, int port) {
        // The app's pods and its one-shot Jobs (migrations, backups) carry the client label.
        return new NetworkPolicyBuilder().withNewMetadata().withName("allow-app-to-" + target)
            .withNamespace(namespace).endMetadata().withNewSpec().withNewPodSelector()
            .addToMatchLabels(KubernetesManifests.NAME_LABEL, target).endPodSelector()
            .withPolicyTypes("Ingress").addNewIngress().addNewFrom().withNewPodSelector()
            .addToMatchLabels(KubernetesManifests.CLIENT_LABEL, "true").endPodSelector().endFrom()
            .addNewPort().withProtocol("TCP").withPort(new IntOrString(port)).endPort()
            .endIngress().endSpec().build();
    }
}
