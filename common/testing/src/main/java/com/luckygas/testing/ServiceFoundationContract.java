package com.luckygas.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What every service must offer, whatever its features: health and OpenAPI endpoints, its tables
 * in its own PostgreSQL schema (created by Flyway, nothing in {@code public}), problem+json
 * for a path that does not exist, and Prometheus metrics including the connection pool.
 */
public abstract class ServiceFoundationContract {

    /** The schema this service owns. */
    protected abstract String schema();

    /** The tables this service's first migration creates. */
    protected abstract List<String> tables();

    /** The service's datasource (field-injected in the concrete test). */
    protected abstract DataSource dataSource();

    @Test
    void healthEndpointsAnswerUp() {
        for (String probe : List.of("started", "live", "ready")) {
            given().get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void openApiDocumentIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
    }

    /**
     * What the platform's document (api/openapi.json) is joined from: every operation of this
     * service answers a typed success (a 200/201 body with a schema that is not {}) and its
     * problems (each 4xx/5xx as application/problem+json with the Problem schema), and says who
     * may call it (a bearer token with roles, or explicitly no token). The same rules, on the
     * joined document, are api/redocly.yaml's.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsTypedWithItsProblems() {
        io.restassured.path.json.JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        java.util.Map<String, Object> paths = document.getMap("paths");
        // the service's own paths, as the ingress routes them (deploy/routes.tsv); not the test's stand-ins for others
        String service = document.getString("info.title").replace("Lucky Gas ", "");
        List<String> prefixes;
        try {
            prefixes = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../deploy/routes.tsv")).stream()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t"))
                    .filter(f -> f.length == 2 && f[1].equals(service)).map(f -> f[0]).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("deploy/routes.tsv", e);
        }
        assertTrue(!prefixes.isEmpty(), "deploy/routes.tsv routes nothing to " + service);
        List<String> wrong = new ArrayList<>();
        paths.forEach((path, item) -> ((java.util.Map<String, Object>) item).forEach((method, op) -> {
            if (!List.of("get", "post", "put", "patch", "delete").contains(method)
                    || prefixes.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
                return;
            }
            java.util.Map<String, Object> operation = (java.util.Map<String, Object>) op;
            java.util.Map<String, java.util.Map<String, Object>> responses =
                    (java.util.Map<String, java.util.Map<String, Object>>) operation.get("responses");
            String name = method.toUpperCase() + " " + path;
            if (responses.keySet().stream().noneMatch(c -> c.startsWith("2"))) {
                wrong.add(name + ": no success answer");
            }
            responses.forEach((code, response) -> {
                java.util.Map<String, java.util.Map<String, Object>> content =
                        (java.util.Map<String, java.util.Map<String, Object>>) response.get("content");
                if (code.equals("200") || code.equals("201")) {
                    if (content == null || content.values().stream().anyMatch(m -> m.get("schema") == null
                            || ((java.util.Map<String, Object>) m.get("schema")).isEmpty())) {
                        wrong.add(name + ": " + code + " without a typed body");
                    }
                } else if (code.startsWith("4") || code.startsWith("5")) {
                    if (content == null || !content.containsKey("application/problem+json")) {
                        wrong.add(name + ": " + code + " not a problem");
                    }
                }
            });
            if (responses.keySet().stream().noneMatch(c -> c.startsWith("4"))
                    && !path.equals("/api/auth/jwks")) {
                wrong.add(name + ": no problem answer");
            }
            if (operation.get("security") == null) {
                wrong.add(name + ": says nothing of who may call it");
            }
        }));
        assertTrue(wrong.isEmpty(), "operations of this service's document: " + wrong);
    }

    @Test
    void tablesLiveInTheServiceSchemaOnly() throws Exception {
        try (Connection c = dataSource().getConnection()) {
            List<String> own = tablesIn(c, schema());
            for (String table : tables()) {
                assertTrue(own.contains(table), table + " should be in schema " + schema() + " but it has " + own);
            }
            assertTrue(own.contains("flyway_schema_history"), "Flyway history should be in schema " + schema());
            assertEquals(List.of(), tablesIn(c, "public"), "nothing may be created in schema public");
        }
    }

    @Test
    void prometheusMetricsIncludeTheConnectionPool() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("agroal_active_count"))
                .body(containsString("agroal_max_used_count"))
                .body(containsString("http_server_requests_seconds_count"))
                // the fixed latency buckets a p99 is read from (service-common LatencyBuckets; deploy/ops/check)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("le=\"0.1\""))
                .body(containsString("jvm_memory_used_bytes"));
    }

    /** The web app's origin the tests allow (service-common's %test profile; the local stack's default). */
    public static final String APP_ORIGIN = "http://localhost:5173";

    /**
     * A browser's preflight from an allowed origin is answered with what the app needs (its
     * bearer token, an idempotency key, If-Match); an answer to it carries the origin and exposes
     * ETag and Location; another origin gets no CORS grant, so the browser blocks it.
     */
    @Test
    void browsersOnTheAppsOriginMayCallOthersMayNot() {
        given().header("Origin", APP_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,if-match")
                .options("/q/health/live").then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Max-Age", "3600");
        given().header("Origin", APP_ORIGIN).get("/q/health/live").then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        io.restassured.response.Response other = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").options("/q/health/live");
        assertTrue(other.getHeader("Access-Control-Allow-Origin") == null,
                "no grant for another origin: " + other.getHeaders());
    }

    @Test
    void unknownPathIsAProblem() {
        given().get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(not(containsString("Exception")));
    }

    private static List<String> tablesIn(Connection c, String schema) throws Exception {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
