package com.luckygas.deploy;

import static com.luckygas.deploy.Repo.list;
import static com.luckygas.deploy.Repo.map;
import static com.luckygas.deploy.Repo.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one routing table, deploy/routes.tsv, and its renderings: the cloud load balancer's URL map
 * and the Kubernetes Ingress route the same prefixes to the same services (nginx is rendered from
 * the table at start-up by deploy/local/stack).
 */
class RoutesTest {

    private static final String BACKEND = "/global/backendServices/luckygas-";

    @Test
    void everyRoutedServiceIsAModuleWithManifests() {
        for (String service : Repo.routes().values()) {
            assertTrue(Repo.SERVICES.contains(service), "routes.tsv names " + service + ", which is not a service");
            assertTrue(Files.exists(Repo.path("deploy/cloudrun/" + service + ".yaml")), service);
        }
        assertEquals(new java.util.TreeSet<>(Repo.SERVICES), new java.util.TreeSet<>(Repo.routes().values()),
                "every service is reachable through the ingress");
    }

    @Test
    void cloudUrlMapRoutesTheTable() {
        Map<String, Object> urlMap = Repo.yaml("deploy/gcp/url-map.yaml");
        List<Map<String, Object>> matchers = list(urlMap, "pathMatchers");
        assertEquals(1, matchers.size());
        Map<String, Object> hostRule = list(urlMap, "hostRules").get(0);
        assertEquals(List.of("*"), hostRule.get("hosts"));
        assertEquals(matchers.get(0).get("name"), hostRule.get("pathMatcher"));
        // paths no route names end at auth-service's 404 problem, as in nginx
        assertTrue(str(urlMap, "defaultService").endsWith(BACKEND + "auth-service"));
        assertTrue(str(matchers.get(0), "defaultService").endsWith(BACKEND + "auth-service"));

        Map<String, String> routed = new TreeMap<>();
        Map<String, Integer> forms = new TreeMap<>();
        for (Map<String, Object> rule : list(matchers.get(0), "pathRules")) {
            String backend = str(rule, "service");
            assertTrue(backend.contains(BACKEND), backend);
            String service = backend.substring(backend.indexOf(BACKEND) + BACKEND.length());
            @SuppressWarnings("unchecked")
            List<String> paths = (List<String>) rule.get("paths");
            for (String path : paths) {
                String prefix = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
                String before = routed.put(prefix, service);
                assertTrue(before == null || before.equals(service), prefix + " goes to two services");
                forms.merge(prefix, 1, Integer::sum);
            }
        }
        assertEquals(new TreeMap<>(Repo.routes()), routed, "the URL map routes what deploy/routes.tsv says");
        // each prefix as itself and everything below it, like nginx's ^prefix(/|$)
        forms.forEach((prefix, n) -> assertEquals(2, n, prefix + " needs both '" + prefix + "' and '" + prefix + "/*'"));
    }

    @Test
    void kubernetesIngressRoutesTheTable() {
        Map<String, Object> ingress = Repo.yaml("deploy/k8s/base/ingress.yaml");
        assertEquals("Ingress", ingress.get("kind"));
        assertEquals("auth-service", str(map(ingress, "spec", "defaultBackend", "service"), "name"));
        Map<String, String> routed = new LinkedHashMap<>();
        for (Map<String, Object> rule : list(map(ingress, "spec"), "rules")) {
            for (Map<String, Object> path : list(map(rule, "http"), "paths")) {
                assertEquals("Prefix", path.get("pathType"), path.get("path") + ": Prefix matches whole segments, like nginx");
                String service = str(map(path, "backend", "service"), "name");
                assertEquals("http", str(map(path, "backend", "service", "port"), "name"));
                assertTrue(routed.put(str(path, "path"), service) == null, path.get("path") + " twice");
            }
        }
        // every other path to auth-service's 404 problem: ingress-nginx keeps its own catch-all for a host-less
        // Ingress's spec.defaultBackend, so the rule "/" says it
        assertEquals("auth-service", routed.remove("/"), "paths no route names go to auth-service (rule '/')");
        assertEquals(new TreeMap<>(Repo.routes()), new TreeMap<>(routed), "the Ingress routes what deploy/routes.tsv says");
    }

    @Test
    void localNginxIsRenderedFromTheSameTable() {
        String stack = Repo.read("deploy/local/stack");
        assertTrue(stack.contains("done < \"$ROOT/deploy/routes.tsv\""), "deploy/local/stack renders nginx from deploy/routes.tsv");
    }

    /**
     * The cloud load balancer answers a 502 or 504 (codes no service answers: Cloud Run's own failure and
     * timeout pages) with the ingress's problem of deploy/ingress-problems.tsv, as nginx does locally; every
     * other status is left to the service's own problem. setup-ingress uploads those bodies as problem+json.
     */
    @Test
    void cloudLoadBalancerAnswersItsOwn502And504AsTheIngressProblems(@TempDir Path tmp) throws Exception {
        Map<String, String> statusByCode = new TreeMap<>();
        for (String line : Files.readAllLines(Repo.path("deploy/ingress-problems.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\\|", -1);
                assertEquals(4, cells.length, "code|status|title|detail: " + line);
                statusByCode.put(cells[0], cells[1]);
            }
        }
        Map<String, Object> policy = map(Repo.yaml("deploy/gcp/url-map.yaml"), "defaultCustomErrorResponsePolicy");
        assertTrue(str(policy, "errorService").endsWith("/global/backendBuckets/luckygas-ingress-problems"), policy.toString());
        Map<String, String> answered = new TreeMap<>();
        for (Map<String, Object> rule : list(policy, "errorResponseRules")) {
            @SuppressWarnings("unchecked")
            List<String> codes = (List<String>) rule.get("matchResponseCodes");
            assertEquals(1, codes.size(), rule.toString());
            String code = codes.get(0);
            assertEquals("/" + code + ".json", rule.get("path"), rule.toString());
            answered.put(code, String.valueOf(rule.get("overrideResponseCode")));
        }
        assertEquals(Map.of("502", statusByCode.get("502"), "504", statusByCode.get("504")), answered,
                "the load balancer's own 502/504 as the table says; no code a service answers itself (its problem would be lost)");
        String out = OperationsDeclarationsTest.dryRun("deploy/gcp/setup-ingress", tmp);
        for (String code : answered.keySet()) {
            assertTrue(out.lines().anyMatch(l -> l.contains("storage cp ") && l.contains("/" + code + ".json")
                    && l.contains("--content-type=application/problem+json")), code + " uploaded as a problem:\n" + out);
        }
        assertTrue(out.contains("backend-buckets create luckygas-ingress-problems"), out);
    }
}
