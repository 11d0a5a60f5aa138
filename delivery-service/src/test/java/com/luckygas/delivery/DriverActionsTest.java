package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static com.luckygas.delivery.OrderApi.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.delivery.customer.CustomerClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A driver's actions from a phone that was offline (issue 18): the phone's key makes a replay —
 * hours late, out of order, in a batch — answer what the first answered; the same key with other
 * content, or from another driver, is refused; the recorded time is the phone's, checked; a queue
 * sent in one request gets one answer per action, in order, conflicts by one rule.
 */
@QuarkusTest
class DriverActionsTest {

    static final long CUSTOMER = 61;

    @BeforeAll
    static void customers() {
        FakeCustomerService.CUSTOMERS.put(CUSTOMER, new CustomerClient.Customer(CUSTOMER, "6101", "地下室小吃", "中正區",
                "餐廳", true, List.of("0955555555")));
    }

    /** A time on the phone earlier today (Taipei): hours ago, or just after midnight when the day is young. */
    private static OffsetDateTime earlierToday(int seconds) {
        OffsetDateTime start = today().atStartOfDay(OrderApi.TAIPEI).toOffsetDateTime().plusSeconds(10);
        OffsetDateTime hoursAgo = OffsetDateTime.now(OrderApi.TAIPEI).minusHours(3);
        return (hoursAgo.isAfter(start) ? hoursAgo : start).plusSeconds(seconds).withNano(0);
    }

    private static long assigned(String driverId, Object... productAndQuantity) {
        long id = createId(order(CUSTOMER, today(), productAndQuantity));
        assign(driverId, id);
        return id;
    }

    private static Map<String, Object> completion(OffsetDateTime at, Object... productQuantityEmpties) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < productQuantityEmpties.length; i += 3) {
            items.add(Map.of("productCode", productQuantityEmpties[i], "quantity", productQuantityEmpties[i + 1],
                    "empties", productQuantityEmpties[i + 2]));
        }
        Map<String, Object> body = new HashMap<>(Map.of("items", items, "amountCollected", 800, "paymentMethod", "CASH"));
        if (at != null) {
            body.put("happenedAt", at.toString());
        }
        return body;
    }

    private static String key() {
        return "phone-" + UUID.randomUUID();
    }

    @Test
    void aReplayAnswersWhatTheFirstAnsweredAndTheTimeIsThePhones() {
        OrderApi.defaultPrices();
        String d = "D-OFF1";
        long id = assigned(d, "R20", 1);
        driver(d).post("/api/orders/my/start?date=" + today()).then().statusCode(200);
        OffsetDateTime at = earlierToday(0);
        String key = key();
        String first = driver(d).header("Idempotency-Key", key).body(completion(at, "R20", 1, 1))
                .post("/api/orders/" + id + "/complete").then().statusCode(200).extract().asString();
        JsonPath delivery = new JsonPath(first);
        assertEquals(at.toInstant(), OffsetDateTime.parse(delivery.getString("deliveredAt")).toInstant(),
                "recorded when it happened on the phone, not when it arrived");
        assertEquals(today().toString(), delivery.getString("deliveryDate"));

        // the same action again (the phone never saw the answer): the same answer, nothing new
        String again = driver(d).header("Idempotency-Key", key).body(completion(at, "R20", 1, 1))
                .post("/api/orders/" + id + "/complete").then().statusCode(200).extract().asString();
        assertEquals(first, again);
        // the key with other content, or from another driver: refused, nothing changed
        driver(d).header("Idempotency-Key", key).body(completion(at, "R20", 2, 1))
                .post("/api/orders/" + id + "/complete").then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("key"));
        driver("D-OFF2").header("Idempotency-Key", key).body(completion(at, "R20", 1, 1))
                .post("/api/orders/" + id + "/complete").then().statusCode(422);
        // another key for a delivered order is another completion: refused, naming the delivery
        driver(d).header("Idempotency-Key", key()).body(completion(at.plusMinutes(1), "R20", 1, 1))
                .post("/api/orders/" + id + "/complete").then().statusCode(409)
                .body("detail", containsString("delivery " + delivery.getLong("id")));
        // an old client without keys still gets the first delivery back
        driver(d).body(completion(null, "R20", 1, 1)).post("/api/orders/" + id + "/complete").then().statusCode(200)
                .body("id", equalTo(delivery.getInt("id")));
        List<Object> ids = office().queryParam("customerId", CUSTOMER).get("/api/deliveries").then().statusCode(200)
                .extract().path("items.findAll { it.orderId == " + id + " }.id");
        assertEquals(1, ids.size(), "one delivery, however often it was sent");
    }

    @Test
    void settingOutTakesThePhonesTimeAndKeyWithoutABody() {
        OrderApi.defaultPrices();
        String d = "D-OFF4";
        long id = assigned(d, "R20", 1);
        OffsetDateTime at = earlierToday(0);
        String key = key();
        // as a phone sends it: no body, no content type
        io.restassured.specification.RequestSpecification bare = io.restassured.RestAssured.given()
                .auth().oauth2(com.luckygas.testing.TestTokens.driver(d)).header("Idempotency-Key", key)
                .queryParam("date", today().toString()).queryParam("happenedAt", at.toString());
        bare.post("/api/orders/my/start").then().statusCode(200).body("updated", equalTo(1));
        bare.post("/api/orders/my/start").then().statusCode(200).body("updated", equalTo(1)); // the kept answer
        assertEquals(at.toInstant(), OffsetDateTime.parse(office().get("/api/orders/" + id).then().statusCode(200)
                .extract().<String>path("outAt")).toInstant());
        io.restassured.RestAssured.given().auth().oauth2(com.luckygas.testing.TestTokens.driver(d))
                .queryParam("happenedAt", "yesterday").post("/api/orders/my/start").then().statusCode(400)
                .body("violations[0].field", equalTo("happenedAt"));
    }

    @Test
    void aPhoneTimeInTheFutureOrBeforeTheOrdersDayIsRefused() {
        OrderApi.defaultPrices();
        String d = "D-OFF3";
        long id = assigned(d, "R20", 1);
        driver(d).header("Idempotency-Key", key())
                .body(completion(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30), "R20", 1, 1))
                .post("/api/orders/" + id + "/complete").then().statusCode(400)
                .body("violations[0].field", equalTo("happenedAt"));
        driver(d).header("Idempotency-Key", key())
                .body(completion(today().minusDays(1).atTime(20, 0).atZone(OrderApi.TAIPEI).toOffsetDateTime(), "R20", 1, 1))
                .post("/api/orders/" + id + "/complete").then().statusCode(400)
                .body("violations[0].field", equalTo("happenedAt"));
        // a few minutes ahead is a phone's clock, not the future
        driver(d).header("Idempotency-Key", key())
                .body(completion(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(2), "R20", 1, 1))
                .post("/api/orders/" + id + "/complete").then().statusCode(200);
    }

    private static Map<String, Object> action(String key, String kind, Long orderId, OffsetDateTime at, Object... more) {
        Map<String, Object> a = new HashMap<>();
        a.put("key", key);
        a.put("kind", kind);
        if (orderId != null) {
            a.put("orderId", orderId);
        }
        a.put("happenedAt", at.toString());
        for (int i = 0; i < more.length; i += 2) {
            a.put((String) more[i], more[i + 1]);
        }
        return a;
    }

    private static List<Map<String, Object>> sync(String driverId, List<Map<String, Object>> actions) {
        return driver(driverId).body(Map.of("actions", actions)).post("/api/orders/my/sync").then().statusCode(200)
                .extract().path("results");
    }

    @Test
    void aQueueSentInOneRequestGetsOneAnswerPerActionInOrderAndTheSameAgainHoursLate() {
        OrderApi.defaultPrices();
        String d = "D-SYNC";
        long o1 = assigned(d, "R20", 1);
        long o2 = assigned(d, "R20", 2);
        long o3 = assigned(d, "R50", 1);
        List<Map<String, Object>> r20 = List.of(Map.of("productCode", "R20", "quantity", 1, "empties", 1));
        List<Map<String, Object>> queue = List.of(
                action(key(), "START", null, earlierToday(0), "date", today().toString()),
                action(key(), "COMPLETE", o1, earlierToday(60), "items", r20, "amountCollected", 800),
                action(key(), "FAIL", o2, earlierToday(120), "reason", "沒人在家"),
                // he came back later and delivered after all: the delivery replaces the failure
                action(key(), "COMPLETE", o2, earlierToday(180), "items",
                        List.of(Map.of("productCode", "R20", "quantity", 2, "empties", 2)), "amountCollected", 1600),
                // a failure after a delivery is refused: a delivery is a fact
                action(key(), "FAIL", o1, earlierToday(240), "reason", "按錯"),
                // refused as the single call refuses it
                action(key(), "COMPLETE", o3, earlierToday(300), "items",
                        List.of(Map.of("productCode", "R50", "quantity", -1, "empties", 0))),
                action(key(), "COMPLETE", o3, earlierToday(360), "items",
                        List.of(Map.of("productCode", "R50", "quantity", 1, "empties", 1)), "amountCollected", 1900));
        List<Map<String, Object>> results = sync(d, queue);
        assertEquals(List.of(200, 200, 200, 200, 409, 400, 200), results.stream().map(r -> r.get("status")).toList());
        for (int i = 0; i < queue.size(); i++) {
            assertEquals(queue.get(i).get("key"), results.get(i).get("key"), "answers in the order sent");
        }
        assertEquals(3, ((Map<?, ?>) results.get(0).get("body")).get("updated"), "his three orders went out");
        assertTrue(String.valueOf(results.get(3).get("note")).contains("沒人在家"), String.valueOf(results.get(3)));
        assertNull(results.get(1).get("note"));
        assertTrue(String.valueOf(((Map<?, ?>) results.get(4).get("body")).get("detail")).contains("DELIVERED"));
        assertEquals("items[0].quantity", ((List<Map<?, ?>>) ((Map<?, ?>) results.get(5).get("body")).get("violations"))
                .get(0).get("field"));

        JsonPath second = office().get("/api/orders/" + o2).then().statusCode(200).extract().jsonPath();
        assertEquals("DELIVERED", second.getString("status"));
        assertEquals(((OffsetDateTime) OffsetDateTime.parse((String) queue.get(3).get("happenedAt"))).toInstant(),
                OffsetDateTime.parse(second.getString("finishedAt")).toInstant());

        // the same queue again hours late, and then backwards: every action answers as the first time
        List<Map<String, Object>> replay = sync(d, queue);
        assertEquals(results, replay);
        List<Map<String, Object>> backwards = new ArrayList<>(queue);
        java.util.Collections.reverse(backwards);
        List<Map<String, Object>> reversed = sync(d, backwards);
        for (int i = 0; i < queue.size(); i++) {
            assertEquals(results.get(i), reversed.get(queue.size() - 1 - i));
        }
        // another driver's phone sending these keys: refused, each
        List<Map<String, Object>> forged = sync("D-FORGER", queue.subList(1, 2));
        assertEquals(422, forged.get(0).get("status"));
        assertNotEquals(results.get(1), forged.get(0));
    }

    @Test
    void aDriverCannotSyncAnotherDriversStopsAndTheBatchIsChecked() {
        OrderApi.defaultPrices();
        long mine = assigned("D-MINE", "R20", 1);
        List<Map<String, Object>> results = sync("D-THIEF", List.of(action(key(), "COMPLETE", mine, earlierToday(0),
                "items", List.of(Map.of("productCode", "R20", "quantity", 1, "empties", 1)))));
        assertEquals(404, results.get(0).get("status"));
        office().get("/api/orders/" + mine).then().body("status", equalTo("ASSIGNED"));
        driver("D-MINE").body(Map.of("actions", List.of())).post("/api/orders/my/sync").then().statusCode(400);
        driver("D-MINE").body(Map.of("actions", List.of(Map.of("kind", "FAIL", "orderId", mine))))
                .post("/api/orders/my/sync").then().statusCode(400).contentType("application/problem+json");
        office().body(Map.of("actions", List.of())).post("/api/orders/my/sync").then().statusCode(403);
    }
}
