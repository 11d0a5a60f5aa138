package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.today;
import static com.luckygas.delivery.OrderApi.create;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad orders are refused field by field, and nothing is written. */
@QuarkusTest
class OrderValidationTest {

    @BeforeEach
    void prices() {
        OrderApi.defaultPrices();
    }

    private static ValidatableResponse refused(Map<String, Object> body, int status) {
        long before = office().queryParam("size", 1).get("/api/orders").then().extract().<Number>path("total").longValue();
        ValidatableResponse response = create(body).then().statusCode(status).contentType("application/problem+json")
                .body(not(containsString("Exception")));
        office().queryParam("size", 1).get("/api/orders").then().body("total", equalTo((int) before));
        return response;
    }

    @Test
    void unknownAndInactiveCustomers() {
        refused(order(404, today(), "R20", 1), 400).body("violations[0].field", equalTo("customerId"));
        refused(order(3, today(), "R20", 1), 422).body("violations[0].field", equalTo("customerId"));
    }

    @Test
    void productsAndQuantities() {
        refused(order(1, today(), "R99", 1), 400).body("violations[0].field", equalTo("items[0].productCode"));
        refused(order(1, today(), "R20", 0), 400).body("violations[0].field", equalTo("items[0].quantity"));
        refused(order(1, today(), "R20", -2), 400).body("violations[0].field", equalTo("items[0].quantity"));
        refused(order(1, today(), "R20", 1.5), 400).body("violations[0].message", equalTo("must be a whole number of cylinders"));
        refused(order(1, today(), "R20", 1, "R20", 2), 400).body("violations[0].field", equalTo("items[1].productCode"));
        refused(order(1, today(), "R20", 201), 400).body("violations[0].field", equalTo("items[0].quantity"));
        refused(order(1, today()), 400).body("violations[0].field", equalTo("items"));
        // flow gas is sold by the kg, with decimals
        create(order(1, today(), "F20", 12.25)).then().statusCode(201);
    }

    @Test
    void datesAndText() {
        refused(order(1, today().minusDays(1), "R20", 1), 400).body("violations[0].field", equalTo("requestedDate"));
        Map<String, Object> notes = order(1, today(), "R20", 1);
        notes.put("notes", "長".repeat(501));
        refused(notes, 400).body("violations[0].field", equalTo("notes"));
        Map<String, Object> window = order(1, today(), "R20", 1);
        window.put("windowStart", "15:00");
        window.put("windowEnd", "09:00");
        refused(window, 400).body("violations[0].field", equalTo("windowEnd"));
        Map<String, Object> payment = order(1, today(), "R20", 1);
        payment.put("paymentMethod", "CHICKENS");
        refused(payment, 400).body("violations[0].field", equalTo("paymentMethod"));
    }

    @Test
    void aProductWithoutPriceCannotBeOrdered() {
        refused(order(1, today(), "XF4", 1), 422).body("violations[0].field", equalTo("items[0].productCode"));
    }

    @Test
    void aTotalBeyondReasonIsRefused() {
        OrderApi.price("P20", null, today().minusDays(1), 99_999_999);
        refused(order(1, today(), "P20", 200), 400).body("violations[0].field", equalTo("items"));
    }

    @Test
    void listFiltersAreChecked() {
        office().queryParam("status", "LOST").get("/api/orders").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        office().queryParam("date", "yesterday").get("/api/orders").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        office().get("/api/deliveries").then().statusCode(400).body("violations.field", hasItems("customerId"));
        office().queryParam("customerId", 1).queryParam("cursor", "garbage!").get("/api/deliveries").then()
                .statusCode(400).body("violations[0].field", equalTo("cursor"));
    }
}
