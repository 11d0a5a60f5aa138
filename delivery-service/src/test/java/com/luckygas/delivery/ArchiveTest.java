package com.luckygas.delivery;

import com.luckygas.delivery.history.Archiver;
import static com.luckygas.delivery.OrderApi.office;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Archival moves old deliveries out of the live table, interrupted or not, without losing or doubling one. */
@QuarkusTest
class ArchiveTest {

    @Inject
    DataSource dataSource;

    @Inject
    Archiver archiver;

    private String query(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Count and checksum of every delivery and item, live and archived together. */
    private String fingerprint() throws Exception {
        return query("""
                SELECT (SELECT count(*) || ':' || md5(string_agg(d::text, '|' ORDER BY d.id)) FROM delivery.all_deliveries d)
                    || '/' || (SELECT count(*) || ':' || md5(string_agg(i::text, '|' ORDER BY i.delivery_id, i.product_code))
                               FROM delivery.all_delivery_items i)""");
    }

    @Test
    void interruptedAndRepeatedArchivalKeepsEveryRowOnce() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // 1,000 deliveries of customer 7001 from 2013 and 30 recent ones, each with two items
            s.execute("""
                    WITH d AS (
                      INSERT INTO delivery.delivery (customer_id, delivered_at, delivery_date, driver_name, amount_collected, value)
                      SELECT 7001, ts, (ts AT TIME ZONE 'Asia/Taipei')::date, '林師傅', 800, 1450
                      FROM (SELECT CASE WHEN i <= 1000 THEN timestamptz '2013-01-01 09:00+08' + i * interval '1 day'
                                        ELSE now() - (i - 1000) * interval '1 day' END AS ts
                            FROM generate_series(1, 1030) i) t
                      RETURNING id)
                    INSERT INTO delivery.delivery_item (delivery_id, product_code, quantity, empties, unit_price)
                    SELECT id, p, 1, 1, CASE p WHEN 'R20' THEN 800 ELSE 650 END FROM d, unnest(ARRAY['R20', 'R16']) p""");
        }
        String before = fingerprint();
        LocalDate cutoff = LocalDate.now().minusMonths(6);
        // interrupted after its first batch…
        assertTrue(archiver.moveBatch(cutoff) > 0);
        assertEquals(before, fingerprint());
        // …then run again, and once more for good measure
        archiver.archiveBefore(cutoff);
        assertEquals(0, archiver.archiveBefore(cutoff));
        assertEquals(before, fingerprint());
        assertEquals("0", query("SELECT count(*) FROM delivery.delivery WHERE delivery_date < current_date - interval '6 months'"));
        assertEquals("1000", query("SELECT count(*) FROM delivery.delivery_archive WHERE customer_id = 7001"));
        assertEquals("30", query("SELECT count(*) FROM delivery.delivery WHERE customer_id = 7001"));

        // the customer's history reads across both, newest first, without a gap or a repeat
        List<Long> ids = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String cursor = null;
        do {
            var request = office().queryParam("customerId", 7001).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/deliveries").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", Long.class));
            times.addAll(page.getList("items.deliveredAt", String.class));
            assertEquals(2, page.getList("items[0].items").size());
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(1030, ids.size());
        assertEquals(1030, new HashSet<>(ids).size());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(java.time.OffsetDateTime.parse(times.get(i)).compareTo(java.time.OffsetDateTime.parse(times.get(i - 1))) <= 0);
        }
    }
}
