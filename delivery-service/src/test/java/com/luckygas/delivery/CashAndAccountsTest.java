package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.admin;
import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static com.luckygas.delivery.OrderApi.price;
import static com.luckygas.delivery.OrderApi.today;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cash and accounts (issue 17): a delivery is valued at the order's prices; a driver's day closes
 * once, with the difference and its reason, and after it only an ADMIN corrects; a statement's
 * total is the sum of its deliveries' values; what is owed is aged first in, first out; two users
 * at once on the same day or account: one wins, the other gets 409. Numbers to the unit.
 */
@QuarkusTest
class CashAndAccountsTest {

    static final long CASH_CUSTOMER = 51;
    static final long MONTHLY_CUSTOMER = 52;
    static final long AGED_CUSTOMER = 53;
    static final long RACED_CUSTOMER = 54;

    @Inject
    DataSource dataSource;

    @Inject
    com.luckygas.delivery.history.Archiver archiver;

    @Inject
    org.hibernate.SessionFactory sessionFactory;

    @BeforeAll
    static void customers() {
        FakeCustomerService.CUSTOMERS.put(CASH_CUSTOMER, new CustomerClient.Customer(CASH_CUSTOMER, "5101", "現金小吃",
                "中正區", "餐廳", true, List.of("0911111111")));
        FakeCustomerService.CUSTOMERS.put(MONTHLY_CUSTOMER, new CustomerClient.Customer(MONTHLY_CUSTOMER, "5201", "月結餐廳",
                "中正區", "餐廳", true, List.of("0922222222")));
        FakeCustomerService.PAYMENT_TERM.put(MONTHLY_CUSTOMER, "MONTHLY");
        FakeCustomerService.CUSTOMERS.put(AGED_CUSTOMER, new CustomerClient.Customer(AGED_CUSTOMER, "5301", "老欠工廠",
                "中正區", "工廠", true, List.of("0933333333")));
        FakeCustomerService.PAYMENT_TERM.put(AGED_CUSTOMER, "TRANSFER");
        FakeCustomerService.CUSTOMERS.put(RACED_CUSTOMER, new CustomerClient.Customer(RACED_CUSTOMER, "5401", "搶付公司",
                "中正區", "公司", true, List.of("0944444444")));
    }

    /** An order of the customer's for today, assigned to the driver, who sets out with it. */
    private static long outForDelivery(long customer, String driverId, Object... productAndQuantity) {
        long id = createId(order(customer, today(), productAndQuantity));
        assign(driverId, id);
        driver(driverId).post("/api/orders/my/start?date=" + today()).then().statusCode(200);
        return id;
    }

    private static Map<String, Object> completion(long collected, String method, Object... productQuantityEmpties) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < productQuantityEmpties.length; i += 3) {
            items.add(Map.of("productCode", productQuantityEmpties[i], "quantity", productQuantityEmpties[i + 1],
                    "empties", productQuantityEmpties[i + 2]));
        }
        return Map.of("items", items, "amountCollected", collected, "paymentMethod", method);
    }

    private static RequestSpecification otherOffice() {
        return RestAssured.given().auth().oauth2(TestTokens.token("OFFICE", "office2", "office2", null))
                .contentType(ContentType.JSON);
    }

    private static JsonPath cashDay(String driverId) {
        return office().get("/api/cash/drivers/" + driverId + "/days/" + today()).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aDriversDayClosesOnceWithItsDifferenceAndAfterItOnlyAnAdminCorrects() {
        OrderApi.defaultPrices();
        price("R20", CASH_CUSTOMER, today().minusDays(1), 777.5);
        String d = "D-CASH";
        // 2 × R20 at the customer's 777.50 and one R16 the order did not have, at the book's 650: 2,205
        long first = outForDelivery(CASH_CUSTOMER, d, "R20", 2);
        driver(d).body(completion(2205, "CASH", "R20", 2, 2, "R16", 1, 0))
                .post("/api/orders/" + first + "/complete").then().statusCode(200)
                .body("value", equalTo(2205))
                .body("items.find { it.productCode == 'R16' }.unitPrice", equalTo(650.0f));
        // 1 × R50 at 1,900 and 10.5 kg of flow gas at 45.50 = 477.75: 2,377.75, rounded once: 2,378; he collected 2,300
        long second = outForDelivery(CASH_CUSTOMER, d, "R50", 1, "F20", 10.5);
        long secondDelivery = driver(d).body(completion(2300, "CASH", "R50", 1, 1, "F20", 10.5, 0))
                .post("/api/orders/" + second + "/complete").then().statusCode(200)
                .body("value", equalTo(2378)).extract().<Number>path("id").longValue();
        long third = outForDelivery(CASH_CUSTOMER, d, "R20", 1);

        JsonPath day = cashDay(d);
        assertEquals(2, day.getInt("deliveries"));
        assertEquals(2205 + 2378, day.getLong("expected"));
        assertEquals(2205 + 2300, day.getLong("recorded"));
        assertFalse(day.getBoolean("closed"));
        // the dashboard shows it as still out with him
        assertEquals(4505, office().get("/api/reports/dashboard").then().statusCode(200).extract()
                .<Number>path("cashOut.find { it.driverId == '" + d + "' }.recorded").longValue());

        // bad input is named
        office().get("/api/cash/drivers/" + d + "/days/2026-13-01").then().statusCode(400)
                .contentType("application/problem+json");
        office().body(Map.of("received", -1)).post("/api/cash/drivers/" + d + "/days/" + today() + "/close")
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.containsString("received"));
        office().body(Map.of("received", 0)).post("/api/cash/drivers/" + d + "/days/" + today().plusDays(1) + "/close")
                .then().statusCode(400).body("violations[0].field", equalTo("day"));
        // short by 83 without a reason: refused, naming the field; nothing closed
        office().body(Map.of("received", 4500)).post("/api/cash/drivers/" + d + "/days/" + today() + "/close")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("reason"));
        assertFalse(cashDay(d).getBoolean("closed"));

        office().body(Map.of("received", 4500, "reason", "客戶少付78元，司機少交5元"))
                .post("/api/cash/drivers/" + d + "/days/" + today() + "/close").then().statusCode(200)
                .body("closed", equalTo(true)).body("difference", equalTo(-83)).body("closedBy", equalTo("office"));
        // closing twice is harmless…
        office().body(Map.of("received", 4500, "reason", "客戶少付78元，司機少交5元"))
                .post("/api/cash/drivers/" + d + "/days/" + today() + "/close").then().statusCode(200)
                .body("version", equalTo(0));
        // …but another close of the same day with other figures is a conflict
        otherOffice().body(Map.of("received", 4583))
                .post("/api/cash/drivers/" + d + "/days/" + today() + "/close").then().statusCode(409)
                .contentType("application/problem+json");
        assertNull(office().get("/api/reports/dashboard").then().statusCode(200).extract()
                .path("cashOut.find { it.driverId == '" + d + "' }"), "nothing out with him once closed");

        // his day is closed: no more deliveries recorded on it, and the office may not correct
        driver(d).body(completion(800, "CASH", "R20", 1, 1)).post("/api/orders/" + third + "/complete")
                .then().statusCode(409).contentType("application/problem+json");
        Map<String, Object> fix = new HashMap<>(completion(2378, "CASH", "R50", 1, 1, "F20", 10.5, 0));
        fix.put("reason", "客戶補付78元");
        office().body(fix).post("/api/deliveries/" + secondDelivery + "/corrections").then().statusCode(403)
                .contentType("application/problem+json");
        // an ADMIN corrects with a reason: the close takes the corrected figures, received stays as counted
        fix.put("reason", "");
        admin().body(fix).post("/api/deliveries/" + secondDelivery + "/corrections").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        fix.put("reason", "客戶補付78元");
        admin().body(fix).post("/api/deliveries/" + secondDelivery + "/corrections").then().statusCode(200)
                .body("amountCollected", equalTo(2378)).body("value", equalTo(2378));
        day = cashDay(d);
        assertEquals(2205 + 2378, day.getLong("recorded"));
        assertEquals(4500, day.getLong("received"));
        assertEquals(-83, day.getLong("difference"));
        assertEquals(1, day.getLong("version"));

        List<String> actions = admin().queryParam("ledger", "CASH").get("/api/ledgers/audit").then().statusCode(200)
                .extract().path("items.action");
        assertTrue(actions.containsAll(List.of("CLOSE", "CORRECT_DELIVERY", "RECOUNT")), String.valueOf(actions));
        office().get("/api/ledgers/audit").then().statusCode(403);
    }

    /**
     * The office's list of the day: every driver with deliveries, each exactly as his own day reads
     * (open with today's figures, or closed with what was counted), in one statement however many
     * drivers drove.
     */
    @Test
    void everyDriversDayInOneAnswerEachAsHisOwnDayReads() throws Exception {
        OrderApi.defaultPrices();
        List<String> drivers = List.of("D-ALL-1", "D-ALL-2", "D-ALL-3");
        for (String d : drivers) {
            long id = outForDelivery(CASH_CUSTOMER, d, "R20", 1);
            driver(d).body(completion(d.equals("D-ALL-2") ? 700 : 800, "CASH", "R20", 1, 1))
                    .post("/api/orders/" + id + "/complete").then().statusCode(200);
        }
        long expected = cashDay("D-ALL-1").getLong("expected");
        office().body(Map.of("received", expected - 10, "reason", "少交10元"))
                .post("/api/cash/drivers/D-ALL-1/days/" + today() + "/close").then().statusCode(200);
        // a close whose deliveries are no longer the platform's (as after corrections): listed, closed
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO delivery.cash_close (driver_id, day, deliveries, expected, recorded, received, closed_by, closed_at)
                VALUES ('D-ALL-0', ?, 1, 500, 500, 500, 'office', now())""")) {
            insert.setObject(1, today());
            insert.executeUpdate();
        }

        sessionFactory.getStatistics().clear();
        List<Map<String, Object>> all = office().get("/api/cash/days/" + today()).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().getList("$");
        assertEquals(1, sessionFactory.getStatistics().getPrepareStatementCount(), "statements for every driver's day");

        List<String> listed = all.stream().map(m -> (String) m.get("driverId")).toList();
        assertTrue(listed.containsAll(drivers) && listed.contains("D-ALL-0"), String.valueOf(listed));
        assertEquals(listed.stream().sorted().toList(), listed, "in driver order");
        for (Map<String, Object> day : all) {
            assertEquals(cashDay((String) day.get("driverId")).getMap("$"), day, "the list and the driver's own day");
        }
        Map<String, Object> closed = all.get(listed.indexOf("D-ALL-1"));
        assertEquals(true, closed.get("closed"));
        assertEquals(-10, ((Number) closed.get("difference")).intValue());
        Map<String, Object> open = all.get(listed.indexOf("D-ALL-2"));
        assertEquals(false, open.get("closed"));
        assertEquals(1, ((Number) open.get("deliveries")).intValue());
        assertEquals(expected, ((Number) open.get("expected")).longValue());
        assertEquals(700, ((Number) open.get("recorded")).intValue());
        assertNull(open.get("received"));
        Map<String, Object> closeOnly = all.get(listed.indexOf("D-ALL-0"));
        assertEquals(true, closeOnly.get("closed"));
        assertEquals(500, ((Number) closeOnly.get("received")).intValue());
        assertEquals(0, ((Number) closeOnly.get("difference")).intValue());
        // a day nobody drove: an empty list
        office().get("/api/cash/days/" + today().minusYears(30)).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void twoOfficeUsersClosingTheSameDayAtOnceOneWinsTheOtherGets409() throws Exception {
        OrderApi.defaultPrices();
        String d = "D-RACE";
        long id = outForDelivery(CASH_CUSTOMER, d, "R20", 1);
        driver(d).body(completion(800, "CASH", "R20", 1, 1)).post("/api/orders/" + id + "/complete").then().statusCode(200);
        long expected = cashDay(d).getLong("expected");
        List<Integer> statuses = race(
                () -> office().body(Map.of("received", expected))
                        .post("/api/cash/drivers/" + d + "/days/" + today() + "/close").statusCode(),
                () -> otherOffice().body(Map.of("received", expected))
                        .post("/api/cash/drivers/" + d + "/days/" + today() + "/close").statusCode());
        Collections.sort(statuses);
        assertEquals(List.of(200, 409), statuses);
    }

    @Test
    void aMonthlyCustomersStatementAddsUpToTheUnitAndDownloadsAsXlsx() throws Exception {
        OrderApi.defaultPrices();
        price("R20", MONTHLY_CUSTOMER, today().minusDays(1), 760);
        String d = "D-MONTH";
        long first = outForDelivery(MONTHLY_CUSTOMER, d, "R20", 3);
        long v1 = driver(d).body(completion(0, "MONTHLY", "R20", 3, 3)).post("/api/orders/" + first + "/complete")
                .then().statusCode(200).extract().<Number>path("value").longValue();
        long second = outForDelivery(MONTHLY_CUSTOMER, d, "R50", 2, "F20", 33.3);
        long v2 = driver(d).body(completion(100, "MONTHLY", "R50", 2, 2, "F20", 33.3, 0)).post("/api/orders/" + second + "/complete")
                .then().statusCode(200).extract().<Number>path("value").longValue();
        assertEquals(3 * 760, v1);
        assertEquals(Math.round(2 * 1900 + 33.3 * 45.5), v2, "2 × 1,900 + 33.3 kg × 45.50 = 5,315.15");

        // paid last month (a credit brought forward) and this month
        long version = office().get("/api/accounts/customers/" + MONTHLY_CUSTOMER).then().statusCode(200)
                .extract().<Number>path("version").longValue();
        LocalDate lastMonth = today().withDayOfMonth(1).minusDays(1);
        version = pay(MONTHLY_CUSTOMER, lastMonth, "CHEQUE", 500, version);
        version = pay(MONTHLY_CUSTOMER, today(), "TRANSFER", 1000, version);
        // a payment naming a version that is no longer current: nothing recorded
        office().body(payment(today(), "CASH", 999, version - 1)).post("/api/accounts/customers/" + MONTHLY_CUSTOMER + "/payments")
                .then().statusCode(409).contentType("application/problem+json");

        YearMonth month = YearMonth.from(today());
        JsonPath s = office().get("/api/accounts/customers/" + MONTHLY_CUSTOMER + "/statements/" + month).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("5201", s.getString("customerCode"));
        assertEquals("MONTHLY", s.getString("paymentTerm"));
        assertEquals(-500, s.getLong("broughtForward"));
        List<Number> values = s.getList("deliveries.value");
        assertEquals(List.of(v1, v2), values.stream().map(Number::longValue).toList());
        assertEquals(v1 + v2, s.getLong("charged"), "a statement's total is the sum of its deliveries' values");
        assertEquals(100, s.getLong("collected"));
        assertEquals(1000, s.getLong("paid"));
        assertEquals(-500 + v1 + v2 - 100 - 1000, s.getLong("carriedForward"));
        assertEquals(33.3f, s.getFloat("deliveries[1].items.find { it.productCode == 'F20' }.quantity"));
        // last month's statement carries forward what this one brings forward
        assertEquals(-500, office().get("/api/accounts/customers/" + MONTHLY_CUSTOMER + "/statements/" + month.minusMonths(1))
                .then().statusCode(200).extract().<Number>path("carriedForward").longValue());

        byte[] xlsx = office().queryParam("format", "xlsx")
                .get("/api/accounts/customers/" + MONTHLY_CUSTOMER + "/statements/" + month).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, Double> totals = new HashMap<>();
            boolean headers = false;
            for (Row row : sheet) {
                if (row.getCell(0) == null) {
                    continue;
                }
                String label = row.getCell(0).toString();
                headers |= "配送日期".equals(label) && "單價".equals(row.getCell(4).getStringCellValue());
                if (row.getCell(1) != null && row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    totals.put(label, row.getCell(1).getNumericCellValue());
                }
            }
            assertTrue(headers, "Chinese headers");
            assertEquals(-500.0, totals.get("上期結欠"));
            assertEquals((double) (v1 + v2), totals.get("本期配送金額"));
            assertEquals((double) (-500 + v1 + v2 - 100 - 1000), totals.get("本期結欠"));
        }

        JsonPath balance = office().get("/api/accounts/customers/" + MONTHLY_CUSTOMER).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(-500 + v1 + v2 - 100 - 1000, balance.getLong("owed"));
        assertEquals(balance.getLong("owed"), balance.getLong("aging.days0to30"));
        office().get("/api/accounts/customers/" + MONTHLY_CUSTOMER + "/statements/2026-13").then().statusCode(400);
        office().get("/api/accounts/customers/999999/statements/" + month).then().statusCode(404);
        driver(d).get("/api/accounts/owed").then().statusCode(403);
    }

    @Test
    void whatIsOwedIsAgedFirstInFirstOut() throws Exception {
        // valued deliveries 10, 45, 75 and 120 days ago: 1,000, 2,000, 3,000 and 4,000
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO delivery.delivery (customer_id, order_id, delivered_at, delivery_date, driver_id, value,
                                               amount_collected, payment_method)
                VALUES (?, NULL, now(), ?, 'D-AGED', ?, 0, 'TRANSFER')""")) {
            int[][] charges = {{10, 1000}, {45, 2000}, {75, 3000}, {120, 4000}};
            for (int[] charge : charges) {
                insert.setLong(1, AGED_CUSTOMER);
                insert.setObject(2, today().minusDays(charge[0]));
                insert.setLong(3, charge[1]);
                insert.executeUpdate();
            }
        }
        long version = office().get("/api/accounts/customers/" + AGED_CUSTOMER).then().statusCode(200)
                .extract().<Number>path("version").longValue();
        // 3,000 paid: it pays the oldest 3,000 of the 4,000 first
        version = pay(AGED_CUSTOMER, today().minusDays(5), "TRANSFER", 3000, version);
        assertAging(AGED_CUSTOMER, 7000, 1000, 2000, 3000, 1000);
        // the oldest delivery archived: the account is the same
        assertTrue(archiver.archiveBefore(today().minusDays(100)) >= 1);
        assertAging(AGED_CUSTOMER, 7000, 1000, 2000, 3000, 1000);
        // 1,500 more: the rest of the oldest and 500 of the next
        version = pay(AGED_CUSTOMER, today(), "TRANSFER", 1500, version);
        assertAging(AGED_CUSTOMER, 5500, 1000, 2000, 2500, 0);

        JsonPath owed = office().get("/api/accounts/owed").then().statusCode(200).extract().jsonPath();
        Map<String, Object> line = owed.getMap("customers.find { it.customerId == " + AGED_CUSTOMER + " }");
        assertEquals("老欠工廠", line.get("customerName"));
        assertEquals("TRANSFER", line.get("paymentTerm"));
        assertEquals(5500, ((Number) line.get("owed")).longValue());
        long sum = owed.getList("customers.owed", Number.class).stream().mapToLong(Number::longValue).sum();
        assertEquals(sum, owed.getLong("total"));

        // a payment taken back (recorded by mistake) counts no more
        List<Number> ids = office().get("/api/accounts/customers/" + AGED_CUSTOMER + "/statements/" + YearMonth.from(today()))
                .then().statusCode(200).extract().path("payments.id");
        long last = ids.get(ids.size() - 1).longValue();
        office().body(Map.of("reason", "記錯客戶", "version", version))
                .post("/api/accounts/customers/" + AGED_CUSTOMER + "/payments/" + last + "/remove").then().statusCode(200)
                .body("owed", equalTo(7000));
        // the totals the triggers keep (what the owed list reads) are the entries' sums, customer by customer,
        // after every kind of change the tests made: completions, corrections, payments, removals, archival
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("""
                     SELECT count(*) FILTER (WHERE e.charged IS DISTINCT FROM t.charged OR e.credited IS DISTINCT FROM t.credited),
                            count(*)
                     FROM (SELECT customer_id, sum(charge) AS charged, sum(credit) AS credited FROM delivery.account_entry
                           GROUP BY customer_id) e
                     FULL JOIN (SELECT * FROM delivery.account WHERE charged <> 0 OR credited <> 0) t
                            ON t.customer_id = e.customer_id""")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "customers whose account totals differ from account_entry's sums");
            assertTrue(rs.getLong(2) >= 2, "customers with accounts");
        }
        List<String> actions = admin().queryParam("subject", "account:" + AGED_CUSTOMER).get("/api/ledgers/audit")
                .then().statusCode(200).extract().path("items.action");
        assertEquals(List.of("REMOVE_PAYMENT", "PAYMENT", "PAYMENT"), actions);
    }

    @Test
    void twoOfficeUsersRecordingAPaymentAtOnceOneWinsTheOtherGets409() throws Exception {
        long version = office().get("/api/accounts/customers/" + RACED_CUSTOMER).then().statusCode(200)
                .extract().<Number>path("version").longValue();
        List<Integer> statuses = race(
                () -> office().body(payment(today(), "CASH", 1200, version))
                        .post("/api/accounts/customers/" + RACED_CUSTOMER + "/payments").statusCode(),
                () -> otherOffice().body(payment(today(), "CASH", 1200, version))
                        .post("/api/accounts/customers/" + RACED_CUSTOMER + "/payments").statusCode());
        Collections.sort(statuses);
        assertEquals(List.of(201, 409), statuses);
        assertEquals(-1200, office().get("/api/accounts/customers/" + RACED_CUSTOMER).then().statusCode(200)
                .extract().<Number>path("owed").longValue(), "one payment recorded, not two");
        // bad input is named
        office().body(Map.of("paidOn", today().plusDays(1).toString(), "method", "CASH", "amount", 5, "version", version + 1))
                .post("/api/accounts/customers/" + RACED_CUSTOMER + "/payments").then().statusCode(400)
                .body("violations[0].field", equalTo("paidOn"));
        office().body(Map.of("paidOn", today().toString(), "method", "BITCOIN", "amount", 0, "version", version + 1))
                .post("/api/accounts/customers/" + RACED_CUSTOMER + "/payments").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesTheLedgers() {
        String doc = RestAssured.given().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/cash/drivers/{driverId}/days/{day}/close", "/api/cash/out",
                "/api/accounts/customers/{customerId}/statements/{month}", "/api/accounts/customers/{customerId}/payments",
                "/api/accounts/owed", "/api/deliveries/{id}/corrections", "/api/cylinders/customers/{customerId}",
                "/api/ledgers/audit")) {
            assertTrue(doc.contains(path + ":"), path + " is in the OpenAPI document");
        }
    }

    private static Map<String, Object> payment(LocalDate paidOn, String method, long amount, long version) {
        return Map.of("paidOn", paidOn.toString(), "method", method, "amount", amount, "reference", "REF-" + amount,
                "version", version);
    }

    /** Records a payment; returns the account's new version. */
    private static long pay(long customer, LocalDate paidOn, String method, long amount, long version) {
        return office().body(payment(paidOn, method, amount, version)).post("/api/accounts/customers/" + customer + "/payments")
                .then().statusCode(201).body("payment.amount", equalTo((int) amount))
                .extract().<Number>path("balance.version").longValue();
    }

    private static void assertAging(long customer, long owed, long a, long b, long c, long over90) {
        JsonPath balance = office().get("/api/accounts/customers/" + customer).then().statusCode(200).extract().jsonPath();
        assertEquals(owed, balance.getLong("owed"));
        assertEquals(List.of(a, b, c, over90), List.of(balance.getLong("aging.days0to30"), balance.getLong("aging.days31to60"),
                balance.getLong("aging.days61to90"), balance.getLong("aging.over90")));
    }

    /** Runs both at the same moment; their HTTP statuses. */
    private static List<Integer> race(Supplier<Integer> one, Supplier<Integer> other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> a = pool.submit(() -> { start.await(); return one.get(); });
            Future<Integer> b = pool.submit(() -> { start.await(); return other.get(); });
            start.countDown();
            return new ArrayList<>(List.of(a.get(), b.get()));
        } finally {
            pool.shutdown();
        }
    }
}
