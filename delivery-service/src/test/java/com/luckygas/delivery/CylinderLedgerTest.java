package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.admin;
import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static com.luckygas.delivery.OrderApi.today;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.delivery.customer.CustomerClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cylinder ledger: a balance is the last count plus deliveries minus empties plus the office's
 * movements, to the unit; more empties than held are accepted and flagged, never shown as a
 * negative holding; deposits follow lent and returned cylinders; every change is audited.
 */
@QuarkusTest
class CylinderLedgerTest {

    static final long CUSTOMER = 41;
    static final long OTHER = 42;
    static final long AUDITED = 43;

    @BeforeAll
    static void customers() {
        FakeCustomerService.CUSTOMERS.put(CUSTOMER, new CustomerClient.Customer(CUSTOMER, "4101", "鍋貼店", "中正區", "餐廳",
                true, List.of("0911111111")));
        FakeCustomerService.CUSTOMERS.put(OTHER, new CustomerClient.Customer(OTHER, "4201", "麵店", "中正區", "餐廳",
                true, List.of("0922222222")));
        FakeCustomerService.CUSTOMERS.put(AUDITED, new CustomerClient.Customer(AUDITED, "4301", "豆花店", "中正區", "餐廳",
                true, List.of("0933333333")));
    }

    private static JsonPath balance(long customer) {
        return office().get("/api/cylinders/customers/" + customer).then().statusCode(200).extract().jsonPath();
    }

    private static int held(JsonPath balance, String product) {
        Integer held = balance.get("products.find { it.productCode == '" + product + "' }.held");
        return held == null ? 0 : held;
    }

    private static int unaccounted(JsonPath balance, String product) {
        Integer n = balance.get("products.find { it.productCode == '" + product + "' }.unaccounted");
        return n == null ? 0 : n;
    }

    private static long total(String product) {
        Number held = office().get("/api/cylinders/totals").then().statusCode(200).extract()
                .path("products.find { it.productCode == '" + product + "' }.held");
        return held.longValue();
    }

    /** Delivers an order of the customer's with what the driver records at the door. */
    private static void deliver(long customer, String driverId, Object... productQuantityEmpties) {
        LocalDate day = today().plusDays(30);
        long id = createId(order(customer, day, productQuantityEmpties[0], productQuantityEmpties[1]));
        assign(driverId, id);
        driver(driverId).post("/api/orders/my/start?date=" + day).then().statusCode(200);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < productQuantityEmpties.length; i += 3) {
            items.add(Map.of("productCode", productQuantityEmpties[i], "quantity", productQuantityEmpties[i + 1],
                    "empties", productQuantityEmpties[i + 2]));
        }
        driver(driverId).body(Map.of("items", items, "amountCollected", 0, "paymentMethod", "CASH"))
                .post("/api/orders/" + id + "/complete").then().statusCode(200);
    }

    /** {@code hours} ago, but not before today's midnight in Taipei (a count "this morning" is today's, even just after midnight). */
    private static String earlierToday(int hours) {
        OffsetDateTime now = OffsetDateTime.now(OrderApi.TAIPEI);
        OffsetDateTime midnight = today().atStartOfDay(OrderApi.TAIPEI).toOffsetDateTime();
        OffsetDateTime at = now.minusHours(hours);
        return (at.isBefore(midnight) ? midnight : at).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void theBalanceIsTheLastCountPlusDeliveriesMinusEmptiesPlusMovements() {
        OrderApi.defaultPrices();
        admin().body(Map.of("amount", 1500)).put("/api/cylinders/deposit-rates/R16").then().statusCode(200)
                .body("amount", equalTo(1500));
        long r16Before = total("R16");

        // counted at the site this morning: 3 × 20 kg, 1 × 50 kg
        office().body(Map.of("counts", Map.of("R20", 3, "R50", 1), "reason", "開戶點數",
                        "countedAt", earlierToday(2)))
                .post("/api/cylinders/customers/" + CUSTOMER + "/counts").then().statusCode(201)
                .body("products.find { it.productCode == 'R20' }.held", equalTo(3));
        // 2 full 20 kg in, 2 empty 20 kg and the empty 50 kg back
        deliver(CUSTOMER, "D-CYL", "R20", 2, 2, "R50", 0, 1);
        JsonPath b = balance(CUSTOMER);
        assertEquals(3, held(b, "R20"));
        assertEquals(0, held(b, "R50"));
        assertFalse(b.getBoolean("flagged"));

        // two 16 kg lent with their deposit, one returned with its refund
        office().body(Map.of("kind", "LENT", "productCode", "R16", "quantity", 2, "reason", "備用瓶", "deposit", true))
                .post("/api/cylinders/customers/" + CUSTOMER + "/movements").then().statusCode(201)
                .body("deposit", equalTo(3000));
        assertEquals(r16Before + 2, total("R16"), "the company's 16 kg cylinders out at customers");
        office().body(Map.of("kind", "RETURNED", "productCode", "R16", "quantity", 1, "reason", "還一支", "deposit", true))
                .post("/api/cylinders/customers/" + CUSTOMER + "/movements").then().statusCode(201)
                .body("deposit", equalTo(1500))
                .body("products.find { it.productCode == 'R16' }.onDeposit", equalTo(1));
        assertEquals(1, held(balance(CUSTOMER), "R16"));

        // the driver brings back more empties than the customer had: accepted, flagged, never negative
        deliver(CUSTOMER, "D-CYL", "R20", 1, 6);
        b = balance(CUSTOMER);
        assertEquals(0, held(b, "R20"));
        assertEquals(2, unaccounted(b, "R20"), "3 + 1 − 6");
        assertTrue(b.getBoolean("flagged"));
        List<String> reasons = office().get("/api/cylinders/attention").then().statusCode(200).extract()
                .path("find { it.customerId == " + CUSTOMER + " }.reasons");
        assertTrue(reasons.contains("UNACCOUNTED"), String.valueOf(reasons));

        // a new count settles it
        office().body(Map.of("counts", Map.of("R20", 1, "R16", 1), "reason", "現場點數"))
                .post("/api/cylinders/customers/" + CUSTOMER + "/counts").then().statusCode(201);
        b = balance(CUSTOMER);
        assertEquals(1, held(b, "R20"));
        assertEquals(0, unaccounted(b, "R20"));
        assertFalse(b.getBoolean("flagged"));
        assertEquals("COUNT", b.getString("lastCount.kind"));

        // yesterday the ledger knew nothing of this customer
        JsonPath yesterday = office().queryParam("date", today().minusDays(1).toString())
                .get("/api/cylinders/customers/" + CUSTOMER).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), yesterday.getList("products"));
        assertNull(yesterday.get("lastCount"));
    }

    @Test
    void movementsComeNewestFirstInCursorPagesWithoutGapsOrRepeats() {
        office().body(Map.of("counts", Map.of("R20", 2), "countedAt",
                        earlierToday(3)))
                .post("/api/cylinders/customers/" + OTHER + "/counts").then().statusCode(201);
        deliver(OTHER, "D-CYL2", "R20", 1, 1, "R50", 1, 0);
        office().body(Map.of("kind", "LOST", "productCode", "R50", "quantity", 1, "reason", "客戶遺失"))
                .post("/api/cylinders/customers/" + OTHER + "/movements").then().statusCode(201);

        JsonPath all = office().queryParam("limit", 200).get("/api/cylinders/customers/" + OTHER + "/movements")
                .then().statusCode(200).extract().jsonPath();
        List<String> kinds = all.getList("items.kind");
        assertEquals(List.of("LOST", "DELIVERY", "DELIVERY", "COUNT"), kinds);
        assertEquals(-1, all.getInt("items[0].change"));
        assertNull(all.get("next"));

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = office().queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/cylinders/customers/" + OTHER + "/movements").then().statusCode(200)
                    .extract().jsonPath();
            for (Map<String, Object> e : page.<Map<String, Object>>getList("items")) {
                assertTrue(seen.add(e.get("kind") + ":" + e.get("id") + ":" + e.get("productCode")), "no repeats");
            }
            cursor = page.getString("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(4, seen.size());
        office().queryParam("cursor", "bm9wZQ").get("/api/cylinders/customers/" + OTHER + "/movements").then()
                .statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void badInputIsRefusedAndNamed() {
        String counts = "/api/cylinders/customers/" + CUSTOMER + "/counts";
        String moves = "/api/cylinders/customers/" + CUSTOMER + "/movements";
        office().body(Map.of("counts", Map.of("X9", 1))).post(counts).then().statusCode(400)
                .body("violations[0].field", equalTo("counts.X9"));
        office().body(Map.of("counts", Map.of("F20", 1))).post(counts).then().statusCode(400)
                .body("violations[0].field", equalTo("counts.F20"));
        office().body(Map.of("counts", Map.of("R20", -1))).post(counts).then().statusCode(400);
        office().body(Map.of("counts", Map.of("R20", 1), "countedAt", OffsetDateTime.now().plusDays(1).toString()))
                .post(counts).then().statusCode(400).body("violations[0].field", equalTo("countedAt"));
        office().body(Map.of("counts", Map.of("R20", 1))).post("/api/cylinders/customers/999999/counts").then()
                .statusCode(404);
        office().body(Map.of("kind", "LENT", "productCode", "F20", "quantity", 1, "reason", "x")).post(moves).then()
                .statusCode(400).body("violations[0].field", equalTo("productCode"));
        office().body(Map.of("kind", "LOST", "productCode", "R20", "quantity", 1, "reason", "x", "deposit", true))
                .post(moves).then().statusCode(400).body("violations[0].field", equalTo("deposit"));
        office().body(Map.of("kind", "RETURNED", "productCode", "R4", "quantity", 1, "reason", "x", "deposit", true))
                .post(moves).then().statusCode(400).body("violations[0].field", equalTo("deposit"));
        office().body(Map.of("kind", "LENT", "productCode", "R4", "quantity", 1, "reason", "x", "deposit", true))
                .post(moves).then().statusCode(400).body("violations[0].message", equalTo("no deposit is set for R4 (an ADMIN sets it)"));
        office().body(Map.of("kind", "STOLEN", "productCode", "R20", "quantity", 1, "reason", "x")).post(moves).then()
                .statusCode(400).body("violations[0].field", equalTo("kind"));
        office().body(Map.of("kind", "LENT", "productCode", "R20", "quantity", 0, "reason", "x")).post(moves).then()
                .statusCode(400).body("violations[0].field", equalTo("quantity"));
        office().body(Map.of("kind", "LENT", "productCode", "R20", "quantity", 1)).post(moves).then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        // deposit rates are an ADMIN's; drivers see none of the ledger
        office().body(Map.of("amount", 1)).put("/api/cylinders/deposit-rates/R20").then().statusCode(403);
        admin().body(Map.of("amount", 1)).put("/api/cylinders/deposit-rates/F20").then().statusCode(404);
        driver("D-CYL").get("/api/cylinders/customers/" + CUSTOMER).then().statusCode(403);
        driver("D-CYL").get("/api/cylinders/totals").then().statusCode(403);
    }

    @Test
    void everyChangeIsAuditedForAdmins() {
        office().body(Map.of("kind", "LENT", "productCode", "R20", "quantity", 1, "reason", "稽核測試"))
                .post("/api/cylinders/customers/" + AUDITED + "/movements").then().statusCode(201);
        JsonPath audit = admin().queryParam("subject", "customer:" + AUDITED).get("/api/ledgers/audit").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("LENT", audit.getString("items[0].action"));
        assertEquals("CYLINDERS", audit.getString("items[0].ledger"));
        int before = audit.get("items[0].before.products.find { it.productCode == 'R20' }.held") == null ? 0
                : audit.getInt("items[0].before.products.find { it.productCode == 'R20' }.held");
        assertEquals(before + 1, audit.getInt("items[0].after.products.find { it.productCode == 'R20' }.held"));
        assertTrue(audit.getString("items[0].actor").length() > 0);
        office().get("/api/ledgers/audit").then().statusCode(403);
        admin().queryParam("ledger", "CASH").queryParam("subject", "customer:" + AUDITED).get("/api/ledgers/audit").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }
}
