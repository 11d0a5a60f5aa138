package com.luckygas.delivery;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

import com.luckygas.testing.TestTokens;

import static com.luckygas.delivery.OrderApi.today;
import static com.luckygas.delivery.OrderApi.assign;
import static com.luckygas.delivery.OrderApi.completion;
import static com.luckygas.delivery.OrderApi.createId;
import static com.luckygas.delivery.OrderApi.driver;
import static com.luckygas.delivery.OrderApi.office;
import static com.luckygas.delivery.OrderApi.order;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderLifecycleTest {

    @BeforeEach
    void prices() {
        OrderApi.defaultPrices();
    }

    @Test
    void anOrderGoesFromPhoneToDoor() {
        long id = createId(order(1, today().plusDays(1), "R20", 2, "F20", 3.5));
        office().get("/api/orders/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("customerCode", equalTo("1032"))
                .body("area", equalTo("中正區"))
                // 2 × 800 + 3.5 kg × 45.5 = 1759.25 → NT$1759
                .body("totalAmount", equalTo(1759))
                .body("items.unitPrice", contains(800.0f, 45.5f));
        assign("D1", id);
        office().get("/api/orders/" + id).then().body("status", equalTo("ASSIGNED")).body("driverId", equalTo("D1"));
        driver("D1").post("/api/orders/my/start?date=" + today().plusDays(1)).then().statusCode(200).body("updated", equalTo(1));
        driver("D1").body(completion("R20", 2, 2, "F20", 3.5, 0)).post("/api/orders/" + id + "/complete")
                .then().statusCode(200).body("orderId", equalTo((int) id)).body("items.empties", contains(2, 0));
        office().get("/api/orders/" + id).then().body("status", equalTo("DELIVERED"));
        office().queryParam("customerId", 1).get("/api/deliveries").then().statusCode(200)
                .body("items.orderId", hasItem((int) id));
    }

    @Test
    void illegalTransitionsAreConflicts() {
        long pending = createId(order(1, today(), "R20", 1));
        driver("D1").body(completion("R20", 1, 0)).post("/api/orders/" + pending + "/complete").then().statusCode(404);
        office().body(completion("R20", 1, 0)).post("/api/orders/" + pending + "/complete")
                .then().statusCode(409).contentType("application/problem+json");
        office().body(Map.of("reason", "客戶取消")).post("/api/orders/" + pending + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledReason", equalTo("客戶取消"));
        office().body(Map.of("reason", "again")).post("/api/orders/" + pending + "/cancel").then().statusCode(409);
        office().body(Map.of("reason", "沒人在")).post("/api/orders/" + pending + "/fail").then().statusCode(409);
        office().body(Map.of("driverId", "D1", "orderIds", List.of(pending))).post("/api/orders/assignments")
                .then().statusCode(409);

        long delivered = createId(order(1, today(), "R20", 1));
        assign("D2", delivered);
        driver("D2").body(completion("R20", 1, 1)).post("/api/orders/" + delivered + "/complete").then().statusCode(200);
        office().body(Map.of("reason", "too late")).post("/api/orders/" + delivered + "/cancel").then().statusCode(409);
        driver("D2").body(Map.of("reason", "too late")).post("/api/orders/" + delivered + "/fail").then().statusCode(409);
        office().body(Map.of("orderIds", List.of(delivered))).post("/api/orders/unassignments").then().statusCode(409);
    }

    @Test
    void assignmentIsAllOrNothingAndRepeatable() {
        long a = createId(order(2, today(), "R50", 1));
        long b = createId(order(2, today(), "R50", 1));
        long cancelled = createId(order(2, today(), "R50", 1));
        office().body(Map.of("reason", "x")).post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);
        office().body(Map.of("driverId", "D3", "routeId", 9, "orderIds", List.of(a, b, cancelled)))
                .post("/api/orders/assignments").then().statusCode(409)
                .body("violations[0].field", equalTo("orderIds[2]"));
        office().get("/api/orders/" + a).then().body("status", equalTo("PENDING"));
        assign("D3", a, b);
        assign("D3", a, b);
        office().get("/api/orders/" + b).then().body("status", equalTo("ASSIGNED")).body("routeId", equalTo(7));
        office().body(Map.of("orderIds", List.of(a))).post("/api/orders/unassignments").then().statusCode(200)
                .body("updated", equalTo(1));
        office().get("/api/orders/" + a).then().body("status", equalTo("PENDING")).body("driverId", equalTo(null));
    }

    @Test
    void aRoutePlanIsPublishedInOneCallAndAgainHarmlessly() {
        long a = createId(order(2, today(), "R20", 1));
        long b = createId(order(2, today(), "R20", 1));
        long c = createId(order(2, today(), "R20", 1));
        long released = createId(order(2, today(), "R20", 1));
        long cancelled = createId(order(2, today(), "R20", 1));
        assign("D7", released);
        office().body(Map.of("reason", "x")).post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);
        Map<String, Object> plan = Map.of("routeId", 4242, "routes", List.of(
                Map.of("driverId", "D7", "orderIds", List.of(a, b)),
                Map.of("driverId", "D8", "orderIds", List.of(c, cancelled))), "release", List.of(released));
        given().auth().oauth2(TestTokens.token("SERVICE", "service:route-service", "route-service", null))
                .contentType(ContentType.JSON).body(plan).post("/api/orders/route-assignments").then().statusCode(200)
                .body("assigned", equalTo(3)).body("released", equalTo(1))
                .body("skipped[0].orderId", equalTo((int) cancelled)).body("skipped[0].status", equalTo("CANCELLED"));
        office().get("/api/orders/" + a).then().body("status", equalTo("ASSIGNED")).body("driverId", equalTo("D7"))
                .body("routeId", equalTo(4242));
        office().get("/api/orders/" + c).then().body("driverId", equalTo("D8"));
        office().get("/api/orders/" + released).then().body("status", equalTo("PENDING")).body("driverId", equalTo(null));
        int version = office().get("/api/orders/" + a).then().extract().path("version");
        // the same plan again changes nothing
        office().body(plan).post("/api/orders/route-assignments").then().statusCode(200)
                .body("assigned", equalTo(0)).body("released", equalTo(0));
        office().get("/api/orders/" + a).then().body("version", equalTo(version));
        office().body(Map.of("routeId", 1, "routes", List.of(Map.of("driverId", "D7", "orderIds", List.of(a)),
                Map.of("driverId", "D7", "orderIds", List.of(b))))).post("/api/orders/route-assignments").then()
                .statusCode(400).body("violations[0].field", equalTo("routes"));
        driver("D7").body(plan).post("/api/orders/route-assignments").then().statusCode(403);
    }

    @Test
    void failingRecordsTheReasonAndIsRepeatable() {
        long id = createId(order(1, today(), "R16", 1));
        assign("D4", id);
        driver("D4").body(Map.of("reason", "門關著，電話不通")).post("/api/orders/" + id + "/fail").then().statusCode(200)
                .body("status", equalTo("FAILED")).body("failureReason", equalTo("門關著，電話不通"));
        driver("D4").body(Map.of("reason", "門關著，電話不通")).post("/api/orders/" + id + "/fail").then().statusCode(200)
                .body("failureReason", equalTo("門關著，電話不通"));
    }

    @Test
    void pricesApplyByDateAndCustomerOverridesWin() {
        OrderApi.price("R10", null, today().minusDays(10), 500);
        OrderApi.price("R10", null, today().plusDays(5), 550);
        OrderApi.price("R10", 2L, today().plusDays(3), 480);
        office().get("/api/orders/" + createId(order(1, today(), "R10", 1))).then().body("totalAmount", equalTo(500));
        office().get("/api/orders/" + createId(order(1, today().plusDays(6), "R10", 1))).then().body("totalAmount", equalTo(550));
        office().get("/api/orders/" + createId(order(2, today().plusDays(2), "R10", 1))).then().body("totalAmount", equalTo(500));
        office().get("/api/orders/" + createId(order(2, today().plusDays(6), "R10", 1))).then().body("totalAmount", equalTo(480));
    }
}
