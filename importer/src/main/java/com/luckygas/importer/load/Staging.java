package com.luckygas.importer.load;

import com.luckygas.importer.Product;
import com.luckygas.importer.Values;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The staging tables of one import (temporary: they belong to the import's session and
 * transaction, and vanish with it whatever happens) and the COPY streams that fill them.
 */
public final class Staging implements AutoCloseable {

    static final String DELIVERY_COLUMNS = "src, ord, code, d, t, driver, amount, qkey, qty";
    static final String CLIENT_COLUMNS = "code, short_name, invoice_title, address, area, customer_type, phones, payment_term, "
            + "pricing_method, accepted_hours, preferred_slot, closed_days, vehicle_access, avg_daily_use_kg, max_cycle_days, "
            + "allowed_delay_days, monthly_volume, subscription_member, needs_same_day, terminated, equipment, cylinders_held";
    static final String LEGACY_CLIENT_COLUMNS = "code, short_name, invoice_title, address, area, customer_type, latitude, longitude";

    private final Connection connection;
    private CopyWriter deliveries;
    private CopyWriter clients;
    private CopyWriter legacyClients;
    private final StringBuilder sb = new StringBuilder(128);
    private final StringBuilder key = new StringBuilder(64);

    public Staging(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    CREATE TEMP TABLE stage_delivery (
                        src int NOT NULL, ord bigint NOT NULL, code text NOT NULL, d date NOT NULL, t time,
                        driver text, amount bigint, qkey text NOT NULL, qty numeric[] NOT NULL) ON COMMIT DROP""");
            st.execute("""
                    CREATE TEMP TABLE stage_client (
                        code text NOT NULL, short_name text NOT NULL, invoice_title text, address text, area text,
                        customer_type text, phones text[] NOT NULL, payment_term text NOT NULL, pricing_method text,
                        accepted_hours integer[] NOT NULL, preferred_slot text NOT NULL, closed_days text,
                        vehicle_access text NOT NULL, avg_daily_use_kg numeric(8, 2), max_cycle_days integer,
                        allowed_delay_days integer, monthly_volume numeric(10, 2), subscription_member boolean NOT NULL,
                        needs_same_day boolean NOT NULL, terminated boolean NOT NULL, equipment text[] NOT NULL,
                        cylinders_held jsonb NOT NULL) ON COMMIT DROP""");
            st.execute("""
                    CREATE TEMP TABLE stage_legacy_client (
                        code text NOT NULL, short_name text, invoice_title text, address text, area text,
                        customer_type text, latitude numeric(9, 6), longitude numeric(9, 6)) ON COMMIT DROP""");
        }
    }

    /** One delivery row of a source ({@code src}: 1.. for the workbooks in the order given, then the SQLite file). */
    public void delivery(int src, long ord, String code, LocalDate date, LocalTime time, String driver, Long amount,
                         long[] qty) throws SQLException {
        if (deliveries == null) {
            deliveries = new CopyWriter(connection, "stage_delivery", DELIVERY_COLUMNS);
        }
        sb.setLength(0);
        key.setLength(0);
        sb.append('{');
        for (int p = 0; p < qty.length; p++) {
            if (p > 0) {
                sb.append(',');
            }
            long q = qty[p];
            if (q == 0) {
                sb.append('0');
                continue;
            }
            Product product = Product.ALL.get(p);
            String text = Values.quantityText(q, product.flow());
            sb.append(text);
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(product.code()).append('=').append(text);
        }
        sb.append('}');
        deliveries.field(src).field(ord).field(code).field(date.toString()).field(time == null ? null : time.toString())
                .field(driver).field(amount == null ? null : amount.toString()).field(key.toString()).field(sb.toString());
        deliveries.endRow();
    }

    public CopyWriter clients() throws SQLException {
        if (clients == null) {
            clients = new CopyWriter(connection, "stage_client", CLIENT_COLUMNS);
        }
        return clients;
    }

    public CopyWriter legacyClients() throws SQLException {
        if (legacyClients == null) {
            legacyClients = new CopyWriter(connection, "stage_legacy_client", LEGACY_CLIENT_COLUMNS);
        }
        return legacyClients;
    }

    /** Ends the open copies (a COPY must end before the next one or any other statement). */
    public void flush() throws SQLException {
        for (CopyWriter w : new CopyWriter[] {deliveries, clients, legacyClients}) {
            if (w != null) {
                w.close();
            }
        }
        deliveries = null;
        clients = null;
        legacyClients = null;
    }

    /** Ends a copy that another may follow. */
    public void endClients() throws SQLException {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    public void endLegacyClients() throws SQLException {
        if (legacyClients != null) {
            legacyClients.close();
            legacyClients = null;
        }
    }

    public void endDeliveries() throws SQLException {
        if (deliveries != null) {
            deliveries.close();
            deliveries = null;
        }
    }

    @Override
    public void close() {
        for (CopyWriter w : new CopyWriter[] {deliveries, clients, legacyClients}) {
            if (w != null) {
                w.cancel();
            }
        }
    }
}
