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
import static com.luckygas.delivery.OrderApi.service;
import static com.luckygas.delivery.OrderApi.stop;
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
                Map.of("driverId", "D7", "stops", stops(a, b)),
                Map.of("driverId", "D8", "stops", stops(c, cancelled))), "release", List.of(released));
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
        office().body(Map.of("routeId", 1, "routes", List.of(Map.of("driverId", "D7", "stops", stops(a)),
                Map.of("driverId", "D7", "stops", stops(b))))).post("/api/orders/route-assignments").then()
                .statusCode(400).body("violations[0].field", equalTo("routes"));
        office().body(Map.of("routeId", 1, "routes", List.of(Map.of("driverId", "D7", "stops", stops(a)),
                Map.of("driverId", "D8", "stops", stops(a))))).post("/api/orders/route-assignments").then()
                .statusCode(400).body("violations[0].field", equalTo("routes[1].stops[0].orderId"));
        driver("D7").body(plan).post("/api/orders/route-assignments").then().statusCode(403);
    }

    /** Stops of a route without times (as a plan published before trips existed). */
    static List<Map<String, Object>> stops(long... ids) {
        return java.util.Arrays.stream(ids).<Map<String, Object>>mapToObj(id -> Map.of("orderId", id)).toList();
    }

    @Test
    void aDriverSetsOutWithHisNextTripOnlyAndAStalePlanCannotTakeWhatHeCarries() {
        java.time.LocalDate day = today().plusDays(3);
        long first = createId(order(1, day, "R20", 1));
        long second = createId(order(1, day, "R20", 1));
        long later = createId(order(2, day, "R20", 1));
        Map<String, Object> plan = Map.of("routeId", 501, "routes", List.of(Map.of("driverId", "D-TRIP", "stops", List.of(
                stop(first, 1, "09:10:00", "08:30:00"), stop(second, 1, "09:40:00", "08:30:00"),
                stop(later, 2, "11:20:00", "10:50:00")))));
        service().body(plan).post("/api/orders/route-assignments").then().statusCode(200).body("assigned", equalTo(3));
        office().get("/api/orders/" + second).then().body("trip", equalTo(1)).body("eta", equalTo("09:40:00"));

        // first departure: trip 1's two orders go out, trip 2's stays at the depot
        driver("D-TRIP").post("/api/orders/my/start?date=" + day).then().statusCode(200).body("updated", equalTo(2));
        office().get("/api/orders/" + first).then().body("status", equalTo("OUT_FOR_DELIVERY"))
                .body("outAt", org.hamcrest.Matchers.notNullValue());
        office().get("/api/orders/" + later).then().body("status", equalTo("ASSIGNED"));

        // a plan made before he set out puts his carried order on another driver: it stays his
        Map<String, Object> stale = Map.of("routeId", 502, "routes", List.of(
                Map.of("driverId", "D-TRIP", "stops", List.of(stop(second, 1, "09:35:00", "08:30:00"))),
                Map.of("driverId", "D-OTHER", "stops", List.of(stop(first, 1, "09:00:00", "08:30:00")))));
        service().body(stale).post("/api/orders/route-assignments").then().statusCode(200)
                .body("skipped.orderId", contains((int) first)).body("skipped.status", contains("OUT_FOR_DELIVERY"));
        office().get("/api/orders/" + first).then().body("driverId", equalTo("D-TRIP")).body("status", equalTo("OUT_FOR_DELIVERY"));
        // his own carried order's estimate is updated, and it stays out with him
        office().get("/api/orders/" + second).then().body("eta", equalTo("09:35:00")).body("status", equalTo("OUT_FOR_DELIVERY"));

        // the office takes one back explicitly: it goes to the other driver, who fetches it at the depot
        Map<String, Object> moved = Map.of("routeId", 503, "routes", List.of(
                Map.of("driverId", "D-OTHER", "stops", List.of(stop(first, 1, "10:00:00", "09:30:00")))),
                "takenBack", List.of(Map.of("orderId", first, "driverId", "D-TRIP")));
        service().body(moved).post("/api/orders/route-assignments").then().statusCode(200).body("assigned", equalTo(1));
        office().get("/api/orders/" + first).then().body("driverId", equalTo("D-OTHER")).body("status", equalTo("ASSIGNED"))
                .body("outAt", equalTo(null));
        // taken back by naming the wrong driver: nothing moves
        service().body(Map.of("routeId", 504, "routes", List.of(), "release", List.of(second),
                        "takenBack", List.of(Map.of("orderId", second, "driverId", "D-OTHER"))))
                .post("/api/orders/route-assignments").then().statusCode(200).body("released", equalTo(0))
                .body("skipped.orderId", contains((int) second));

        // back at the depot, he sets out again: trip 2
        driver("D-TRIP").body(completion("R20", 1, 1)).post("/api/orders/" + second + "/complete").then().statusCode(200);
        office().get("/api/orders/" + second).then().body("finishedAt", org.hamcrest.Matchers.notNullValue());
        driver("D-TRIP").post("/api/orders/my/start?date=" + day).then().statusCode(200).body("updated", equalTo(1));
        office().get("/api/orders/" + later).then().body("status", equalTo("OUT_FOR_DELIVERY"));
    }

    @Test
    void theOrdersListAndTheDashboardCanBeOfOneDepot() {
        java.time.LocalDate day = today().plusDays(4);
        long taipei = createId(order(1, day, "R20", 1));   // customer 1: 中正區, depot 1
        long banqiao = createId(order(2, day, "R20", 1));  // customer 2: 板橋區, depot 2
        office().queryParam("date", day.toString()).queryParam("depotId", 1).get("/api/orders").then().statusCode(200)
                .body("items.id", contains((int) taipei)).body("total", equalTo(1));
        office().queryParam("date", day.toString()).queryParam("depotId", 2).get("/api/orders").then().statusCode(200)
                .body("items.id", contains((int) banqiao));
        office().queryParam("date", day.toString()).queryParam("depotId", 99).get("/api/orders").then().statusCode(200)
                .body("total", equalTo(0));
        office().queryParam("date", day.toString()).queryParam("depotId", 1).get("/api/reports/dashboard").then()
                .statusCode(200).body("orders.PENDING", equalTo(1)).body("areas.area", contains("中正區"));
        office().queryParam("date", day.toString()).get("/api/reports/dashboard").then()
                .statusCode(200).body("orders.PENDING", equalTo(2));
        office().queryParam("depotId", "x").get("/api/orders").then().statusCode(400);
        FakeCustomerService.down = true;
        try {
            office().queryParam("depotId", 1).get("/api/orders").then().statusCode(503).contentType("application/problem+json");
        } finally {
            FakeCustomerService.down = false;
        }
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
