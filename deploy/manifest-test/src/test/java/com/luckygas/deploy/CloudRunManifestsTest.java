package com.luckygas.deploy;

import static com.luckygas.deploy.Repo.list;
import static com.luckygas.deploy.Repo.map;
import static com.luckygas.deploy.Repo.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** deploy/cloudrun: one Knative Service per service, scaled to zero, agreeing with the service. */
class CloudRunManifestsTest {

    static final List<String> SERVICES = Repo.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceManifestAgreesWithTheService(String module) {
        String file = "deploy/cloudrun/" + module + ".yaml";
        Repo.ServiceConfig service = Repo.service(module);
        Map<String, Object> svc = Repo.yaml(file);
        assertEquals("serving.knative.dev/v1", svc.get("apiVersion"), file);
        assertEquals("Service", svc.get("kind"), file);
        assertEquals(service.applicationName(), map(svc, "metadata").get("name"), file + ": name must be quarkus.application.name");

        Map<String, Object> template = map(svc, "spec", "template");
        Map<String, Object> annotations = map(template, "metadata", "annotations");
        assertEquals("0", str(annotations, "autoscaling.knative.dev/minScale"), file + ": scales to zero");
        int maxScale = Integer.parseInt(str(annotations, "autoscaling.knative.dev/maxScale"));
        assertTrue(maxScale >= 1 && maxScale <= 10, file + ": a sensible maximum, not " + maxScale);
        assertEquals("true", str(annotations, "run.googleapis.com/startup-cpu-boost"), file);
        assertTrue(str(annotations, "run.googleapis.com/cloudsql-instances").matches("[A-Za-z_-]+:[A-Za-z_-]+:[a-z0-9-]+"),
                file + ": Cloud SQL connection");

        Map<String, Object> spec = map(template, "spec");
        int concurrency = ((Number) spec.get("containerConcurrency")).intValue();
        assertTrue(concurrency > 0 && concurrency <= 80, file + ": containerConcurrency " + concurrency);
        Map<String, Object> container = ContainerChecks.onlyContainer(spec, file);
        ContainerChecks.checkImage(service, container, file);
        int port = ContainerChecks.checkPort(service, container, file);
        ContainerChecks.checkProbe(container, "startupProbe", Set.of("/q/health/started"), port, file);
        ContainerChecks.checkProbe(container, "livenessProbe", Set.of("/q/health/live", "/q/health/ready"), port, file);
        Map<String, Object> limits = map(container, "resources", "limits");
        assertNotNull(limits.get("cpu"), file + ": cpu limit");
        assertNotNull(limits.get("memory"), file + ": memory limit");
        ContainerChecks.checkEnv(service, container, file);
        checkMountedSecrets(container, spec, file);
    }

    /** A directory setting (the JWT keys) points at a volume mounted from Secret Manager. */
    private static void checkMountedSecrets(Map<String, Object> container, Map<String, Object> spec, String file) {
        var env = ContainerChecks.envByName(container, file);
        if (!env.containsKey("LUCKYGAS_JWT_KEYS_DIR")) {
            return;
        }
        String dir = str(env.get("LUCKYGAS_JWT_KEYS_DIR"), "value");
        Map<String, Object> mount = list(container, "volumeMounts").stream()
                .filter(m -> dir.equals(m.get("mountPath"))).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": nothing mounted at " + dir));
        Map<String, Object> volume = list(spec, "volumes").stream()
                .filter(v -> mount.get("name").equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no volume " + mount.get("name")));
        Map<String, Object> secret = map(volume, "secret");
        assertNotNull(secret.get("secretName"), file);
        for (Map<String, Object> item : list(secret, "items")) {
            assertTrue(str(item, "path").endsWith(".pem"), file + ": signing keys are <kid>.pem files");
            assertTrue(str(item, "key").matches("\\d+|latest"), file + ": a Secret Manager version");
        }
    }

    /**
     * In the cloud delivery-service keeps proofs of delivery in a Cloud Storage bucket: without one
     * it would write them to the container's disk, lost with the instance (docs/adr/0011).
     */
    @Test
    void deliveryServiceNamesItsProofBucket() {
        String file = "deploy/cloudrun/delivery-service.yaml";
        Map<String, Object> container = ContainerChecks.onlyContainer(map(Repo.yaml(file), "spec", "template", "spec"), file);
        var env = ContainerChecks.envByName(container, file);
        assertTrue(env.containsKey("LUCKYGAS_STORAGE_BUCKET"), file + ": no LUCKYGAS_STORAGE_BUCKET");
        assertTrue(str(env.get("LUCKYGAS_STORAGE_BUCKET"), "value").matches("[a-zA-Z_]*-?[a-z0-9._-]{3,63}"),
                file + ": a bucket name");
        assertTrue(!env.containsKey("LUCKYGAS_STORAGE_FOLDER"), file + ": a folder in a Cloud Run container is lost with it");
    }

    @Test
    void everyServiceSharesTheIssuerAndTheDatabase() {
        Set<String> issuers = new HashSet<>();
        Set<String> databases = new HashSet<>();
        for (String module : SERVICES) {
            String file = "deploy/cloudrun/" + module + ".yaml";
            Map<String, Object> spec = map(Repo.yaml(file), "spec", "template", "spec");
            var env = ContainerChecks.envByName(ContainerChecks.onlyContainer(spec, file), file);
            issuers.add(str(env.get("LUCKYGAS_JWT_ISSUER"), "value"));
            databases.add(str(map(env.get("LUCKYGAS_DB_URL"), "valueFrom", "secretKeyRef"), "name"));
        }
        assertEquals(1, issuers.size(), "one issuer for all services: " + issuers);
        assertEquals(1, databases.size(), "one database for all services: " + databases);
    }

    @Test
    void importerRunsAsACloudRunJobReadingMountedFiles() {
        String file = "deploy/cloudrun/importer-job.yaml";
        Map<String, Object> job = Repo.yaml(file);
        assertEquals("run.googleapis.com/v1", job.get("apiVersion"), file);
        assertEquals("Job", job.get("kind"), file);
        assertEquals("importer", map(job, "metadata").get("name"));
        assertTrue(str(map(job, "spec", "template", "metadata", "annotations"), "run.googleapis.com/cloudsql-instances") != null,
                file + ": Cloud SQL connection");
        Map<String, Object> podSpec = map(job, "spec", "template", "spec", "template", "spec");
        Map<String, Object> container = ContainerChecks.onlyContainer(podSpec, file);
        ImporterChecks.check(container, podSpec, file);
        Map<String, Object> volume = list(podSpec, "volumes").get(0);
        assertEquals("gcsfuse.run.googleapis.com", str(map(volume, "csi"), "driver"), file + ": a Cloud Storage volume");
        assertNotNull(map(volume, "csi", "volumeAttributes").get("bucketName"), file);
    }

    @Test
    void everyManifestIsThere() {
        for (String module : SERVICES) {
            assertTrue(Files.exists(Repo.path("deploy/cloudrun/" + module + ".yaml")), module);
            assertTrue(Files.exists(Repo.path("deploy/cloudrun/knative/" + module + ".properties")), module);
        }
    }
}
