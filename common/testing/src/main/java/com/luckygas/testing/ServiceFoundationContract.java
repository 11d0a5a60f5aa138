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
