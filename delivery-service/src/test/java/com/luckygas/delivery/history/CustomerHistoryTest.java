package com.luckygas.delivery.history;

import static com.luckygas.delivery.OrderApi.office;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer's history: newest first, cursor pages that never skip or repeat, on its index. */
@QuarkusTest
class CustomerHistoryTest {

    private static boolean loaded;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @BeforeEach
    void history() throws Exception {
        if (loaded) {
            return;
        }
        loaded = true;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // 120 deliveries of customer 9001, in pairs at the same instant (ties broken by id)
            s.execute("""
                    INSERT INTO delivery.delivery (customer_id, delivered_at, delivery_date, driver_name)
                    SELECT 9001, timestamptz '2024-01-01 09:00+08' + (i / 2) * interval '3 days',
                           date '2024-01-01' + (i / 2) * 3, '王師傅'
                    FROM generate_series(1, 120) i""");
            // and 200,000 of other customers, so that the plan is the one of a real table
            s.execute("""
                    INSERT INTO delivery.delivery (customer_id, delivered_at, delivery_date)
                    SELECT 10000 + i % 1300, timestamptz '2016-01-01 08:00+08' + (i % 3600) * interval '1 day',
                           date '2016-01-01' + i % 3600
                    FROM generate_series(1, 200000) i""");
            // and an archive of older ones (the archival job's table), so that its plan does not
            // depend on whether ArchiveTest ran before this class (in 1990-1993: months no other test reports on)
            s.execute("""
                    INSERT INTO delivery.delivery_archive (id, customer_id, delivered_at, delivery_date)
                    SELECT 800000000 + i, 10000 + i % 1300, timestamptz '1990-01-01 08:00+08' + (i % 1400) * interval '1 day',
                           date '1990-01-01' + i % 1400
                    FROM generate_series(1, 60000) i""");
            s.execute("ANALYZE delivery.delivery");
            s.execute("ANALYZE delivery.delivery_archive");
        }
    }

    @Test
    void pagesWalkTheWholeHistoryNewestFirstWithoutGapsOrRepeats() {
        List<Long> ids = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = office().queryParam("customerId", 9001).queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/deliveries").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", Long.class));
            page.getList("items.deliveredAt", String.class).forEach(t -> times.add(OffsetDateTime.parse(t)));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(120, ids.size());
        assertEquals(120, new HashSet<>(ids).size());
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isAfter(times.get(i - 1)), "not newest first at " + i);
            if (times.get(i).isEqual(times.get(i - 1))) {
                assertTrue(ids.get(i) < ids.get(i - 1), "ties must be ordered by id, descending");
            }
        }
    }

    /** Every field of a delivery and its items, from the live table and from the archive, as the API documents them. */
    @Test
    void aPageCarriesEachDeliveryWithItsItemsFromLiveAndArchive() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    WITH d AS (INSERT INTO delivery.delivery (customer_id, delivered_at, delivery_date, driver_id, driver_name,
                                                             amount_collected, payment_method, notes)
                               VALUES (9002, timestamptz '2025-03-04 10:05:06.25+08', date '2025-03-04', 'D07', '陳師傅',
                                       1730, 'CASH', '後門') RETURNING id)
                    INSERT INTO delivery.delivery_item (delivery_id, product_code, quantity, empties)
                    SELECT id, code, qty, emp FROM d, (VALUES ('R50', 1.00, 1), ('R20', 2.00, 0)) v(code, qty, emp)""");
            s.execute("""
                    INSERT INTO delivery.delivery_archive (id, customer_id, delivered_at, delivery_date)
                    VALUES (799999999, 9002, timestamptz '2019-01-02 08:00+08', date '2019-01-02')""");
            s.execute("""
                    INSERT INTO delivery.delivery_item_archive (delivery_id, product_code, quantity, empties)
                    VALUES (799999999, 'R16', 3.00, 3)""");
        }
        JsonPath page = office().queryParam("customerId", 9002).get("/api/deliveries").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertEquals(2, page.getList("items").size());
        assertEquals(9002, page.getLong("items[0].customerId"));
        assertNull(page.get("items[0].orderId"));
        assertEquals(OffsetDateTime.parse("2025-03-04T10:05:06.25+08:00").toInstant(),
                OffsetDateTime.parse(page.getString("items[0].deliveredAt")).toInstant());
        assertEquals("2025-03-04", page.getString("items[0].deliveryDate"));
        assertEquals("D07", page.getString("items[0].driverId"));
        assertEquals("陳師傅", page.getString("items[0].driverName"));
        assertEquals(1730, page.getLong("items[0].amountCollected"));
        assertEquals("CASH", page.getString("items[0].paymentMethod"));
        assertEquals("後門", page.getString("items[0].notes"));
        assertEquals(List.of("R20", "R50"), page.getList("items[0].items.productCode"));
        assertEquals(List.of(2.0f, 1.0f), page.getList("items[0].items.quantity"));
        assertEquals(List.of(0, 1), page.getList("items[0].items.empties"));
        // the archived one: its own items, and its missing values as nulls
        assertEquals(799999999L, page.getLong("items[1].id"));
        assertNull(page.get("items[1].amountCollected"));
        assertNull(page.get("items[1].paymentMethod"));
        assertNull(page.get("items[1].driverName"));
        assertEquals(List.of("R16"), page.getList("items[1].items.productCode"));
        assertEquals(List.of(3), page.getList("items[1].items.empties"));
        assertNull(page.getString("next"));
    }

    @Test
    void anEmptyHistoryIsOnePageWithoutNext() {
        JsonPath page = office().queryParam("customerId", 424242).get("/api/deliveries").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0, page.getList("items").size());
        assertNull(page.getString("next"));
    }

    @Test
    void bothPageQueriesUseTheCustomerIndex() {
        for (String sql : List.of(CustomerHistory.FIRST_PAGE, CustomerHistory.NEXT_PAGE)) {
            String plan = QuarkusTransaction.requiringNew().call(() -> {
                var query = em.createNativeQuery("EXPLAIN " + sql).setParameter("customer", 10007L).setParameter("limit", 50);
                if (sql.contains(":at")) {
                    query.setParameter("at", OffsetDateTime.parse("2020-01-01T00:00:00+08:00")).setParameter("id", 150000L);
                }
                @SuppressWarnings("unchecked")
                List<Object> rows = query.getResultList();
                return rows.stream().map(String::valueOf).collect(Collectors.joining("\n"));
            });
            assertFalse(plan.contains("Seq Scan on delivery"), plan);
            // the page is read in index order and cut at the limit: no sort of the customer's whole history
            for (String index : List.of("delivery_customer_idx", "delivery_archive_customer_idx")) {
                assertTrue(java.util.regex.Pattern.compile("Limit[^\\n]*\\n\\s*->\\s+Index Scan using " + index)
                        .matcher(plan).find(), "expected Limit directly over " + index + ":\n" + plan);
            }
        }
    }
}
