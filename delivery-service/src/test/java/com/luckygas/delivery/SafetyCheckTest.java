package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.admin;
import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static com.luckygas.delivery.OrderApi.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.proof.TestImages;
import com.luckygas.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The safety check of customers' gas installations (issue 18): recorded at the stop by its driver
 * (alone or in a sync) or at a customer by the safety technician, once per key; next due by the
 * interval of the customer's type; customers due this month; the driver's stops flag a customer
 * due; a failed item stays open until a later check passes it; the records of a period as xlsx.
 */
@QuarkusTest
class SafetyCheckTest {

    static final long RESTAURANT = 71;
    static final long HOME = 72;
    static final long FACTORY = 73;
    static final long OTHER_RESTAURANT = 74;
    static final long SHOP = 75;
    static final long NEW_CUSTOMER = 76;
    static final long CHECKED_CUSTOMER = 77;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void customers() {
        FakeCustomerService.CUSTOMERS.put(RESTAURANT, new CustomerClient.Customer(RESTAURANT, "7101", "安心餐廳", "中正區",
                "餐廳", true, List.of("0955000071")));
        FakeCustomerService.CUSTOMERS.put(HOME, new CustomerClient.Customer(HOME, "7201", "王宅", "大安區", "住家", true,
                List.of("0955000072")));
        FakeCustomerService.CUSTOMERS.put(FACTORY, new CustomerClient.Customer(FACTORY, "7301", "鐵工廠", "板橋區", "工廠", true,
                List.of("0955000073")));
        FakeCustomerService.CUSTOMERS.put(NEW_CUSTOMER, new CustomerClient.Customer(NEW_CUSTOMER, "7601", "新開小館", "中山區",
                "餐廳", true, List.of("0955000076")));
        FakeCustomerService.CUSTOMERS.put(CHECKED_CUSTOMER, new CustomerClient.Customer(CHECKED_CUSTOMER, "7701", "李宅", "中山區",
                "住家", true, List.of("0955000077")));
        FakeCustomerService.CUSTOMERS.put(SHOP, new CustomerClient.Customer(SHOP, "7501", "雜貨店", "信義區", "商店", true,
                List.of("0955000075")));
        FakeCustomerService.CUSTOMERS.put(OTHER_RESTAURANT, new CustomerClient.Customer(OTHER_RESTAURANT, "7401", "巷尾餐廳",
                "中正區", "餐廳", true, List.of("0955000074")));
    }

    static RequestSpecification technician() {
        return given().auth().oauth2(TestTokens.token("TECHNICIAN", "9", "tech", null)).contentType(ContentType.JSON);
    }

    private static String key() {
        return "check-" + UUID.randomUUID();
    }

    static Map<String, Object> items(boolean hose, boolean regulator, boolean leak, boolean placement, boolean detector) {
        return Map.of("hose", hose, "regulator", regulator, "leakTest", leak, "placementVentilation", placement,
                "gasDetector", detector);
    }

    static Map<String, Object> check(Long customerId, Long orderId, OffsetDateTime at, Map<String, Object> items, String notes) {
        Map<String, Object> body = new HashMap<>();
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        if (orderId != null) {
            body.put("orderId", orderId);
        }
        if (at != null) {
            body.put("checkedAt", at.toString());
        }
        body.put("items", items);
        if (notes != null) {
            body.put("notes", notes);
        }
        return body;
    }

    private static long assigned(String driverId, long customer) {
        OrderApi.defaultPrices();
        long id = createId(order(customer, today(), "R20", 1));
        assign(driverId, id);
        return id;
    }

    private static OffsetDateTime minutesAgo(int minutes) {
        OffsetDateTime at = OffsetDateTime.now(OrderApi.TAIPEI).minusMinutes(minutes).withNano(0);
        OffsetDateTime start = today().atStartOfDay(OrderApi.TAIPEI).toOffsetDateTime().plusSeconds(30);
        return at.isBefore(start) ? start : at;
    }

    private void sql(String statement, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void aDriverChecksAtHisStopOnceAndTheOfficeSeesWhoAndWhen() {
        String d = "D-SAFE1";
        long stop = assigned(d, RESTAURANT);
        // his list of the day says the customer is due (never checked)
        assertEquals(Boolean.TRUE, driver(d).get("/api/orders/my").then().statusCode(200).extract()
                .path("items.find { it.id == " + stop + " }.safetyCheckDue"));
        OffsetDateTime at = minutesAgo(20);
        String key = key();
        String first = driver(d).header("Idempotency-Key", key)
                .body(check(null, stop, at, items(true, true, true, true, false), "沒有瓦斯偵測器，已建議加裝"))
                .post("/api/safety/checks").then().statusCode(200).body("customerId", equalTo((int) RESTAURANT))
                .body("customerType", equalTo("餐廳")).body("checkerRole", equalTo("DRIVER"))
                .body("checkedBy", equalTo("driver" + d)).body("passed", equalTo(false))
                .extract().asString();
        JsonPath recorded = new JsonPath(first);
        assertEquals(at.toInstant(), OffsetDateTime.parse(recorded.getString("checkedAt")).toInstant(), "the phone's time");
        // sent again hours later: the same answer; the key with other content: refused
        assertEquals(first, driver(d).header("Idempotency-Key", key)
                .body(check(null, stop, at, items(true, true, true, true, false), "沒有瓦斯偵測器，已建議加裝"))
                .post("/api/safety/checks").then().statusCode(200).extract().asString());
        driver(d).header("Idempotency-Key", key).body(check(null, stop, at, items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(422).body("violations[0].field", equalTo("key"));
        // not at one of his stops: nothing
        driver("D-SAFE2").header("Idempotency-Key", key()).body(check(null, stop, at, items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(404);
        driver(d).header("Idempotency-Key", key()).body(check(RESTAURANT, null, at, items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(400).body("violations[0].field", equalTo("orderId"));
        driver(d).header("Idempotency-Key", key())
                .body(check(null, stop, OffsetDateTime.now().plusHours(2), items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(400).body("violations[0].field", equalTo("checkedAt"));
        driver(d).body(check(null, stop, at, items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(400); // no key
        Map<String, Object> missingItem = check(null, stop, at, Map.of("hose", true), null);
        driver(d).header("Idempotency-Key", key()).body(missingItem).post("/api/safety/checks").then().statusCode(400)
                .contentType("application/problem+json");

        JsonPath status = office().get("/api/safety/customers/" + RESTAURANT).then().statusCode(200).extract().jsonPath();
        assertEquals(1, status.getList("checks").size(), "one check, however often it was sent");
        assertFalse(status.getBoolean("neverChecked"));
        assertEquals(24, status.getInt("intervalMonths"), "every 2 years unless an ADMIN says otherwise");
        assertEquals(today().plusMonths(24).toString(), status.getString("nextDue"));
        assertFalse(status.getBoolean("dueThisMonth"));
        assertEquals(List.of("GAS_DETECTOR"), status.getList("openIssues.item"));
        // and his list of the day no longer asks for it
        assertEquals(Boolean.FALSE, driver(d).get("/api/orders/my").then().statusCode(200).extract()
                .path("items.find { it.id == " + stop + " }.safetyCheckDue"));
        // another driver does not see it; the office and the technician do
        long id = recorded.getLong("id");
        driver("D-SAFE2").get("/api/safety/checks/" + id).then().statusCode(404);
        driver(d).get("/api/safety/checks/" + id).then().statusCode(200);
        technician().get("/api/safety/checks/" + id).then().statusCode(200);
    }

    @Test
    void aCheckInTheSyncIsOneOfTheActions() {
        String d = "D-SAFE3";
        long stop = assigned(d, SHOP);
        String key = key();
        Map<String, Object> safety = new HashMap<>(Map.of("items", items(true, true, true, true, true)));
        safety.put("photo", Base64.getEncoder().encodeToString(TestImages.jpegWithLocation(40, 30)));
        Map<String, Object> action = Map.of("key", key, "kind", "SAFETY_CHECK", "orderId", stop,
                "happenedAt", minutesAgo(5).toString(), "safetyCheck", safety);
        JsonPath answer = driver(d).body(Map.of("actions", List.of(action))).post("/api/orders/my/sync").then()
                .statusCode(200).body("results[0].status", equalTo(200)).body("results[0].body.customerId", equalTo((int) SHOP))
                .extract().jsonPath();
        String photo = answer.getString("results[0].body.photo");
        byte[] stored = office().get(photo).then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertFalse(TestImages.contains(stored, TestImages.GPS), "the photo's location is removed");
        // the same queue again: the same answer, one check
        driver(d).body(Map.of("actions", List.of(action))).post("/api/orders/my/sync").then().statusCode(200)
                .body("results[0].body.id", equalTo(answer.getInt("results[0].body.id")));
        office().get("/api/safety/customers/" + SHOP).then().statusCode(200).body("checks", hasSize(1))
                .body("openIssues", hasSize(0));
        // a check without its content in a sync is refused, the rest is not affected
        driver(d).body(Map.of("actions", List.of(Map.of("key", key(), "kind", "SAFETY_CHECK", "orderId", stop,
                        "happenedAt", minutesAgo(4).toString())))).post("/api/orders/my/sync").then().statusCode(200)
                .body("results[0].status", equalTo(400)).body("results[0].body.violations[0].field", equalTo("safetyCheck"));
        // one check with an item missing is refused alone: the action beside it is recorded
        long other = assigned(d, SHOP);
        driver(d).body(Map.of("actions", List.of(
                        Map.of("key", key(), "kind", "SAFETY_CHECK", "orderId", other, "happenedAt", minutesAgo(3).toString(),
                                "safetyCheck", Map.of("items", Map.of("hose", true))),
                        Map.of("key", key(), "kind", "FAIL", "orderId", other, "happenedAt", minutesAgo(3).toString(),
                                "reason", "店休")))).post("/api/orders/my/sync").then().statusCode(200)
                .body("results[0].status", equalTo(400)).body("results[0].body.violations[0].field", equalTo("items.gasDetector"))
                .body("results[1].status", equalTo(200));
    }

    @Test
    void aFailedItemStaysOpenUntilALaterCheckPassesIt() throws Exception {
        String k1 = key();
        String k2 = key();
        String k3 = key();
        long first = technician().header("Idempotency-Key", k1)
                .body(check(FACTORY, null, OffsetDateTime.now().minusDays(20), items(false, true, true, true, true), "管線老化"))
                .post("/api/safety/checks").then().statusCode(200).body("checkerRole", equalTo("TECHNICIAN"))
                .body("customerType", equalTo("工廠")).extract().<Number>path("id").longValue();
        technician().header("Idempotency-Key", k2)
                .body(check(FACTORY, null, OffsetDateTime.now().minusDays(10), items(false, false, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(200);
        JsonPath open = office().get("/api/safety/customers/" + FACTORY).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("HOSE", "REGULATOR"), open.getList("openIssues.item"));
        assertEquals(first, open.getLong("openIssues[0].lastCheckId") - 1, "the hose's latest failure is the second check");
        assertEquals(2, open.getInt("openIssues[0].failedChecks"));
        assertTrue(OffsetDateTime.parse(open.getString("openIssues[0].since"))
                .isBefore(OffsetDateTime.parse(open.getString("openIssues[1].since"))), "open since its first failure");
        List<Long> listed = office().queryParam("size", 500).get("/api/safety/issues").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.customerId == " + FACTORY + " }.customerId", Long.class);
        assertEquals(2, listed.size());
        // the hose is fixed: passed by a later check; the regulator still fails
        technician().header("Idempotency-Key", k3)
                .body(check(FACTORY, null, OffsetDateTime.now().minusDays(1), items(true, false, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(200);
        office().get("/api/safety/customers/" + FACTORY).then().statusCode(200).body("openIssues.item", equalTo(List.of("REGULATOR")));
        // a paper form of last year is too late to enter; an unknown customer is not one
        technician().header("Idempotency-Key", key())
                .body(check(FACTORY, null, OffsetDateTime.now().minusDays(200), items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(400).body("violations[0].field", equalTo("checkedAt"));
        technician().header("Idempotency-Key", key()).body(check(999_999L, null, null, items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(400).body("violations[0].field", equalTo("customerId"));
    }

    @Test
    void theIntervalIsPerCustomerTypeSetByAnAdminAndDecidesWhoIsDue() throws Exception {
        // a restaurant checked 13 months ago: not due under the default (2 years), due once restaurants are yearly
        String d = "D-SAFE4";
        long stop = assigned(d, OTHER_RESTAURANT);
        String key = key();
        long id = driver(d).header("Idempotency-Key", key)
                .body(check(null, stop, minutesAgo(1), items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(200).extract().<Number>path("id").longValue();
        sql("UPDATE delivery.safety_check SET checked_at = checked_at - interval '13 months' WHERE id = ?", id);
        LocalDate checkedOn = today().minusMonths(13);
        office().get("/api/safety/customers/" + OTHER_RESTAURANT).then().statusCode(200)
                .body("nextDue", equalTo(checkedOn.plusMonths(24).toString())).body("dueThisMonth", equalTo(false));
        assertFalse(dueThisMonth().contains(OTHER_RESTAURANT));

        office().body(Map.of("months", 12)).put("/api/safety/intervals/餐廳").then().statusCode(403);
        JsonPath set = admin().body(Map.of("months", 12)).put("/api/safety/intervals/餐廳").then().statusCode(200)
                .body("months", equalTo(12)).extract().jsonPath();
        try {
            office().get("/api/safety/customers/" + OTHER_RESTAURANT).then().statusCode(200).body("intervalMonths", equalTo(12))
                    .body("nextDue", equalTo(checkedOn.plusMonths(12).toString())).body("dueThisMonth", equalTo(true));
            assertTrue(dueThisMonth().contains(OTHER_RESTAURANT));
            // two ADMINs at once: the one with the version read wins, the other is told
            admin().body(Map.of("months", 6)).put("/api/safety/intervals/餐廳").then().statusCode(409);
            admin().body(Map.of("months", 6, "version", set.getInt("version") + 5)).put("/api/safety/intervals/餐廳").then()
                    .statusCode(409);
            admin().body(Map.of("months", 0, "version", set.getInt("version"))).put("/api/safety/intervals/餐廳").then()
                    .statusCode(400).body("violations[0].field", equalTo("months"));
            office().get("/api/safety/intervals").then().statusCode(200).body("[0].customerType", equalTo("*"))
                    .body("[0].months", equalTo(24));
        } finally {
            admin().delete("/api/safety/intervals/餐廳").then().statusCode(204);
        }
        admin().delete("/api/safety/intervals/*").then().statusCode(409);
    }

    @Test
    void theDueListNamesNeverCheckedCustomersWithTheirDetails() {
        assigned("D-SAFE5", NEW_CUSTOMER); // served this year, never checked
        long stop = assigned("D-SAFE5", CHECKED_CUSTOMER);
        driver("D-SAFE5").header("Idempotency-Key", key()).body(check(null, stop, minutesAgo(2), items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(200);
        List<Map<String, Object>> all = new ArrayList<>();
        long after = 0;
        do {
            JsonPath page = technician().queryParam("after", after).queryParam("size", 2).get("/api/safety/due").then()
                    .statusCode(200).body("customerNamesUnavailable", equalTo(false)).extract().jsonPath();
            all.addAll(page.getList("items"));
            Long next = page.getObject("next", Long.class);
            after = next == null ? -1 : next;
        } while (after >= 0);
        List<Long> ids = all.stream().map(m -> ((Number) m.get("customerId")).longValue()).toList();
        assertEquals(ids.stream().distinct().sorted().toList(), ids, "each customer once, in order, across pages");
        Map<String, Object> fresh = all.stream().filter(m -> ((Number) m.get("customerId")).longValue() == NEW_CUSTOMER)
                .findFirst().orElseThrow(() -> new AssertionError("a customer never checked is due"));
        assertNull(fresh.get("nextDue"));
        assertEquals(Boolean.TRUE, fresh.get("overdue"));
        assertEquals("新開小館", fresh.get("name"));
        assertEquals("7601", fresh.get("code"));
        assertFalse(ids.contains(CHECKED_CUSTOMER), "checked today: due in two years");
        // customer-service down: the list still comes, without the names, and says so
        FakeCustomerService.down = true;
        try {
            office().queryParam("after", NEW_CUSTOMER - 1).queryParam("size", 1).get("/api/safety/due").then().statusCode(200)
                    .body("customerNamesUnavailable", equalTo(true)).body("items[0].customerId", equalTo((int) NEW_CUSTOMER))
                    .body("items[0].name", nullValue());
        } finally {
            FakeCustomerService.down = false;
        }
        given().auth().oauth2(TestTokens.driver("D-SAFE5")).get("/api/safety/due").then().statusCode(403);
    }

    @Test
    void theRecordsOfAPeriodForTheAuthority() throws Exception {
        String k = key();
        technician().header("Idempotency-Key", k)
                .body(check(HOME, null, OffsetDateTime.now().minusDays(2), items(true, true, false, true, true), "測漏有氣泡，已關閉總開關"))
                .post("/api/safety/checks").then().statusCode(200);
        LocalDate from = today().minusDays(3);
        LocalDate to = today();
        List<String> keys = office().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/safety/records").then().statusCode(200).extract().path("key");
        assertTrue(keys.contains(k));
        byte[] xlsx = office().queryParam("from", from.toString()).queryParam("to", to.toString()).queryParam("format", "xlsx")
                .get("/api/safety/records").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(1);
            assertEquals("檢查日期", header.getCell(1).getStringCellValue());
            assertEquals("測漏", header.getCell(12).getStringCellValue());
            assertEquals(keys.size() + 2, sheet.getPhysicalNumberOfRows(), "a row per check");
            boolean found = false;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if ("測漏有氣泡，已關閉總開關".equals(row.getCell(16).getStringCellValue())) {
                    found = true;
                    assertEquals("7201", row.getCell(3).getStringCellValue());
                    assertEquals("王宅", row.getCell(4).getStringCellValue());
                    assertEquals("安全技術人員", row.getCell(8).getStringCellValue());
                    assertEquals("不合格", row.getCell(12).getStringCellValue());
                    assertEquals("不合格", row.getCell(15).getStringCellValue());
                }
            }
            assertTrue(found);
        }
        office().queryParam("from", to.toString()).queryParam("to", from.toString()).get("/api/safety/records").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        technician().queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/safety/records").then()
                .statusCode(403);
    }

    @Test
    void aPhotoAfterwardsIsCheckedAndKeptOnce() {
        String k = key();
        long id = technician().header("Idempotency-Key", k)
                .body(check(FACTORY, null, null, items(true, true, true, true, true), null))
                .post("/api/safety/checks").then().statusCode(200).body("photo", nullValue())
                .extract().<Number>path("id").longValue();
        byte[] photo = TestImages.pngWithLocation(30, 30);
        RequestSpecification tech = given().auth().oauth2(TestTokens.token("TECHNICIAN", "9", "tech", null));
        tech.contentType("image/png").body("not a picture".getBytes()).put("/api/safety/checks/" + id + "/photo").then()
                .statusCode(415);
        tech.contentType("image/png").body(photo).put("/api/safety/checks/" + id + "/photo").then().statusCode(201);
        tech.contentType("image/png").body(photo).put("/api/safety/checks/" + id + "/photo").then().statusCode(200);
        tech.contentType("image/png").body(TestImages.png(31, 30, Color.GRAY)).put("/api/safety/checks/" + id + "/photo").then()
                .statusCode(409);
        byte[] stored = office().get("/api/safety/checks/" + id + "/photo").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertFalse(TestImages.contains(stored, TestImages.GPS));
        given().auth().oauth2(TestTokens.driver("D-SAFE9")).get("/api/safety/checks/" + id + "/photo").then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentDescribesProofsAndSafetyChecks() {
        String doc = given().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/orders/my/actions/{key}/proofs", "/api/orders/{orderId}/proofs",
                "/api/orders/{orderId}/proofs/{proofId}", "/api/safety/checks", "/api/safety/checks/{id}/photo",
                "/api/safety/customers/{customerId}", "/api/safety/due", "/api/safety/issues", "/api/safety/records",
                "/api/safety/intervals/{customerType}")) {
            assertTrue(doc.contains(path + ":"), path + " is in the OpenAPI document");
        }
        for (String schema : List.of("CheckView:", "ProofView:", "CustomerStatus:", "RecordCheck:")) {
            assertTrue(doc.contains(schema), schema + " is a typed schema");
        }
        String upload = doc.substring(doc.indexOf("/api/orders/my/actions/{key}/proofs:"));
        upload = upload.substring(0, upload.indexOf("\n  /api/", 10));
        assertTrue(upload.contains("image/jpeg") && upload.contains("format: binary"), "the upload is a JPEG or PNG file: " + upload);
    }

    private static List<Long> dueThisMonth() {
        List<Long> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonPath page = office().queryParam("month", YearMonth.now(OrderApi.TAIPEI).toString()).queryParam("after", after)
                    .queryParam("size", 500).get("/api/safety/due").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.customerId", Long.class));
            Long next = page.getObject("next", Long.class);
            if (next == null) {
                return ids;
            }
            after = next;
        }
    }
}
