package com.luckygas.delivery;

import static com.luckygas.delivery.OrderApi.today;
import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardTest {

    private static JsonPath dashboard(LocalDate day) {
        return office().queryParam("date", day.toString()).get("/api/reports/dashboard").then().statusCode(200)
                .extract().jsonPath();
    }

    private static double number(JsonPath json, String path) {
        Object value = json.get(path);
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    @Test
    void theDayInNumbers() {
        OrderApi.defaultPrices();
        LocalDate day = today().plusDays(40);
        JsonPath before = dashboard(today());
        long a = createId(order(1, day, "R20", 2));
        long b = createId(order(2, day, "R50", 1, "F20", 3.5));
        long failing = createId(order(1, day, "R16", 1));
        createId(order(2, day, "R20", 1));
        assign("D-DASH1", a);
        assign("D-DASH2", b, failing);
        driver("D-DASH1").post("/api/orders/my/start?date=" + day).then().statusCode(200);
        driver("D-DASH1").body(Map.of("items", List.of(Map.of("productCode", "R20", "quantity", 2, "empties", 2)),
                "amountCollected", 1600, "paymentMethod", "CASH")).post("/api/orders/" + a + "/complete").then().statusCode(200);
        driver("D-DASH2").body(Map.of("items", List.of(Map.of("productCode", "R50", "quantity", 1, "empties", 1),
                        Map.of("productCode", "F20", "quantity", 3.5, "empties", 0)),
                "amountCollected", 2000, "paymentMethod", "MONTHLY")).post("/api/orders/" + b + "/complete").then().statusCode(200);
        driver("D-DASH2").body(Map.of("reason", "沒人在家")).post("/api/orders/" + failing + "/fail").then().statusCode(200);

        JsonPath planned = dashboard(day);
        assertEquals(Map.of("DELIVERED", 2, "FAILED", 1, "PENDING", 1), planned.getMap("orders"));
        assertEquals(Map.of("DELIVERED", 1), planned.getMap("drivers.find { it.driverId == 'D-DASH1' }.orders"));
        assertEquals(Map.of("DELIVERED", 1, "FAILED", 1), planned.getMap("drivers.find { it.driverId == 'D-DASH2' }.orders"));
        assertEquals(Map.of("DELIVERED", 1, "FAILED", 1), planned.getMap("areas.find { it.area == '中正區' }.orders"));
        assertEquals("沒人在家", planned.getString("failed.find { it.orderId == " + failing + " }.reason"));

        // deliveries count on the day they happen: today
        JsonPath after = dashboard(today());
        assertEquals(2, number(after, "deliveries") - number(before, "deliveries"));
        assertEquals(2, number(after, "cylinders.R20") - number(before, "cylinders.R20"));
        assertEquals(1, number(after, "cylinders.R50") - number(before, "cylinders.R50"));
        assertEquals(3.5, number(after, "flowKg.F20") - number(before, "flowKg.F20"), 0.001);
        assertEquals(1600, number(after, "cashCollected") - number(before, "cashCollected"));
        assertEquals(1600, number(after, "drivers.find { it.driverId == 'D-DASH1' }.cash"));
        assertEquals(0, number(after, "drivers.find { it.driverId == 'D-DASH2' }.cash"));
        assertEquals(2.0, number(after, "drivers.find { it.driverId == 'D-DASH1' }.delivered.R20"));
    }

    @Test
    void onlyTheOfficeSeesIt() {
        driver("D1").get("/api/reports/dashboard").then().statusCode(403);
        office().queryParam("date", "someday").get("/api/reports/dashboard").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
    }
}
