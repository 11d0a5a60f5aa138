package com.luckygas.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a test run its own, empty, real PostgreSQL database.
 * <ul>
 * <li>With {@code LUCKYGAS_TEST_DB_URL} (a JDBC URL of any database on a running server, plus
 * optional {@code LUCKYGAS_TEST_DB_USER}/{@code LUCKYGAS_TEST_DB_PASSWORD}): a fresh database is
 * created on that server and dropped afterwards.</li>
 * <li>Otherwise an embedded PostgreSQL (zonky, binaries from Maven Central) is started for the
 * test JVM: nothing has to be installed, Docker is not needed.</li>
 * </ul>
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres embedded;
    private String serverUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("LUCKYGAS_TEST_DB_URL");
        try {
            if (external != null && !external.isBlank()) {
                serverUrl = external;
                user = envOr("LUCKYGAS_TEST_DB_USER", "postgres");
                password = envOr("LUCKYGAS_TEST_DB_PASSWORD", "");
            } else {
                embedded = EmbeddedPostgres.builder().start();
                serverUrl = embedded.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = "";
            }
            database = "luckygas_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            String url = withDatabase(serverUrl, database);
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", user,
                    "quarkus.datasource.password", password);
        } catch (Exception e) {
            throw new IllegalStateException("Could not provide a PostgreSQL database for the tests", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            } else if (database != null) {
                execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (Exception e) {
            // Leaving a test database behind is not worth failing a green run for.
            System.err.println("Could not clean up test database " + database + ": " + e.getMessage());
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Replaces the database name in a JDBC URL, keeping host, port and parameters. */
    static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//") + 2;
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String base = slash < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, slash);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return base + "/" + database + params;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
