package com.luckygas.importer;

import com.luckygas.testing.PostgresResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL for the importer's tests (common/testing's PostgresResource: embedded, or a
 * fresh database on LUCKYGAS_TEST_DB_URL), with the customer and delivery schemas migrated by
 * their services' own Flyway migrations (read from the service modules), and the importer's own.
 */
final class TestDatabase {

    private static TestDatabase shared;

    final String url;
    final String user;
    final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static synchronized TestDatabase shared() {
        if (shared == null) {
            PostgresResource resource = new PostgresResource();
            Map<String, String> conf = resource.start();
            Runtime.getRuntime().addShutdownHook(new Thread(resource::stop));
            shared = new TestDatabase(conf.get("quarkus.datasource.jdbc.url"), conf.get("quarkus.datasource.username"),
                    conf.get("quarkus.datasource.password"));
            shared.migrateServices();
        }
        return shared;
    }

    /** Another empty database on the same server, migrated the same way. */
    TestDatabase sibling(String name) throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        int query = url.indexOf('?', slash);
        String other = url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
        TestDatabase db = new TestDatabase(other, user, password);
        db.migrateServices();
        return db;
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("delivery-service/src/main/resources/db/migration"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    void migrateServices() {
        Path root = repositoryRoot();
        for (String schema : new String[] {"customer", "delivery"}) {
            Flyway.configure().dataSource(url, user, password).schemas(schema).defaultSchema(schema)
                    .locations("filesystem:" + root.resolve(schema + "-service/src/main/resources/db/migration"))
                    .load().migrate();
        }
    }

    /** What ImporterMain does with the Quarkus-managed Flyway: the importer's own schema. */
    void migrateImporter() {
        Flyway.configure().dataSource(url, user, password).schemas("importer").defaultSchema("importer")
                .locations("classpath:db/migration").load().migrate();
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    Import.Database database() {
        return this::open;
    }

    /** Empties every table the importer writes (and its run log). */
    void reset() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE customer.customer, customer.area, delivery.delivery_identity, delivery.delivery_item, "
                    + "delivery.delivery_item_archive, delivery.delivery_archive, delivery.delivery, "
                    + "delivery.cylinder_count_line, delivery.cylinder_count, delivery.cylinder_movement CASCADE");
            st.execute("DO $$ BEGIN IF to_regclass('importer.import_run') IS NOT NULL THEN TRUNCATE importer.import_run; END IF; END $$");
            st.execute("REFRESH MATERIALIZED VIEW delivery.monthly_deliveries");
            st.execute("REFRESH MATERIALIZED VIEW delivery.monthly_products");
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Everything the import put in the database, as one text, ids and timestamps of writing left
     * out: customers with all their imported fields, deliveries with time, driver, amount,
     * snapshots and items, in a stable order. Two databases with equal fingerprints hold the same rows.
     */
    String contents() throws SQLException {
        return text("""
                SELECT md5(coalesce((SELECT string_agg(row(c.code, c.short_name, c.invoice_title, c.address, c.area, c.customer_type,
                            c.phones, c.payment_term, c.pricing_method, c.accepted_hours, c.preferred_slot, c.closed_days,
                            c.vehicle_access, c.avg_daily_use_kg, c.max_cycle_days, c.allowed_delay_days, c.monthly_volume,
                            c.subscription_member, c.needs_same_day, c.terminated, c.equipment, c.cylinders_held::text,
                            c.latitude, c.longitude, c.incomplete, c.active)::text, '|' ORDER BY c.code) FROM customer.customer c), '')
                    || '#' || coalesce((SELECT string_agg(x, '|' ORDER BY x) FROM (
                        SELECT row(c.code, d.delivered_at, d.delivery_date, d.driver_name, d.amount_collected, d.area, d.customer_type,
                               (SELECT string_agg(i.product_code || '=' || i.quantity, ' ' ORDER BY i.product_code)
                                FROM delivery.all_delivery_items i WHERE i.delivery_id = d.id),
                               (SELECT row(k.quantities, k.occurrence)::text FROM delivery.delivery_identity k WHERE k.delivery_id = d.id))::text AS x
                        FROM delivery.all_deliveries d JOIN customer.customer c ON c.id = d.customer_id) AS rows), '')
                    || '#' || coalesce((SELECT string_agg(row(c.code, k.kind, k.counted_at, l.product_code, l.quantity)::text, '|'
                            ORDER BY c.code, k.counted_at, l.product_code)
                        FROM delivery.cylinder_count k JOIN customer.customer c ON c.id = k.customer_id
                        LEFT JOIN delivery.cylinder_count_line l ON l.count_id = k.id), ''))""");
    }
}
