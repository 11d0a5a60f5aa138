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

    static final String DELIVERY_COLUMNS = "src, ord, k, occ, code, d, t, driver, amount, qkey";
    static final String CLIENT_COLUMNS = "code, short_name, invoice_title, address, area, customer_type, phones, payment_term, "
            + "pricing_method, accepted_hours, preferred_slot, closed_days, vehicle_access, avg_daily_use_kg, max_cycle_days, "
            + "allowed_delay_days, monthly_volume, subscription_member, needs_same_day, terminated, equipment, cylinders_held";
    static final String LEGACY_CLIENT_COLUMNS = "code, short_name, invoice_title, address, area, customer_type, latitude, longitude";

    private final Connection connection;
    private CopyWriter deliveries;
    private CopyWriter clients;
    private CopyWriter legacyClients;
    private final java.util.List<long[]> repeated = new java.util.ArrayList<>();

    /** (source, identity hash) of the identities a source holds more than once. */
    public java.util.List<long[]> repeated() {
        return repeated;
    }

    /** Stages {@link #repeated()} into {@code stage_repeated} (after the deliveries' copy has ended). */
    public void stageRepeated() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE stage_repeated (src int NOT NULL, k bigint NOT NULL) ON COMMIT DROP");
        }
        repeated.addAll(direct.repeated);
        direct.repeated.clear();
        try (CopyWriter w = new CopyWriter(connection, "stage_repeated", "src, k")) {
            for (long[] r : repeated) {
                w.field(r[0]).field(r[1]);
                w.endRow();
            }
        }
    }

    public Staging(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    CREATE TEMP TABLE stage_delivery (
                        src int NOT NULL, ord bigint NOT NULL, k bigint NOT NULL, occ integer NOT NULL, code text NOT NULL, d date NOT NULL, t time,
                        driver text, amount bigint, qkey text NOT NULL) ON COMMIT DROP""");
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
            direct.out = deliveries;
        }
        direct.delivery(src, ord, code, date, time, driver, amount, qty);
        if (interleaved != null && (++directRows & 255) == 0) {
            // between two rows: send what the other thread has formatted meanwhile
            interleaved.out.drainAvailable(deliveries);
        }
    }

    private DeliveryRows interleaved;
    private long directRows;

    /**
     * Delivery rows formatted for the copy by another thread: sent into stage_delivery in chunks as
     * they complete — between the rows this thread copies, or by {@link #pump} — and the rest by {@link #append}.
     */
    public DeliveryRows interleavedDeliveries() {
        DeliveryRows rows = bufferedDeliveries();
        interleaved = rows;
        return rows;
    }

    /** Sends the chunks the other thread has completed (when no other copy is open). */
    public void pump() throws SQLException {
        if (interleaved == null) {
            return;
        }
        if (deliveries == null) {
            deliveries = new CopyWriter(connection, "stage_delivery", DELIVERY_COLUMNS);
            direct.out = deliveries;
        }
        interleaved.out.drainAvailable(deliveries);
    }

    /** Delivery rows formatted for the copy by another thread, kept in memory until {@link #append}. */
    public DeliveryRows bufferedDeliveries() {
        DeliveryRows rows = new DeliveryRows();
        rows.out = CopyWriter.inMemory();
        return rows;
    }

    /** Copies buffered rows into stage_delivery (on this thread, when no other copy is open). */
    public void append(DeliveryRows rows) throws SQLException {
        if (deliveries == null) {
            deliveries = new CopyWriter(connection, "stage_delivery", DELIVERY_COLUMNS);
            direct.out = deliveries;
        }
        rows.out.drainInto(deliveries);
        if (rows == interleaved) {
            interleaved = null;
        }
        // identities repeated within the source — also across sheets read on different threads
        for (int i = 0; i < rows.keyCount; i++) {
            int src = (int) rows.keySources[i];
            if (sourceCounts.computeIfAbsent(src, x -> new LongCounts()).increment(rows.keys[i]) == 2) {
                repeated.add(new long[] {src, rows.keys[i]});
            }
        }
    }

    private final java.util.Map<Integer, LongCounts> sourceCounts = new java.util.HashMap<>();

    private final DeliveryRows direct = new DeliveryRows();

    /** Formats delivery rows for the copy and counts identities per source (one instance per thread). */
    public final class DeliveryRows {
        private CopyWriter out;
        private final StringBuilder key = new StringBuilder(64);
        private final java.util.Map<Integer, LongCounts> perSource = new java.util.HashMap<>();
        private final java.util.List<long[]> repeated = new java.util.ArrayList<>();
        private long[] keys = new long[1024];
        private long[] keySources = new long[1024];
        private int keyCount;

        private LongCounts counts(int src) {
            return perSource.computeIfAbsent(src, s -> new LongCounts());
        }

        public void delivery(int src, long ord, String code, LocalDate date, LocalTime time, String driver, Long amount,
                             long[] qty) throws SQLException {
            // the quantities, canonical (delivery_identity.quantities): what the merge pairs on and makes the items of
            key.setLength(0);
            for (int p = 0; p < qty.length; p++) {
                long q = qty[p];
                if (q == 0) {
                    continue;
                }
                Product product = Product.ALL.get(p);
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(product.code()).append('=');
                if (product.flow()) {
                    key.append(Values.quantityText(q, true));
                } else {
                    key.append(q);
                }
            }
            String qkey = key.toString();
            String day = date.toString();
            long k = identityHash(code, day, qkey);
            // how often this source has had this identity so far: 1 for nearly every row; the few
            // identities seen more than once are renumbered in order of time by the merge
            int seen = counts(src).increment(k);
            if (out == deliveries) {
                if (seen == 2) {
                    repeated.add(new long[] {src, k});
                }
            } else {
                // buffered rows: counted again per source when appended (their sheets may have been read apart)
                if (keyCount == keys.length) {
                    keys = java.util.Arrays.copyOf(keys, keyCount * 2);
                    keySources = java.util.Arrays.copyOf(keySources, keyCount * 2);
                }
                keys[keyCount] = k;
                keySources[keyCount++] = src;
            }
            out.field(src).field(ord).field(k).field(seen).field(code).field(day).field(time == null ? null : time.toString())
                    .field(driver).field(amount == null ? null : amount.toString()).field(qkey);
            out.endRow();
        }
    }

    /**
     * A 64-bit hash of a delivery's identity: the merge sorts and groups on it first (a number
     * compares far faster than three texts); the texts themselves still decide.
     */
    static long identityHash(String code, String day, String qkey) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, code);
        h = fnv(h ^ 0x1F, day);
        h = fnv(h ^ 0x1F, qkey);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
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
