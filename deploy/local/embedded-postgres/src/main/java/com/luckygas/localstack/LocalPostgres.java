package com.luckygas.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's PostgreSQL: a real server from Maven Central binaries (zonky), with a data
 * directory that is kept between starts. Creates the role and database {@code luckygas} on first
 * start, prints {@code READY <port>} and runs until it is stopped (SIGTERM stops PostgreSQL cleanly).
 *
 * <p>Usage: {@code java -cp ... com.luckygas.localstack.LocalPostgres DATA_DIR PORT}
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: LocalPostgres DATA_DIR PORT");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setRegisterShutdownHook(false)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("Stopping PostgreSQL: " + e.getMessage());
            }
            stopped.countDown();
        }, "stop-postgres"));

        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'luckygas'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE luckygas LOGIN");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'luckygas'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE luckygas OWNER luckygas ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        }
        System.out.println("READY " + port);
        System.out.flush();
        stopped.await();
    }
}
