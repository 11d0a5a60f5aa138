package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.today;
import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.completion;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A driver sees and changes only his own stops; another driver's are as if they did not exist. */
@QuarkusTest
class DriverIsolationTest {

    @BeforeEach
    void prices() {
        OrderApi.defaultPrices();
    }

    @Test
    void driverBCannotSeeOrTouchDriverAsStops() {
        long mine = createId(order(1, today(), "R20", 1));
        long his = createId(order(2, today(), "R50", 1));
        assign("DA", mine);
        assign("DB", his);
        driver("DA").get("/api/orders/my").then().statusCode(200)
                .body("items.driverId", everyItem(equalTo("DA")))
                .body("items.id", org.hamcrest.Matchers.hasItem((int) mine))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) his)));
        String notFound = driver("DA").get("/api/orders/" + his).then().statusCode(404).extract().path("detail");
        String absent = driver("DA").get("/api/orders/99999999").then().statusCode(404).extract().path("detail");
        assertEquals(notFound.replace(String.valueOf(his), "N"), absent.replace("99999999", "N"));
        driver("DA").body(completion("R50", 1, 1)).post("/api/orders/" + his + "/complete").then().statusCode(404);
        driver("DA").body(Map.of("reason", "x")).post("/api/orders/" + his + "/fail").then().statusCode(404);
        office().get("/api/orders/" + his).then().body("status", equalTo("ASSIGNED"));
        // drivers may not use the office's endpoints at all
        driver("DA").get("/api/orders").then().statusCode(403);
        driver("DA").get("/api/deliveries?customerId=2").then().statusCode(403);
        driver("DA").body(Map.of("driverId", "DA", "orderIds", java.util.List.of(his))).post("/api/orders/assignments")
                .then().statusCode(403);
    }

    @Test
    void completingTwiceReturnsTheFirstDelivery() {
        long id = createId(order(1, today(), "R20", 2));
        assign("DC", id);
        int first = driver("DC").body(completion("R20", 2, 2)).post("/api/orders/" + id + "/complete")
                .then().statusCode(200).extract().path("id");
        int again = driver("DC").body(completion("R20", 2, 2)).post("/api/orders/" + id + "/complete")
                .then().statusCode(200).extract().path("id");
        assertEquals(first, again);
        office().queryParam("customerId", 1).queryParam("limit", 200).get("/api/deliveries").then()
                .body("items.findAll { it.orderId == " + id + " }.size()", equalTo(1));
    }
}
