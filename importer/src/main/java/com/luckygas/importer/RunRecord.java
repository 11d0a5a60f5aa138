package com.luckygas.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * An import's bookkeeping in the database: the schemas it needs, the lock that lets one import
 * run at a time, and its row in {@code importer.import_run} (RUNNING, then SUCCEEDED or FAILED;
 * a RUNNING row left by a killed process is marked INTERRUPTED by the next run).
 */
final class RunRecord {

    /** Only one import at a time (session-level advisory lock: released when the process dies). */
    static final long LOCK_KEY = 0x4C75636B79L;

    private RunRecord() {
    }

    static void checkSchemas(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('customer.customer') IS NOT NULL, "
                     + "to_regclass('delivery.delivery_identity') IS NOT NULL, to_regclass('delivery.delivery_archive') IS NOT NULL, "
                     + "to_regclass('delivery.cylinder_count') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new ImportFailure("the database has no customer.customer table: start customer-service once "
                        + "(it creates its schema) before importing");
            }
            if (!rs.getBoolean(2) || !rs.getBoolean(3)) {
                throw new ImportFailure("the delivery schema lacks delivery_identity (migration V8): start delivery-service "
                        + "once (it migrates its schema) before importing");
            }
            if (!rs.getBoolean(4)) {
                throw new ImportFailure("the delivery schema lacks the cylinder ledger (migration V12): start the newer "
                        + "delivery-service once (it migrates its schema) before importing");
            }
        }
    }

    static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new ImportFailure("another import is running on this database; wait for it to finish");
                }
            }
        }
    }

    static long start(Connection c, List<Map<String, Object>> files, PrintStream out) throws SQLException {
        try (Statement st = c.createStatement()) {
            int stale = st.executeUpdate("UPDATE importer.import_run SET outcome = 'INTERRUPTED', finished_at = now(), "
                    + "failure = 'the run ended without finishing (process killed or connection lost); nothing of it was kept' "
                    + "WHERE outcome = 'RUNNING'");
            if (stale > 0) {
                out.println("Earlier run(s) interrupted: " + stale + " (nothing of them was kept; this run does the whole import)");
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO importer.import_run (files, host) VALUES (?::jsonb, ?) RETURNING id")) {
            ps.setString(1, Import.json(files));
            ps.setString(2, host());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                out.println("Import run " + id + " started");
                return id;
            }
        }
    }

    private static String host() {
        String h = System.getenv("CLOUD_RUN_EXECUTION");
        if (h != null) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    static void finish(Connection c, Long runId, String outcome, Map<String, Object> summary, String failure)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE importer.import_run SET outcome = ?, finished_at = clock_timestamp(), "
                + "summary = ?::jsonb, failure = ? WHERE id = ?")) {
            ps.setString(1, outcome);
            ps.setString(2, summary == null ? null : Import.json(summary));
            ps.setString(3, failure);
            ps.setLong(4, runId);
            ps.executeUpdate();
        }
    }
}
