package com.luckygas.deploy;

import static com.luckygas.deploy.Repo.list;
import static com.luckygas.deploy.Repo.map;
import static com.luckygas.deploy.Repo.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What every manifest's container of a service must agree on with the service itself. */
final class ContainerChecks {

    /** Set in every deployment although the services have a default: all of them must agree on it. */
    static final Set<String> ALWAYS = Set.of("LUCKYGAS_JWT_ISSUER");

    /**
     * A deployment must set every ${LUCKYGAS_*} of a service's application.properties that has no
     * default fit for production (none, empty, "unset", localhost, target/...), except these:
     * features that are optional.
     */
    static final Set<String> OPTIONAL = Set.of(
            "LUCKYGAS_LOG_JSON",                       // JSON logs are on in production by default
            "LUCKYGAS_JWT_GENERATE_IF_MISSING",        // local only: never generate keys in production
            "LUCKYGAS_JWT_SIGNING_KEY_ID",             // only during a key rotation (docs/operations.md)
            "LUCKYGAS_SMS_GATEWAY_URL", "LUCKYGAS_SMS_API_KEY", // unset: SMS are logged, not sent
            "LUCKYGAS_OSRM_URL",                       // unset: travel times from distances, no road server
            // unset: no Cloud Scheduler calls accepted, only an ADMIN's (Kubernetes: pods are always up and
            // the in-service schedule runs); Cloud Run sets both (OperationsDeclarationsTest)
            "LUCKYGAS_SCHEDULER_AUDIENCE", "LUCKYGAS_SCHEDULER_ACCOUNT",
            "LUCKYGAS_STORAGE_BUCKET");                // unset: proofs in LUCKYGAS_STORAGE_FOLDER (Cloud Run names its bucket)

    private ContainerChecks() {
    }

    static Map<String, Map<String, Object>> envByName(Map<String, Object> container, String where) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        for (Map<String, Object> e : list(container, "env")) {
            assertNotNull(e.get("name"), where + ": env entry without a name");
            if (env.put(str(e, "name"), e) != null) {
                fail(where + ": env " + e.get("name") + " is set twice");
            }
        }
        return env;
    }

    /** Env names exactly as the service reads them; secrets from secret references, never inline. */
    static void checkEnv(Repo.ServiceConfig service, Map<String, Object> container, String where) {
        Map<String, Map<String, Object>> env = envByName(container, where);
        Set<String> unknown = new TreeSet<>();
        for (String name : env.keySet()) {
            if (name.startsWith("LUCKYGAS_") && !service.envRead().contains(name)) {
                unknown.add(name);
            }
        }
        assertEquals(Set.of(), unknown, where + ": sets settings " + service.module() + " does not read (typo or drift?)");
        Set<String> missing = new TreeSet<>();
        for (var setting : service.envInProperties().entrySet()) {
            String name = setting.getKey();
            boolean required = !setting.getValue() || ALWAYS.contains(name);
            if (required && !OPTIONAL.contains(name) && !env.containsKey(name)) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, where + ": does not set what " + service.module()
                + "'s application.properties needs in production (set them, or add to ContainerChecks.OPTIONAL with a reason)");
        for (String name : List.of("LUCKYGAS_DB_URL", "LUCKYGAS_DB_USER", "LUCKYGAS_DB_PASSWORD")) {
            assertTrue(env.containsKey(name), where + ": no " + name);
        }
        for (var e : env.entrySet()) {
            String name = e.getKey();
            if (name.contains("PASSWORD") || name.contains("SECRET") || name.startsWith("LUCKYGAS_DB_")) {
                Map<String, Object> ref = map(e.getValue(), "valueFrom", "secretKeyRef");
                assertNotNull(ref.get("name"), where + ": " + name + " secret without a name");
                assertNotNull(ref.get("key"), where + ": " + name + " secret without a key");
                assertTrue(!e.getValue().containsKey("value"), where + ": " + name + " must not be inline");
            }
        }
        if (env.containsKey("LUCKYGAS_JWT_GENERATE_IF_MISSING")) {
            assertEquals("false", str(env.get("LUCKYGAS_JWT_GENERATE_IF_MISSING"), "value"), where);
        }
    }

    /** The port the service listens on (application.properties), named in the container. */
    static int checkPort(Repo.ServiceConfig service, Map<String, Object> container, String where) {
        List<Map<String, Object>> ports = list(container, "ports");
        assertEquals(1, ports.size(), where + ": one port");
        int port = ((Number) ports.get(0).get("containerPort")).intValue();
        assertEquals(service.httpPort(), port, where + ": containerPort must be quarkus.http.port of " + service.module());
        return port;
    }

    /** An HTTP probe on a Quarkus health endpoint, on the service's port (by number or name). */
    static void checkProbe(Map<String, Object> container, String probe, Set<String> paths, int port, String where) {
        Map<String, Object> get = map(container, probe, "httpGet");
        assertTrue(paths.contains(str(get, "path")), where + ": " + probe + " path " + get.get("path") + " not in " + paths);
        Object probePort = get.get("port");
        String portName = str(list(container, "ports").get(0), "name");
        assertTrue(String.valueOf(port).equals(String.valueOf(probePort)) || (portName != null && portName.equals(probePort)),
                where + ": " + probe + " port " + probePort + " is not the service's port " + port);
    }

    /** registry/.../artifactId:version, the image the build of this module produces. */
    static void checkImage(Repo.ServiceConfig service, Map<String, Object> container, String where) {
        String image = str(container, "image");
        assertNotNull(image, where + ": no image");
        String last = image.substring(image.lastIndexOf('/') + 1);
        assertEquals(service.artifactId() + ":" + service.version(), last, where + ": image " + image);
    }

    static Map<String, Object> onlyContainer(Map<String, Object> podSpec, String where) {
        List<Map<String, Object>> containers = list(podSpec, "containers");
        assertEquals(1, containers.size(), where + ": one container");
        return containers.get(0);
    }
}
