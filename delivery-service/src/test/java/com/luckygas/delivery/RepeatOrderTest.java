package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.completion;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static com.luckygas.delivery.OrderApi.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.luckygas.delivery.customer.CustomerClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "老樣子" (issue 19): a new order from the customer's last delivered order (or one named), at the
 * prices in force for its day, with an order's idempotency rules.
 */
@QuarkusTest
class RepeatOrderTest {

    static final long REGULAR = 81;
    static final long NEWCOMER = 82;

    @BeforeAll
    static void customers() {
        FakeCustomerService.CUSTOMERS.put(REGULAR, new CustomerClient.Customer(REGULAR, "8101", "老主顧麵館", "中正區", "餐廳",
                true, List.of("0955000081")));
        FakeCustomerService.CUSTOMERS.put(NEWCOMER, new CustomerClient.Customer(NEWCOMER, "8201", "新客戶", "中正區", "住家",
                true, List.of("0955000082")));
    }

    private static Map<String, Object> repeat(long customer, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "requestedDate", today().plusDays(1).toString()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void theUsualAtTodaysPricesOncePerKey() {
        OrderApi.defaultPrices();
        Map<String, Object> first = order(REGULAR, today(), "R20", 2, "F20", 12.5);
        first.put("windowStart", "09:00");
        first.put("windowEnd", "11:00");
        first.put("paymentMethod", "MONTHLY");
        first.put("notes", "這次放後門");
        long earlier = createId(first);
        assign("D-REP1", earlier);
        driver("D-REP1").body(completion("R20", 2, 2, "F20", 12.5, 0)).post("/api/orders/" + earlier + "/complete")
                .then().statusCode(200);
        // a later order not delivered (yet) is not "the usual"
        createId(order(REGULAR, today().plusDays(3), "R50", 1));
        // the customer's own price from today: the repeat takes it, the old order keeps its own
        OrderApi.price("R20", REGULAR, today(), 950);

        String key = "repeat-" + UUID.randomUUID();
        JsonPath made = office().header("Idempotency-Key", key).body(repeat(REGULAR)).post("/api/orders/repeat").then()
                .statusCode(201).body("customerId", equalTo((int) REGULAR))
                .body("requestedDate", equalTo(today().plusDays(1).toString()))
                .body("windowStart", equalTo("09:00:00")).body("paymentMethod", equalTo("MONTHLY"))
                .body("notes", nullValue()).extract().jsonPath();
        assertEquals(List.of("R20", "F20"), made.getList("items.productCode"));
        assertEquals(950.0, made.getDouble("items[0].unitPrice"), "today's price, not the earlier order's 800");
        assertEquals(12.5, made.getDouble("items[1].quantity"));
        assertEquals(Math.round(2 * 950 + 12.5 * 45.5), made.getLong("totalAmount"));
        // the same request again (the screen retried): the same order; the key with something else: refused
        office().header("Idempotency-Key", key).body(repeat(REGULAR)).post("/api/orders/repeat").then().statusCode(200)
                .body("id", equalTo(made.getInt("id")));
        office().header("Idempotency-Key", key).body(repeat(REGULAR, "requestedDate", today().plusDays(2).toString()))
                .post("/api/orders/repeat").then().statusCode(422);
        // a given earlier order, with its window changed
        office().body(repeat(REGULAR, "fromOrderId", earlier, "windowStart", "14:00", "windowEnd", "16:00", "notes", "下午再來"))
                .post("/api/orders/repeat").then().statusCode(201).body("windowStart", equalTo("14:00:00"))
                .body("notes", equalTo("下午再來"));
    }

    @Test
    void nothingToRepeatOrNotTheirOrderIsSaidPlainly() {
        OrderApi.defaultPrices();
        office().body(repeat(NEWCOMER)).post("/api/orders/repeat").then().statusCode(404)
                .contentType("application/problem+json");
        long other = createId(order(REGULAR, today(), "R20", 1));
        office().body(repeat(NEWCOMER, "fromOrderId", other)).post("/api/orders/repeat").then().statusCode(400)
                .body("violations[0].field", equalTo("fromOrderId"));
        office().body(repeat(NEWCOMER, "requestedDate", today().minusDays(1).toString(), "fromOrderId", other))
                .post("/api/orders/repeat").then().statusCode(400);
        OrderApi.driver("D-REP2").body(repeat(REGULAR)).post("/api/orders/repeat").then().statusCode(403);
    }
}
