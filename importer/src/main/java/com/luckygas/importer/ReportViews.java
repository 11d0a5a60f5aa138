package com.luckygas.importer;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** delivery-service's report views, rebuilt after an import that changed something. */
final class ReportViews {

    private ReportViews() {
    }

    /**
     * Rebuilds delivery-service's monthly report views as its own {@code MonthlyReport.refresh()}
     * does (concurrently: readers are not blocked) and marks them fresh (docs/adr/0006).
     */
    static String refresh(Connection c, Import.Database database, PrintStream out) {
        long start = System.nanoTime();
        try (Statement st = c.createStatement()) {
            // CONCURRENTLY keeps readers going but costs a diff of old and new; an empty view (the first
            // import) has no readers to spare and is rebuilt outright
            boolean empty;
            try (ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM delivery.monthly_deliveries)")) {
                rs.next();
                empty = rs.getBoolean(1);
            }
            String how = empty ? "REFRESH MATERIALIZED VIEW " : "REFRESH MATERIALIZED VIEW CONCURRENTLY ";
            // the two views are independent: rebuilt side by side, on two connections
            String[] otherFailure = new String[1];
            Thread other = new Thread(() -> {
                try (Connection second = database.open(); Statement st2 = second.createStatement()) {
                    second.setAutoCommit(false);
                    forBulkRefresh(st2);
                    st2.execute(how + "delivery.monthly_products");
                    second.commit();
                } catch (SQLException e) {
                    otherFailure[0] = e.getMessage();
                }
            }, "refresh-monthly-products");
            other.start();
            forBulkRefresh(st);
            st.execute(how + "delivery.monthly_deliveries");
            c.commit();
            joinQuietly(other);
            if (otherFailure[0] != null) {
                return otherFailure[0];
            }
            st.executeUpdate("UPDATE delivery.report_refresh SET refreshed_at = now() WHERE view_name = 'monthly'");
            c.commit();
            out.printf("Report views refreshed in %.1fs%n", (System.nanoTime() - start) / 1e9);
            return null;
        } catch (SQLException e) {
            Import.rollbackQuietly(c);
            return e.getMessage();
        }
    }

    /**
     * Settings, for the refresh's transaction only, for rebuilding the views over the whole history
     * (their queries are delivery-service's, unchanged): memory enough to hash every delivery and to
     * aggregate in one pass (with the default 4 MB PostgreSQL sorts the deliveries on disk), and a
     * hash join of deliveries and items instead of the index lookup per delivery it picks otherwise.
     */
    private static void forBulkRefresh(Statement st) throws SQLException {
        st.execute("SET LOCAL work_mem = '256MB'");
        st.execute("SET LOCAL enable_nestloop = off");
    }

    private static void joinQuietly(Thread t) {
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
