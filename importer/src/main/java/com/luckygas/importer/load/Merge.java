package com.luckygas.importer.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The set-based merge of the staged rows into the customer and delivery schemas (docs/adr/0006),
 * in the import's one transaction:
 * <ol>
 * <li>customers from the client list: inserted, or updated where the list says otherwise;</li>
 * <li>coordinates from the SQLite clients where a customer has none;</li>
 * <li>customers for codes that only deliveries know, flagged {@code incomplete};</li>
 * <li>deliveries: each source's rows numbered within their identity (customer code, date,
 * quantities per product) in order of time, paired across sources on identity and number — the
 * same delivery in two sources is one, the SQLite row filling time, amount and driver — and
 * inserted where {@code delivery.delivery_identity} (unique) does not hold them yet: into the
 * archive when older than the working window, else into the live tables.</li>
 * </ol>
 * A dry run computes the same counts with queries only.
 */
public final class Merge {

    /** Customer columns the client list is the master of. */
    static final String[] CLIENT_FIELDS = ("short_name, invoice_title, address, area, customer_type, phones, payment_term, "
            + "pricing_method, accepted_hours, preferred_slot, closed_days, vehicle_access, avg_daily_use_kg, max_cycle_days, "
            + "allowed_delay_days, monthly_volume, subscription_member, needs_same_day, terminated, equipment, cylinders_held")
            .split(", ");

    private final Connection c;
    private final boolean dryRun;
    private final LocalDate archiveBefore;
    private final int legacySrc;
    private final LocalDate today;

    public Merge(Connection c, boolean dryRun, LocalDate archiveBefore, int legacySrc, LocalDate today) {
        this.c = c;
        this.dryRun = dryRun;
        this.archiveBefore = archiveBefore;
        this.legacySrc = legacySrc;
        this.today = today;
    }

    private static String list(String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String f : CLIENT_FIELDS) {
            sb.append(sb.length() == 0 ? "" : ", ").append(prefix).append(f);
        }
        return sb.toString();
    }

    public Map<String, Object> customers() throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        long inserted;
        long updated;
        long located = 0;
        long staged = count("SELECT count(*) FROM stage_client");
        if (dryRun) {
            long[] r = longs("SELECT count(*) FILTER (WHERE c.id IS NULL), count(*) FILTER (WHERE c.id IS NOT NULL AND ("
                    + list("c.") + ", c.incomplete) IS DISTINCT FROM (" + list("s.") + ", false)) "
                    + "FROM stage_client s LEFT JOIN customer.customer c ON c.code = s.code", 2);
            inserted = r[0];
            updated = r[1];
        } else {
            exec("INSERT INTO customer.area (name) SELECT DISTINCT area FROM stage_client WHERE area IS NOT NULL ON CONFLICT DO NOTHING");
            StringBuilder set = new StringBuilder();
            for (String f : CLIENT_FIELDS) {
                set.append(f).append(" = EXCLUDED.").append(f).append(", ");
            }
            // a new customer gets the SQLite coordinates in its INSERT (the client list has none): an UPDATE
            // afterwards would write every new customer twice, its search grams and GIN indexes included
            long[] r = longs("WITH up AS (INSERT INTO customer.customer AS c (code, " + list("") + ", incomplete, latitude, longitude) "
                    + "SELECT s.code, " + list("s.") + ", false, l.latitude, l.longitude FROM stage_client s "
                    + "LEFT JOIN (SELECT DISTINCT ON (code) code, latitude, longitude FROM stage_legacy_client "
                    + "WHERE latitude IS NOT NULL ORDER BY code) l ON l.code = s.code "
                    + "ON CONFLICT (code) DO UPDATE SET " + set + "incomplete = false, updated_at = now(), version = c.version + 1 "
                    + "WHERE (" + list("c.") + ", c.incomplete) IS DISTINCT FROM (" + list("EXCLUDED.") + ", false) "
                    + "RETURNING (xmax = 0) AS inserted, latitude IS NOT NULL AS located) "
                    + "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), "
                    + "count(*) FILTER (WHERE inserted AND located) FROM up", 3);
            inserted = r[0];
            updated = r[1];
            located = r[2];
        }
        // codes that deliveries need and neither the database nor the client list has
        exec("CREATE TEMP TABLE needed_code ON COMMIT DROP AS SELECT DISTINCT code FROM stage_delivery");
        long coordinates;
        long incomplete;
        if (dryRun) {
            coordinates = count("SELECT count(*) FROM stage_legacy_client l LEFT JOIN customer.customer c ON c.code = l.code "
                    + "WHERE l.latitude IS NOT NULL AND (c.latitude IS NULL AND c.id IS NOT NULL "
                    + "OR c.id IS NULL AND (EXISTS (SELECT 1 FROM stage_client s WHERE s.code = l.code) "
                    + "OR EXISTS (SELECT 1 FROM needed_code n WHERE n.code = l.code)))");
            incomplete = count("SELECT count(*) FROM needed_code n WHERE NOT EXISTS (SELECT 1 FROM customer.customer c WHERE c.code = n.code) "
                    + "AND NOT EXISTS (SELECT 1 FROM stage_client s WHERE s.code = n.code)");
        } else {
            // customers that were there already (new ones got theirs when inserted)
            coordinates = located + update("UPDATE customer.customer c SET latitude = l.latitude, longitude = l.longitude, "
                    + "updated_at = now(), version = c.version + 1 FROM stage_legacy_client l "
                    + "WHERE l.code = c.code AND c.latitude IS NULL AND l.latitude IS NOT NULL");
            exec("INSERT INTO customer.area (name) SELECT DISTINCT l.area FROM needed_code n JOIN stage_legacy_client l USING (code) "
                    + "WHERE l.area IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer.customer c WHERE c.code = n.code) "
                    + "ON CONFLICT DO NOTHING");
            long[] r = longs("WITH ins AS (INSERT INTO customer.customer (code, short_name, invoice_title, address, area, "
                    + "customer_type, latitude, longitude, incomplete) "
                    + "SELECT n.code, coalesce(l.short_name, n.code), l.invoice_title, l.address, l.area, l.customer_type, "
                    + "l.latitude, l.longitude, true FROM needed_code n "
                    + "LEFT JOIN (SELECT DISTINCT ON (code) * FROM stage_legacy_client ORDER BY code) l USING (code) "
                    + "WHERE NOT EXISTS (SELECT 1 FROM customer.customer c WHERE c.code = n.code) "
                    + "RETURNING latitude) SELECT count(*), count(latitude) FROM ins", 2);
            incomplete = r[0];
            coordinates += r[1];
        }
        out.put("inClientList", staged);
        out.put("inserted", inserted);
        out.put("updated", updated);
        out.put("unchanged", staged - inserted - updated);
        out.put("createdIncomplete", incomplete);
        out.put("coordinatesAdded", coordinates);
        return out;
    }

    public Map<String, Object> deliveries() throws SQLException {
        // hash joins and hash aggregates: sorting half a million wide rows costs seconds
        exec("SET LOCAL enable_mergejoin = off");
        exec("SET LOCAL enable_sort = off");
        // (and no JIT: the disabled plans' costs would make PostgreSQL compile every statement, for nothing)
        exec("SET LOCAL jit = off");
        // Within a source, rows of one identity are numbered in order of time (the reader numbered
        // them in file order; only identities it saw more than once need renumbering), then equal
        // numbers pair up across sources.
        if (count("SELECT count(*) FROM stage_repeated") > 0) {
            // the numbers that change (usually few, often none), then only those rows by their ctid (a join
            // on ctid would hash every staged row)
            long renumbered = update("CREATE TEMP TABLE renumbered ON COMMIT DROP AS SELECT row_id, occ FROM ("
                    + "SELECT ctid AS row_id, occ AS was, row_number() OVER (PARTITION BY src, k, code, d, qkey ORDER BY t NULLS LAST, ord) AS occ "
                    + "FROM stage_delivery WHERE (src, k) IN (SELECT src, k FROM stage_repeated)) r WHERE occ <> was");
            if (renumbered > 0) {
                update("UPDATE stage_delivery s SET occ = r.occ FROM renumbered r "
                        + "WHERE s.ctid = ANY (ARRAY(SELECT row_id FROM renumbered)) AND s.ctid = r.row_id");
            }
        }
        String sequence;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_get_serial_sequence('delivery.delivery', 'id')")) {
            rs.next();
            sequence = rs.getString(1);
        }
        String id = dryRun ? "0::bigint" : "nextval('" + sequence.replace("'", "''") + "'::regclass)";
        // one row per distinct delivery, paired across the sources, with whether delivery_identity holds it
        // already; a new one gets its id
        exec("CREATE TEMP TABLE new_delivery ON COMMIT DROP AS "
                + "SELECT CASE WHEN i.delivery_id IS NULL THEN " + id + " END AS id, p.*, i.delivery_id IS NOT NULL AS present FROM ("
                + "SELECT code, d, qkey, occ, "
                + "       coalesce(min(t) FILTER (WHERE src < " + legacySrc + "), min(t) FILTER (WHERE src = " + legacySrc + ")) AS t, "
                + "       coalesce(min(driver) FILTER (WHERE src < " + legacySrc + "), min(driver) FILTER (WHERE src = " + legacySrc + ")) AS driver, "
                + "       max(amount) FILTER (WHERE src = " + legacySrc + ") AS amount, "
                + "       bool_or(src < " + legacySrc + ") AS in_excel, bool_or(src = " + legacySrc + ") AS in_legacy "
                + "FROM stage_delivery GROUP BY k, code, d, qkey, occ) p "
                + "LEFT JOIN delivery.delivery_identity i ON i.customer_code = p.code AND i.delivery_date = p.d "
                + "AND i.quantities = p.qkey AND i.occurrence = p.occ");
        long[] p = longs("SELECT count(*), count(*) FILTER (WHERE in_excel AND in_legacy), count(*) FILTER (WHERE in_excel AND NOT in_legacy), "
                + "count(*) FILTER (WHERE in_legacy AND NOT in_excel), count(*) FILTER (WHERE NOT present), "
                + "count(*) FILTER (WHERE NOT present AND d < ?) FROM new_delivery", 6, archiveBefore);
        long[] fresh = {p[4], p[5]};
        if (!dryRun && fresh[0] > 0) {
            exec("INSERT INTO delivery.delivery_identity (customer_code, delivery_date, quantities, occurrence, delivery_id) "
                    + "SELECT code, d, qkey, occ, id FROM new_delivery WHERE NOT present");
            // the items are the delivery's quantities as its identity writes them ('R50=1 F20=87.35': no zeros),
            // split once per distinct quantities text (a few thousand) rather than once per delivery
            exec("CREATE TEMP TABLE quantities_item ON COMMIT DROP AS SELECT q.qkey, split_part(u.e, '=', 1) AS product_code, "
                    + "split_part(u.e, '=', 2)::numeric AS quantity "
                    + "FROM (SELECT DISTINCT qkey FROM new_delivery WHERE NOT present) q "
                    + "CROSS JOIN LATERAL unnest(string_to_array(q.qkey, ' ')) AS u(e)");
            long written = 0;
            for (boolean archive : new boolean[] {true, false}) {
                String where = (archive ? "n.d < ?" : "n.d >= ?") + " AND NOT n.present";
                written += update("INSERT INTO delivery." + (archive ? "delivery_archive" : "delivery")
                        + " (id, customer_id, delivered_at, delivery_date, driver_name, amount_collected, area, customer_type) "
                        + "SELECT n.id, c.id, (n.d + coalesce(n.t, time '00:00')) AT TIME ZONE 'Asia/Taipei', n.d, n.driver, n.amount, "
                        + "c.area, c.customer_type FROM new_delivery n JOIN customer.customer c ON c.code = n.code WHERE " + where,
                        archiveBefore);
                update("INSERT INTO delivery." + (archive ? "delivery_item_archive" : "delivery_item")
                        + " (delivery_id, product_code, quantity, empties) "
                        + "SELECT n.id, q.product_code, q.quantity, 0 FROM new_delivery n JOIN quantities_item q ON q.qkey = n.qkey "
                        + "WHERE " + where, archiveBefore);
            }
            if (written != fresh[0]) {
                throw new SQLException("merged " + fresh[0] + " deliveries but wrote " + written + " (a customer is missing)");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("distinct", p[0]);
        out.put("overlap", p[1]);
        out.put("excelOnly", p[2]);
        out.put("sqliteOnly", p[3]);
        out.put("inserted", fresh[0]);
        out.put("insertedIntoArchive", fresh[1]);
        out.put("alreadyPresent", p[0] - fresh[0]);
        return out;
    }

    /**
     * The cylinder ledger's opening counts (docs/adr/0009): each customer of this import whose
     * cylinders the platform does not track yet (no count at the site, no movement, no delivery
     * of a platform order) starts from the client list's counts, as of the start of the import's
     * day (Taipei) or just after its latest imported delivery, whichever is later: the platform's
     * own deliveries of that day count after it. Written only where it differs from the
     * customer's opening already there, so importing the same files again changes nothing.
     */
    public Map<String, Object> openings() throws SQLException {
        exec("CREATE TEMP TABLE opening_wanted ON COMMIT DROP AS "
                + "SELECT c.id AS customer_id, coalesce((SELECT jsonb_object_agg(h.key, h.value::int ORDER BY h.key) "
                + "    FROM jsonb_each_text(c.cylinders_held) h JOIN delivery.product p ON p.code = h.key AND p.kind = 'CYLINDER' "
                + "    WHERE CASE WHEN h.value ~ '^[0-9]{1,4}$' THEN h.value::int > 0 ELSE false END), '{}'::jsonb) AS counts, "
                + "  (SELECT jsonb_object_agg(l.product_code, l.quantity ORDER BY l.product_code) "
                + "    FROM delivery.cylinder_count k JOIN delivery.cylinder_count_line l ON l.count_id = k.id "
                + "    WHERE k.customer_id = c.id AND k.kind = 'OPENING') AS had, "
                + "  EXISTS (SELECT 1 FROM delivery.cylinder_count k WHERE k.customer_id = c.id AND k.kind = 'OPENING') AS opened, "
                + "  (EXISTS (SELECT 1 FROM delivery.cylinder_count k WHERE k.customer_id = c.id AND k.kind = 'COUNT') "
                + "   OR EXISTS (SELECT 1 FROM delivery.cylinder_movement m WHERE m.customer_id = c.id) "
                + "   OR EXISTS (SELECT 1 FROM delivery.delivery d WHERE d.customer_id = c.id AND d.order_id IS NOT NULL) "
                + "   OR EXISTS (SELECT 1 FROM delivery.delivery_archive d WHERE d.customer_id = c.id AND d.order_id IS NOT NULL)) AS tracked "
                + "FROM customer.customer c "
                + "WHERE c.code IN (SELECT code FROM stage_client UNION SELECT code FROM needed_code)");
        long[] r = longs("SELECT count(*) FILTER (WHERE tracked), "
                + "count(*) FILTER (WHERE NOT tracked AND (NOT opened OR coalesce(had, '{}') IS DISTINCT FROM counts)), "
                + "count(*) FILTER (WHERE NOT tracked AND opened AND coalesce(had, '{}') IS NOT DISTINCT FROM counts) "
                + "FROM opening_wanted", 3);
        if (!dryRun && r[1] > 0) {
            exec("CREATE TEMP TABLE opening_written ON COMMIT DROP AS SELECT customer_id, counts FROM opening_wanted "
                    + "WHERE NOT tracked AND (NOT opened OR coalesce(had, '{}') IS DISTINCT FROM counts)");
            exec("DELETE FROM delivery.cylinder_count_line WHERE count_id IN (SELECT k.id FROM delivery.cylinder_count k "
                    + "JOIN opening_written w USING (customer_id) WHERE k.kind = 'OPENING')");
            exec("DELETE FROM delivery.cylinder_count k USING opening_written w WHERE k.customer_id = w.customer_id AND k.kind = 'OPENING'");
            update("WITH opened AS (INSERT INTO delivery.cylinder_count (customer_id, counted_at, kind, reason, recorded_by) "
                    + "SELECT w.customer_id, greatest(CAST(? AS date)::timestamp AT TIME ZONE 'Asia/Taipei', "
                    + "  (SELECT max(d.delivered_at) + interval '1 microsecond' "
                    + "    FROM delivery.all_deliveries d WHERE d.customer_id = w.customer_id)), 'OPENING', "
                    + "  'the client list''s cylinders held, imported', 'importer' "
                    + "FROM opening_written w RETURNING id, customer_id) "
                    + "INSERT INTO delivery.cylinder_count_line (count_id, product_code, quantity) "
                    + "SELECT o.id, e.key, e.value::int FROM opened o JOIN opening_written w USING (customer_id) "
                    + "CROSS JOIN LATERAL jsonb_each_text(w.counts) e", today);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("written", r[1]);
        out.put("unchanged", r[2]);
        out.put("keptTracked", r[0]);
        return out;
    }

    /** Milliseconds per statement, for the summary (where the merge's time goes). */
    public Map<String, Long> timings() {
        return timings;
    }

    private final Map<String, Long> timings = new LinkedHashMap<>();

    private void time(String sql, long start) {
        String name = sql.length() > 60 ? sql.substring(0, 60) : sql;
        timings.merge(name, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }

    private void exec(String sql) throws SQLException {
        long start = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
        time(sql, start);
    }

    private long update(String sql, Object... params) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeLargeUpdate();
        } finally {
            time(sql, start);
        }
    }

    private long count(String sql) throws SQLException {
        return longs(sql, 1)[0];
    }

    private long[] longs(String sql, int n, Object... params) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rs.getLong(i + 1);
                }
                return out;
            }
        } finally {
            time(sql, start);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof LocalDate d) {
                ps.setObject(i + 1, d);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
