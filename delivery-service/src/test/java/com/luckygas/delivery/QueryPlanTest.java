package com.luckygas.delivery;

import com.luckygas.delivery.history.CustomerHistory;
import com.luckygas.delivery.report.Dashboard;
import com.luckygas.delivery.order.OrderList;
import com.luckygas.delivery.order.OrderView;
import com.luckygas.delivery.order.Order;
import com.luckygas.delivery.forecast.RunOutForecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statements the office waits for — a customer's history, today's board and dashboard, the
 * order lists — use their indexes on a realistic volume: 350,000 deliveries (100,000 of them
 * archived) and 150,000 orders, generated in SQL and ANALYZEd. Each check EXPLAINs (FORMAT JSON)
 * the exact SQL the service runs, with real parameter values, and asserts the intended index and
 * no sequential scan of a big table. Data lives in customers 500000..500999 and the years 2035–
 * 2045, away from other tests, and is removed afterwards.
 */
@QuarkusTest
class QueryPlanTest {

    static final Set<String> BIG = Set.of("delivery", "delivery_archive", "delivery_item", "delivery_item_archive",
            "orders", "order_item");
    static final LocalDate DAY = LocalDate.parse("2045-06-15");
    private static boolean loaded;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    OrderList orders;

    @BeforeEach
    void volume() throws Exception {
        if (loaded) {
            return;
        }
        loaded = true;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // their account totals are not kept (the triggers would take 40 s here, and nothing reads them)
            accountTriggers(s, false);
            // 250,000 live deliveries: 100 a day up to 2045-06-15, 1,000 customers, 12 drivers, 20 areas
            s.execute("""
                    INSERT INTO delivery.delivery (customer_id, delivered_at, delivery_date, driver_id, driver_name,
                                                   amount_collected, payment_method, area, customer_type, value)
                    SELECT 500000 + i % 1000, ts, (ts AT TIME ZONE 'Asia/Taipei')::date, 'D' || (i % 12), '林師傅',
                           800, 'CASH', '區' || (i % 20), '餐廳', 800
                    FROM (SELECT i, timestamptz '2045-06-15 08:00+08' - (i / 100) * interval '1 day'
                                    + (i % 100) * interval '5 minutes' AS ts
                          FROM generate_series(0, 249999) i) t""");
            s.execute("""
                    INSERT INTO delivery.delivery_item (delivery_id, product_code, quantity, empties)
                    SELECT id, 'R20', 1, 1 FROM delivery.delivery WHERE customer_id BETWEEN 500000 AND 500999""");
            // 100,000 archived ones before those
            s.execute("""
                    INSERT INTO delivery.delivery_archive (id, customer_id, delivered_at, delivery_date, driver_id,
                                                           driver_name, amount_collected, payment_method, area, customer_type,
                                                           value)
                    SELECT 900000000 + i, 500000 + i % 1000, ts, (ts AT TIME ZONE 'Asia/Taipei')::date, 'D' || (i % 12),
                           '林師傅', 800, 'CASH', '區' || (i % 20), '餐廳', 800
                    FROM (SELECT i, timestamptz '2038-08-27 08:00+08' - (i / 100) * interval '1 day' AS ts
                          FROM generate_series(0, 99999) i) t""");
            s.execute("""
                    INSERT INTO delivery.delivery_item_archive (delivery_id, product_code, quantity, empties)
                    SELECT id, 'R16', 1, 1 FROM delivery.delivery_archive WHERE id >= 900000000""");
            // 150,000 orders, 60 a day: delivered in the past, a mix of states on the last days
            s.execute("""
                    WITH o AS (
                      INSERT INTO delivery.orders (customer_id, requested_date, status, total_amount, customer_code,
                                                   customer_name, area, driver_id, failure_reason)
                      SELECT 500000 + i % 1000, date '2045-06-20' - i / 60,
                             CASE WHEN i / 60 > 5 THEN 'DELIVERED'
                                  ELSE (ARRAY['PENDING','ASSIGNED','OUT_FOR_DELIVERY','DELIVERED','FAILED'])[1 + i % 5] END,
                             800, 'C' || i % 1000, '客戶', '區' || (i % 20),
                             CASE WHEN i / 60 > 5 OR i % 5 > 0 THEN 'D' || (i % 12) END,
                             CASE WHEN i / 60 <= 5 AND i % 5 = 4 THEN '沒人在家' END
                      FROM generate_series(0, 149999) i
                      RETURNING id)
                    INSERT INTO delivery.order_item (order_id, line_no, product_code, quantity, unit_price)
                    SELECT id, 1, 'R20', 1, 800 FROM o""");
            for (String table : BIG) {
                s.execute("ANALYZE delivery." + table);
            }
            accountTriggers(s, true);
        }
    }

    /** The account triggers (V13) of the delivery tables off or on again: this data never reaches an account. */
    private static void accountTriggers(Statement s, boolean on) throws java.sql.SQLException {
        for (String table : List.of("delivery", "delivery_archive")) {
            for (String op : List.of("insert", "update", "delete")) {
                s.execute("ALTER TABLE delivery." + table + (on ? " ENABLE" : " DISABLE") + " TRIGGER " + table + "_account_" + op);
            }
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        DataSource ds = io.quarkus.arc.Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            accountTriggers(s, false);
            s.execute("DELETE FROM delivery.order_item WHERE order_id IN (SELECT id FROM delivery.orders WHERE customer_id BETWEEN 500000 AND 500999)");
            s.execute("DELETE FROM delivery.orders WHERE customer_id BETWEEN 500000 AND 500999");
            s.execute("DELETE FROM delivery.delivery WHERE customer_id BETWEEN 500000 AND 500999");
            s.execute("DELETE FROM delivery.delivery_item_archive WHERE delivery_id >= 900000000");
            s.execute("DELETE FROM delivery.delivery_archive WHERE id >= 900000000");
            for (String table : BIG) {
                s.execute("ANALYZE delivery." + table);
            }
            accountTriggers(s, true);
        }
    }

    /** Table and index of every scan in the plan, e.g. "Index Scan on delivery using delivery_customer_idx". */
    private List<String> scans(String sql, List<Object> params) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) instanceof List<?> list) {
                    s.setArray(i + 1, c.createArrayOf("bigint", list.toArray()));
                } else {
                    s.setObject(i + 1, params.get(i));
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                List<String> scans = new ArrayList<>();
                collect(new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan"), scans);
                return scans;
            }
        }
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.has("Relation Name") || node.has("Index Name")) {
            out.add(node.get("Node Type").asText() + " on " + (node.has("Relation Name") ? node.get("Relation Name").asText() : "")
                    + (node.has("Index Name") ? " using " + node.get("Index Name").asText() : ""));
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> collect(child, out));
        }
    }

    private static void assertIndexes(List<String> scans, String... indexes) {
        for (String scan : scans) {
            for (String table : BIG) {
                assertFalse(scan.equals("Seq Scan on " + table), "sequential scan of " + table + ": " + scans);
            }
        }
        for (String index : indexes) {
            assertTrue(scans.stream().anyMatch(s -> s.endsWith(" using " + index)), "expected " + index + " in " + scans);
        }
    }

    /** Named parameters (:name) of the service's native SQL to JDBC placeholders, values in order. */
    private List<String> scansOfNamed(String sql, Map<String, Object> values) throws Exception {
        List<Object> params = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            assertTrue(values.containsKey(m.group(1)), "no value for :" + m.group(1));
            params.add(values.get(m.group(1)));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        return scans(jdbc.toString(), params);
    }

    @Test
    void customerHistoryReadsBothCustomerIndexes() throws Exception {
        Map<String, Object> first = Map.of("customer", 500007L, "limit", 50);
        assertIndexes(scansOfNamed(CustomerHistory.FIRST_PAGE, first),
                "delivery_customer_idx", "delivery_archive_customer_idx", "delivery_item_pkey");
        Map<String, Object> next = Map.of("customer", 500007L, "limit", 50,
                "at", OffsetDateTime.parse("2039-04-01T08:00:00+08:00"), "id", 900000000L);
        assertIndexes(scansOfNamed(CustomerHistory.NEXT_PAGE, next),
                "delivery_customer_idx", "delivery_archive_customer_idx");
    }

    @Test
    void aCustomersAccountAndStatementReadTheAccountIndexes() throws Exception {
        assertIndexes(scansOfNamed(com.luckygas.delivery.account.Accounts.DELIVERIES,
                        Map.of("customer", 500007L, "from", DAY.withDayOfMonth(1), "to", DAY)),
                "delivery_account_idx", "delivery_archive_account_idx", "delivery_item_pkey");
        assertIndexes(scansOfNamed(com.luckygas.delivery.account.Accounts.BALANCE_BEFORE,
                        Map.of("customer", 500007L, "before", DAY)),
                "payment_customer_idx"); // and a customer index of each delivery table: never a sequential scan
        assertIndexes(scansOfNamed(com.luckygas.delivery.cash.CashBook.DAY, Map.of("driver", "D3", "day", DAY)),
                "delivery_driver_day_idx");
        // every driver's day: that day's deliveries only
        assertIndexes(scansOfNamed(com.luckygas.delivery.cash.CashBook.DAYS_OF_ALL, Map.of("day", DAY)));
        // cash still out: the last month's platform deliveries only
        assertIndexes(scansOfNamed(com.luckygas.delivery.cash.CashBook.OUT, Map.of("since", DAY.minusDays(30))));
    }

    @Test
    void dashboardOfTheDayReadsOnlyThatDay() throws Exception {
        // every area, and one depot's areas
        for (Map<String, Object> day : List.of(Map.<String, Object>of("day", DAY, "everyArea", true, "areas", new String[0]),
                Map.<String, Object>of("day", DAY, "everyArea", false, "areas", new String[] {"區7", "區8"}))) {
            assertIndexes(scansOfNamed(Dashboard.ORDERS, day), "orders_date_status_idx");
            assertIndexes(scansOfNamed(Dashboard.DELIVERED, day), "delivery_date_idx", "delivery_item_pkey");
            assertIndexes(scansOfNamed(Dashboard.CASH, day), "delivery_date_idx");
            assertIndexes(scansOfNamed(Dashboard.FAILED, day), "orders_date_status_idx");
        }
    }

    /** Runs an order list as the service does and EXPLAINs each statement Hibernate sent for it. */
    private List<List<String>> orderList(OrderList.Filters filters, List<Object> filterValues) throws Exception {
        SqlCapture.STATEMENTS.clear();
        SqlCapture.on = true;
        List<Long> ids;
        try {
            ids = QuarkusTransaction.requiringNew().call(() -> orders.list(filters, 0, 50).items().stream()
                    .map(OrderView::id).toList());
        } finally {
            SqlCapture.on = false;
        }
        assertEquals(4, SqlCapture.STATEMENTS.size(), "page, items, safety checks due and count: " + SqlCapture.STATEMENTS);
        List<List<String>> plans = new ArrayList<>();
        for (String sql : SqlCapture.STATEMENTS) {
            List<Object> params = new ArrayList<>(filterValues);
            long placeholders = sql.chars().filter(ch -> ch == '?').count();
            if (sql.contains("order_item") || sql.contains("safety_due_by")) {
                // "order_id in (?, ?, …)", or one array parameter
                params = placeholders == 1 ? new ArrayList<>(List.of(ids)) : new ArrayList<>(ids);
            }
            while (params.size() < placeholders) {
                params.add(50);
            }
            plans.add(scans(sql, params));
        }
        return plans;
    }

    @Test
    void theBoardsOrderListsUseTheirIndexes() throws Exception {
        // the day's orders, by status, by driver, by area
        for (List<String> plan : orderList(new OrderList.Filters(DAY, null, null, null, null, null), List.of(DAY))) {
            assertIndexes(plan);
        }
        List<List<String>> byStatus = orderList(new OrderList.Filters(DAY, Order.Status.PENDING, null, null, null, null),
                List.of(DAY, "PENDING"));
        assertIndexes(byStatus.get(0), "orders_date_status_idx");
        assertIndexes(byStatus.get(1), "order_item_pkey");
        // whether each order's customer is due a safety check: the page's orders by key, their checks by customer
        assertIndexes(byStatus.get(2), "orders_pkey", "safety_check_customer_idx");
        assertIndexes(byStatus.get(3), "orders_date_status_idx");
        List<List<String>> byDriver = orderList(new OrderList.Filters(DAY, null, "D3", null, null, null), List.of(DAY, "D3"));
        assertIndexes(byDriver.get(0), "orders_driver_date_idx");
        assertIndexes(byDriver.get(3), "orders_driver_date_idx");
        for (List<String> plan : orderList(new OrderList.Filters(DAY, null, null, "區7", null, null), List.of(DAY, "區7"))) {
            assertIndexes(plan);
        }
    }

    @Test
    void aCustomersOrdersAndTheNewestOrdersUseTheirIndexes() throws Exception {
        List<List<String>> byCustomer = orderList(new OrderList.Filters(null, null, null, null, null, 500007L), List.of(500007L));
        assertIndexes(byCustomer.get(0), "orders_customer_idx");
        assertIndexes(byCustomer.get(3), "orders_customer_idx");
        // the whole list, newest first: the page walks the date index (its total counts every order)
        List<List<String>> all = orderList(new OrderList.Filters(null, null, null, null, null, null), List.of());
        assertIndexes(all.get(0), "orders_requested_date_idx");
        assertIndexes(all.get(1), "order_item_pkey");
        // the open orders of every day (few among many delivered ones)
        for (List<String> plan : orderList(new OrderList.Filters(null, Order.Status.PENDING, null, null, null, null),
                List.of("PENDING"))) {
            assertIndexes(plan);
        }
    }

    @Test
    void theRunOutForecastReadsAFewRowsPerCustomerThroughTheIndexes() throws Exception {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("day", DAY, "depth", 9,
                "activeSince", DAY.minusDays(365)));
        params.put("area", null);
        assertIndexes(scansOfNamed(RunOutForecast.HISTORY, params), "delivery_customer_idx",
                "delivery_archive_customer_idx", "orders_open_customer_idx", "delivery_item_pkey");
    }

    @Test
    void theCustomerCardsOwnStatementsUseTheCustomerIndexes() throws Exception {
        // the run-out of one customer, planned for the values and as a prepared statement gone generic
        Map<String, Object> one = Map.of("customer", 500007L, "day", DAY, "depth", 9);
        assertIndexes(scansOfNamed(RunOutForecast.HISTORY_OF_ONE, one), "delivery_customer_idx",
                "delivery_archive_customer_idx", "delivery_item_pkey");
        assertIndexes(genericScansOfNamed(RunOutForecast.HISTORY_OF_ONE, one), "delivery_customer_idx",
                "delivery_archive_customer_idx");
        // the customer's open orders: the page of orders through a customer index, then their items
        SqlCapture.STATEMENTS.clear();
        SqlCapture.on = true;
        List<Long> ids;
        try {
            ids = QuarkusTransaction.requiringNew().call(() -> orders.open(500007L).stream().map(OrderView::id).toList());
        } finally {
            SqlCapture.on = false;
        }
        assertFalse(ids.isEmpty(), "the volume has open orders of this customer");
        String page = SqlCapture.STATEMENTS.get(0);
        // the customer, the open states (as many placeholders as Hibernate wrote), then the page's offset and size
        List<Object> values = new ArrayList<>(List.of(500007L));
        String in = page.substring(page.indexOf(" in ("), page.indexOf(')', page.indexOf(" in (")));
        List<String> open = com.luckygas.delivery.order.OrderAction.OPEN.stream().map(Enum::name).toList();
        for (int i = 0; i < in.chars().filter(ch -> ch == '?').count(); i++) {
            values.add(open.get(Math.min(i, open.size() - 1)));
        }
        while (values.size() < page.chars().filter(ch -> ch == '?').count()) {
            values.add(20);
        }
        List<String> scans = scans(page, values);
        assertIndexes(scans);
        assertTrue(scans.stream().anyMatch(s -> s.endsWith("using orders_open_customer_idx") || s.endsWith("using orders_customer_idx")),
                "the customer's orders by a customer index: " + scans + " for " + page);
    }

    /**
     * The plan PostgreSQL keeps for a statement once the driver has prepared it (pgjdbc does after
     * five executions) and the plan cache has gone generic: planned without the parameter values.
     */
    private List<String> genericScansOfNamed(String sql, Map<String, Object> values) throws Exception {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(sql);
        StringBuilder prepared = new StringBuilder();
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
            m.appendReplacement(prepared, "\\$" + (names.indexOf(m.group(1)) + 1));
        }
        m.appendTail(prepared);
        String arguments = names.stream().map(n -> values.get(n) == null ? "NULL" : "'" + values.get(n) + "'")
                .collect(java.util.stream.Collectors.joining(", "));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE generic_check AS " + prepared);
            try (ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE generic_check(" + arguments + ")")) {
                rs.next();
                List<String> scans = new ArrayList<>();
                collect(new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan"), scans);
                return scans;
            } finally {
                s.execute("DEALLOCATE generic_check");
                s.execute("RESET plan_cache_mode");
            }
        }
    }

    @Test
    void historyAndDashboardKeepTheirIndexesOncePreparedGeneric() throws Exception {
        assertIndexes(genericScansOfNamed(CustomerHistory.FIRST_PAGE, Map.of("customer", 500007L, "limit", 50)),
                "delivery_customer_idx", "delivery_archive_customer_idx");
        assertIndexes(genericScansOfNamed(CustomerHistory.NEXT_PAGE, Map.of("customer", 500007L, "limit", 50,
                "at", "2039-04-01 08:00+08", "id", 900000000L)), "delivery_customer_idx", "delivery_archive_customer_idx");
        Map<String, Object> day = Map.of("day", DAY, "everyArea", false, "areas", "{區7}");
        assertIndexes(genericScansOfNamed(Dashboard.ORDERS, day), "orders_date_status_idx");
        assertIndexes(genericScansOfNamed(Dashboard.DELIVERED, day), "delivery_date_idx");
        assertIndexes(genericScansOfNamed(Dashboard.CASH, day), "delivery_date_idx");
        assertIndexes(genericScansOfNamed(Dashboard.FAILED, day), "orders_date_status_idx");
    }
}
