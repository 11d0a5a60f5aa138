package com.luckygas.delivery;

import com.luckygas.delivery.customer.CustomerClient;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Who runs out this week" through the API, on small histories in 2031 (no other test's data is
 * that recent, so every other customer counts as inactive) whose dates are worked out by hand.
 * Fewer than 24 months of deliveries before June 2031: no seasonal factors, flat rates.
 */
@QuarkusTest
class ForecastTest {

    private static final String DAY = "2031-06-15";
    private static boolean loaded;

    @Inject
    DataSource dataSource;

    /** deliveries: customer, date, product, quantity[, area] (area defaults to 中正區); in the archive when asked. */
    private void deliver(Statement s, boolean archived, long customer, String date, String product, double quantity,
                         String area) throws Exception {
        String table = archived ? "delivery.delivery_archive" : "delivery.delivery";
        String items = archived ? "delivery.delivery_item_archive" : "delivery.delivery_item";
        String id = archived ? "(SELECT coalesce(max(id), 0) + 5000000 FROM delivery.delivery_archive)" : "DEFAULT";
        s.execute("""
                WITH d AS (INSERT INTO %s (id, customer_id, delivered_at, delivery_date, driver_name, area, customer_type)
                           VALUES (%s, %d, timestamptz '%s 10:00+08', date '%s', '林師傅', '%s', '餐廳') RETURNING id)
                INSERT INTO %s (delivery_id, product_code, quantity, empties) SELECT id, '%s', %s, 0 FROM d"""
                .formatted(table, id, customer, date, date, area, items, product, quantity));
    }

    private void deliver(Statement s, long customer, String product, double quantity, String... dates) throws Exception {
        for (String date : dates) {
            deliver(s, false, customer, date, product, quantity, "中正區");
        }
    }

    @BeforeEach
    void histories() throws Exception {
        if (loaded) {
            return;
        }
        loaded = true;
        for (long id = 801; id <= 809; id++) {
            FakeCustomerService.CUSTOMERS.put(id, new CustomerClient.Customer(id, "F" + id, "預測客戶" + id,
                    id == 808 ? "北投區" : "中正區", "餐廳", id != 806, List.of("09120008" + (id - 800))));
        }
        FakeCustomerService.DAILY_USE.put(803L, new BigDecimal("4"));
        FakeCustomerService.DAILY_USE.put(809L, new BigDecimal("3"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // 801: 20 kg every 10 days, the first two already archived: 2 kg/day, out on June 15
            deliver(s, true, 801, "2031-05-06", "R20", 1, "中正區");
            deliver(s, true, 801, "2031-05-16", "R20", 1, "中正區");
            deliver(s, 801, "R20", 1, "2031-05-26", "2031-06-05");
            // 802: the same with a 20-day gap: the median stays 2 kg/day, out on June 20, latest June 23
            deliver(s, 802, "R20", 1, "2031-04-21", "2031-05-01", "2031-05-11", "2031-05-21", "2031-06-10");
            // 803: one interval (2 kg/day) and the client list's 4 kg/day: 3.5 kg/day; 35 kg of flow gas on June 11
            deliver(s, 803, "R20", 1, "2031-06-01");
            deliver(s, 803, "F50", 35, "2031-06-11");
            // 804: a single delivery and no average daily use: nothing to forecast from
            deliver(s, 804, "R20", 1, "2031-06-01");
            // 805 would be due, but has an open order; 806 is deactivated in the customer book
            deliver(s, 805, "R20", 1, "2031-05-16", "2031-05-26", "2031-06-05");
            deliver(s, 806, "R20", 1, "2031-05-16", "2031-05-26", "2031-06-05");
            s.execute("INSERT INTO delivery.orders (customer_id, requested_date, status) VALUES (805, date '2031-06-16', 'PENDING')");
            // 807: 40 kg lasting 40 days: out on June 29 (outside the week)
            deliver(s, 807, "R20", 2, "2031-03-01", "2031-04-10", "2031-05-20");
            // 808 (北投區): 16 kg lasting 8 days twice, then two deliveries on June 5 (32 kg): out on June 21
            for (String date : List.of("2031-05-20", "2031-05-28", "2031-06-05", "2031-06-05")) {
                deliver(s, false, 808, date, "R16", 1, "北投區");
            }
            // 809: last delivered more than a year before: not active, however overdue
            deliver(s, 809, "R20", 1, "2030-01-01", "2030-01-11");
        }
    }

    private JsonPath forecast(Map<String, Object> params) {
        return office().queryParam("date", DAY).queryParams(params).get("/api/reports/forecast").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void thisWeeksListIsSoonestFirstWithWhatEachForecastRestsOn() {
        JsonPath page = forecast(Map.of("within", 7));
        assertEquals(List.of(801, 802, 803, 808), page.getList("items.customerId", Integer.class));
        assertEquals(4, page.getInt("total"));
        assertFalse(page.getBoolean("season.applied"));
        assertEquals(List.of("2031-06-15", "2031-06-20", "2031-06-21", "2031-06-21"),
                page.getList("items.expectedRunOut", String.class));
        assertEquals(List.of(0, 5, 6, 6), page.getList("items.daysLeft", Integer.class));

        Map<String, Object> regular = page.getMap("items[0]");
        assertEquals("F801", regular.get("customerCode"));
        assertEquals("預測客戶801", regular.get("customerName"));
        assertEquals(List.of("091200081"), regular.get("phones"));
        assertEquals("2031-06-05", regular.get("lastDelivery"));
        assertEquals(20, regular.get("lastKg"));
        assertEquals(2, regular.get("kgPerDay"));
        assertEquals("2031-06-15", regular.get("earliest"));
        assertEquals("2031-06-15", regular.get("latest"));
        // three intervals, from an archived delivery on: history crosses into the archive
        assertEquals(3, page.getInt("items[0].basis.intervals"));
        assertEquals("2031-05-06", page.getString("items[0].basis.from"));
        assertEquals("2031-06-05", page.getString("items[0].basis.to"));
        assertEquals("HISTORY", page.getString("items[0].basis.method"));
        assertEquals(1, page.getInt("items[0].basis.seasonalFactor"));
        assertNull(page.get("items[0].basis.priorKgPerDay"));

        assertEquals("2031-06-23", page.getString("items[1].latest"));
        assertEquals(4, page.getInt("items[1].basis.intervals"));

        assertEquals(3.5f, page.getFloat("items[2].kgPerDay"));
        assertEquals(35, page.getInt("items[2].lastKg"));
        assertEquals("HISTORY_AND_PRIOR", page.getString("items[2].basis.method"));
        assertEquals(4, page.getInt("items[2].basis.priorKgPerDay"));
        assertEquals("2031-06-18", page.getString("items[2].earliest"));
        assertEquals("2031-06-26", page.getString("items[2].latest"));

        // two deliveries on one day count as one delivery day of 32 kg
        assertEquals(32, page.getInt("items[3].lastKg"));
        assertEquals("SHORT_HISTORY", page.getString("items[3].basis.method"));
        assertEquals("北投區", page.getString("items[3].area"));
    }

    @Test
    void aLongerHorizonAddsLaterCustomers() {
        JsonPath page = forecast(Map.of("within", 30));
        assertEquals(List.of(801, 802, 803, 808, 807), page.getList("items.customerId", Integer.class));
        assertEquals(1, page.getFloat("items[4].kgPerDay"));
        assertEquals("2031-06-29", page.getString("items[4].expectedRunOut"));
    }

    @Test
    void filteredByAreaAndPaged() {
        assertEquals(List.of(808), forecast(Map.of("within", 7, "area", "北投區")).getList("items.customerId", Integer.class));
        JsonPath second = forecast(Map.of("within", 7, "size", 3, "page", 1));
        assertEquals(List.of(808), second.getList("items.customerId", Integer.class));
        assertEquals(4, second.getInt("total"));
    }

    @Test
    void onlyTheOfficeMayAskAndBadParametersAreProblems() {
        driver("D01").queryParam("date", DAY).get("/api/reports/forecast").then().statusCode(403);
        office().queryParam("within", -1).get("/api/reports/forecast").then().statusCode(400)
                .contentType("application/problem+json");
        office().queryParam("date", "2031-13-01").get("/api/reports/forecast").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
    }

    @Test
    void withoutTheCustomerBookTheAnswerIs503NotAGuess() {
        FakeCustomerService.down = true;
        try {
            office().queryParam("date", DAY).get("/api/reports/forecast").then().statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            FakeCustomerService.down = false;
        }
    }

    @Test
    void customerServiceIsAskedWithTheCallersToken() {
        String token = com.luckygas.testing.TestTokens.office();
        io.restassured.RestAssured.given().auth().oauth2(token).queryParam("date", DAY).get("/api/reports/forecast")
                .then().statusCode(200);
        assertEquals(token, FakeCustomerService.TOKENS.get(FakeCustomerService.TOKENS.size() - 1));
    }
}
