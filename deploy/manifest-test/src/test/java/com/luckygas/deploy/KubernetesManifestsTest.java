package com.luckygas.deploy;

import static com.luckygas.deploy.Repo.list;
import static com.luckygas.deploy.Repo.map;
import static com.luckygas.deploy.Repo.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** deploy/k8s/base (kustomize): a Deployment and Service per service, the importer Job. */
class KubernetesManifestsTest {

    static final List<String> SERVICES = Repo.SERVICES;

    /** Every document of every resource the kustomization lists, by kind/name. */
    static Map<String, Map<String, Object>> resources() {
        Map<String, Object> kustomization = Repo.yaml("deploy/k8s/base/kustomization.yaml");
        Map<String, Map<String, Object>> byName = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<String> files = (List<String>) kustomization.get("resources");
        for (String file : files) {
            assertTrue(Files.exists(Repo.path("deploy/k8s/base/" + file)), "kustomization lists a missing " + file);
            for (Map<String, Object> doc : Repo.yamlDocuments("deploy/k8s/base/" + file)) {
                String key = doc.get("kind") + "/" + map(doc, "metadata").get("name");
                assertTrue(byName.put(key, doc) == null, key + " is defined twice");
            }
        }
        return byName;
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void deploymentAndServiceAgreeWithTheService(String module) {
        Repo.ServiceConfig service = Repo.service(module);
        Map<String, Map<String, Object>> all = resources();
        String where = "deploy/k8s/base Deployment/" + module;
        Map<String, Object> deployment = all.get("Deployment/" + service.applicationName());
        assertTrue(deployment != null, "no Deployment " + service.applicationName());
        Map<String, Object> podSpec = map(deployment, "spec", "template", "spec");
        Map<String, Object> container = ContainerChecks.onlyContainer(podSpec, where);
        ContainerChecks.checkImage(service, container, where);
        int port = ContainerChecks.checkPort(service, container, where);
        ContainerChecks.checkProbe(container, "startupProbe", Set.of("/q/health/started"), port, where);
        ContainerChecks.checkProbe(container, "livenessProbe", Set.of("/q/health/live"), port, where);
        ContainerChecks.checkProbe(container, "readinessProbe", Set.of("/q/health/ready"), port, where);
        ContainerChecks.checkEnv(service, container, where);
        // settings taken from the ConfigMap exist there
        Map<String, Object> config = map(all.get("ConfigMap/luckygas-config"), "data");
        for (Map<String, Object> e : list(container, "env")) {
            if (e.get("valueFrom") instanceof Map<?, ?> from && from.containsKey("configMapKeyRef")) {
                String key = str(map(e, "valueFrom", "configMapKeyRef"), "key");
                assertTrue(config.containsKey(key), where + ": ConfigMap has no " + key);
            }
        }

        Map<String, Object> svc = all.get("Service/" + service.applicationName());
        assertTrue(svc != null, "no Service " + service.applicationName());
        assertEquals(map(deployment, "spec", "selector", "matchLabels"), map(svc, "spec", "selector"), module + ": Service selects the pods");
        Map<String, Object> svcPort = list(map(svc, "spec"), "ports").get(0);
        assertEquals("http", svcPort.get("name"));
        assertEquals(str(list(container, "ports").get(0), "name"), str(svcPort, "targetPort"), module + ": Service targets the container port");
    }

    @Test
    void servicesCallEachOtherThroughTheirClusterServices() {
        Map<String, Map<String, Object>> all = resources();
        Map<String, Object> config = map(all.get("ConfigMap/luckygas-config"), "data");
        for (String key : List.of("LUCKYGAS_AUTH_URL", "LUCKYGAS_CUSTOMER_URL", "LUCKYGAS_DELIVERY_URL", "LUCKYGAS_AUTH_JWKS_URL")) {
            String url = str(config, key);
            String host = url.replaceFirst("^http://", "").replaceFirst("/.*$", "");
            assertTrue(all.containsKey("Service/" + host), key + "=" + url + " names no Service");
        }
    }

    @Test
    void importerJobIsThere() {
        Map<String, Object> job = resources().get("Job/importer");
        assertTrue(job != null, "no Job importer");
        assertEquals(Boolean.TRUE, map(job, "spec").get("suspend"), "the import runs when started, not on apply");
        Map<String, Object> podSpec = map(job, "spec", "template", "spec");
        ImporterChecks.check(ContainerChecks.onlyContainer(podSpec, "Job/importer"), podSpec, "deploy/k8s/base Job/importer");
    }

    /** Proofs of delivery are kept on a volume that outlives the pod, mounted where the folder store writes. */
    @Test
    void deliveryServiceKeepsProofsOnItsVolume() {
        Map<String, Object> deployment = resources().get("Deployment/delivery-service");
        Map<String, Object> podSpec = map(deployment, "spec", "template", "spec");
        Map<String, Object> container = ContainerChecks.onlyContainer(podSpec, "Deployment/delivery-service");
        String folder = Repo.str(ContainerChecks.envByName(container, "delivery-service").get("LUCKYGAS_STORAGE_FOLDER"), "value");
        Map<String, Object> mount = Repo.list(container, "volumeMounts").stream().filter(m -> folder.equals(m.get("mountPath")))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + folder));
        Map<String, Object> volume = Repo.list(podSpec, "volumes").stream().filter(v -> mount.get("name").equals(v.get("name")))
                .findFirst().orElseThrow();
        String claim = Repo.str(map(volume, "persistentVolumeClaim"), "claimName");
        assertTrue(resources().containsKey("PersistentVolumeClaim/" + claim), "no claim " + claim);
    }

    @Test
    void everyKindIsAccountedFor() {
        List<String> kinds = new ArrayList<>(resources().keySet());
        kinds.sort(null);
        assertEquals(List.of("ConfigMap/ingress-problems", "ConfigMap/luckygas-config", "Deployment/auth-service",
                "Deployment/customer-service", "Deployment/delivery-service", "Deployment/ingress-problems", "Deployment/route-service",
                "Ingress/luckygas", "Job/importer", "PersistentVolumeClaim/delivery-proofs", "Service/auth-service",
                "Service/customer-service", "Service/delivery-service", "Service/ingress-problems", "Service/route-service"), kinds);
    }

    /**
     * ingress-nginx's own 502/504 (and a path whose Service has no ready endpoint, 503) go to ingress-problems, an nginx answering the ingress's problem for the
     * code it is passed (X-Code): the Ingress names it for those codes, its Service selects its pods and reaches
     * their port, its configuration is mounted where nginx reads it. (What the configuration answers:
     * deploy/e2e/api-test runs it.)
     */
    @Test
    void ingressNginxRefusalsGoToTheProblemsBackend() {
        Map<String, Map<String, Object>> all = resources();
        Map<String, Object> annotations = map(all.get("Ingress/luckygas"), "metadata", "annotations");
        assertEquals("ingress-problems", annotations.get("nginx.ingress.kubernetes.io/default-backend"));
        assertEquals("502,504", annotations.get("nginx.ingress.kubernetes.io/custom-http-errors"),
                "only codes no service answers (a service's own problems pass untouched)");
        assertEquals("10m", annotations.get("nginx.ingress.kubernetes.io/proxy-body-size"), "bodies as the local ingress takes them");
        assertEquals("20", annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"), "a 504 after 20 s, as locally");
        Map<String, Object> deployment = all.get("Deployment/ingress-problems");
        Map<String, Object> podSpec = map(deployment, "spec", "template", "spec");
        Map<String, Object> container = ContainerChecks.onlyContainer(podSpec, "Deployment/ingress-problems");
        assertEquals(map(deployment, "spec", "selector", "matchLabels"), map(all.get("Service/ingress-problems"), "spec", "selector"));
        assertTrue(map(deployment, "spec", "selector", "matchLabels").entrySet().stream()
                        .allMatch(e -> e.getValue().equals(map(deployment, "spec", "template", "metadata", "labels").get(e.getKey()))),
                "the pods carry the selected labels");
        @SuppressWarnings("unchecked")
        Map<String, Object> port = ((List<Map<String, Object>>) map(all.get("Service/ingress-problems"), "spec").get("ports")).get(0);
        assertEquals("http", port.get("targetPort"));
        @SuppressWarnings("unchecked")
        Map<String, Object> containerPort = ((List<Map<String, Object>>) container.get("ports")).get(0);
        assertEquals("http", containerPort.get("name"));
        String conf = str(map(all.get("ConfigMap/ingress-problems"), "data"), "default.conf");
        assertTrue(conf.contains("listen " + containerPort.get("containerPort") + ";"), conf);
        @SuppressWarnings("unchecked")
        Map<String, Object> mount = ((List<Map<String, Object>>) container.get("volumeMounts")).get(0);
        assertEquals("/etc/nginx/conf.d/default.conf", mount.get("mountPath"));
        for (String code : List.of("502", "504", "503")) {
            assertTrue(conf.contains("$http_x_code = \"" + code + "\""), code + " answered: " + conf);
        }
    }
}
