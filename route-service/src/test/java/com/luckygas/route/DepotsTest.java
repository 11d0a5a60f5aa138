package com.luckygas.route;

import static com.luckygas.route.PlanningTest.driver;
import static com.luckygas.route.PlanningTest.freshDate;
import static com.luckygas.route.PlanningTest.office;
import static com.luckygas.route.PlanningTest.ready;
import static com.luckygas.route.PlanningTest.vehicle;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Depots are real: each depot's plan takes the orders of its territory (the areas that name it)
 * with the drivers based there; plans of two depots for one day solve at the same time and
 * publishing one leaves the other alone; an order no depot serves is shown, never dropped.
 */
@QuarkusTest
class DepotsTest {

    long taipei;
    long taoyuan;
    String taipeiArea;
    String taoyuanArea;
    String taipeiDriver;
    String taoyuanDriver;

    @BeforeEach
    void twoDepots() {
        String suffix = String.valueOf(PlanningTest.IDS.incrementAndGet());
        taipei = depot("臺北" + suffix, 25.0330, 121.5654);
        taoyuan = depot("桃園" + suffix, 24.9937, 121.3010);
        taipeiArea = "中正區" + suffix;
        taoyuanArea = "桃園區" + suffix;
        FakeOtherServices.AREAS.put(taipeiArea, taipei);
        FakeOtherServices.AREAS.put(taoyuanArea, taoyuan);
        taipeiDriver = "TP" + suffix;
        taoyuanDriver = "TY" + suffix;
        newDriver(taipeiDriver, vehicle("TPC-" + suffix, "CAR", 40, 1000), taipei);
        newDriver(taoyuanDriver, vehicle("TYC-" + suffix, "CAR", 40, 1000), taoyuan);
    }

    static long depot(String name, double lat, double lon) {
        return office().body(Map.of("name", name, "latitude", lat, "longitude", lon)).post("/api/routes/depots").then()
                .statusCode(201).extract().<Number>path("id").longValue();
    }

    static void newDriver(String id, long vehicleId, long depotId) {
        office().body(Map.of("id", id, "name", "司機" + id, "vehicleId", vehicleId, "depotId", depotId))
                .post("/api/drivers").then().statusCode(201);
    }

    /** An order of a customer in {@code area}, about {@code meters} east of the given point. */
    static long order(String area, LocalDate date, double lat, double lon, int meters) {
        long id = PlanningTest.IDS.incrementAndGet();
        double east = lon + meters / (111_000 * Math.cos(Math.toRadians(lat)));
        FakeOtherServices.CUSTOMERS.put(id, new com.luckygas.route.planning.Inputs.Customer(id, "K" + id, "客戶" + id,
                List.of("0912345678"), "地址" + id, area, java.math.BigDecimal.valueOf(lat), java.math.BigDecimal.valueOf(east),
                List.of(), null, null, "ANY", null, true));
        FakeOtherServices.ORDERS.put(id, new com.luckygas.route.planning.Inputs.Order(id, id, "K" + id, "客戶" + id, area, date,
                null, null, "PENDING", 800, "CASH", null, null, null, null, null, null, null,
                List.of(new com.luckygas.route.planning.Inputs.OrderItem("R20", java.math.BigDecimal.ONE,
                        java.math.BigDecimal.valueOf(800)))));
        return id;
    }

    static long plan(LocalDate date, long depotId) {
        return office().body(Map.of("date", date.toString(), "depotId", depotId)).post("/api/routes/plans").then()
                .statusCode(202).extract().<Number>path("id").longValue();
    }

    static Set<Long> planned(JsonPath plan) {
        Set<Long> ids = new HashSet<>();
        plan.<Number>getList("routes.stops.flatten().orderId").forEach(n -> ids.add(n.longValue()));
        return ids;
    }

    @Test
    void eachDepotPlansItsOwnTerritoryWithItsOwnDriversAtTheSameTimeAndPublishesAlone() throws Exception {
        LocalDate date = freshDate();
        Set<Long> north = new HashSet<>();
        Set<Long> south = new HashSet<>();
        for (int i = 1; i <= 4; i++) {
            north.add(order(taipeiArea, date, 25.0330, 121.5654, 400 * i));
            south.add(order(taoyuanArea, date, 24.9937, 121.3010, 400 * i));
        }
        long nowhere = order("無人區" + taipei, date, 25.0330, 121.5654, 900);

        // both depots' plans at once: neither waits for the other
        long planNorth = plan(date, taipei);
        long planSouth = plan(date, taoyuan);
        JsonPath n = ready(planNorth);
        JsonPath s = ready(planSouth);
        assertEquals(north, planned(n), "臺北's plan takes 臺北's orders only");
        assertEquals(south, planned(s), "桃園's plan takes 桃園's orders only");
        assertEquals(List.of(taipeiDriver), n.getList("routes.driverId"), "with 臺北's drivers by default");
        assertEquals(List.of(taoyuanDriver), s.getList("routes.driverId"));
        // an order of an area without a depot is in both plans, unplanned, saying why
        for (JsonPath plan : List.of(n, s)) {
            assertEquals(List.of(nowhere), plan.<Number>getList("unplannedOrders.orderId").stream().map(Number::longValue).toList());
            assertTrue(plan.getString("unplannedOrders[0].reason").contains("belongs to no depot"), plan.prettify());
        }

        office().post("/api/routes/plans/" + planSouth + "/publish").then().statusCode(200);
        office().post("/api/routes/plans/" + planNorth + "/publish").then().statusCode(200);
        office().get("/api/routes/plans/" + planSouth).then().body("status", equalTo("PUBLISHED"));
        // planning and publishing 臺北's day again supersedes 臺北's earlier plan, not 桃園's
        long again = plan(date, taipei);
        ready(again);
        office().post("/api/routes/plans/" + again + "/publish").then().statusCode(200);
        office().get("/api/routes/plans/" + planNorth).then().body("status", equalTo("SUPERSEDED"));
        office().get("/api/routes/plans/" + planSouth).then().body("status", equalTo("PUBLISHED"));
        office().queryParam("date", date.toString()).queryParam("depotId", taoyuan).get("/api/routes/plans").then()
                .statusCode(200).body("id", equalTo(List.of((int) planSouth)));
        JsonPath theirDay = driver(taoyuanDriver).get("/api/routes/plans/" + planSouth + "/routes/" + taoyuanDriver).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(south, new HashSet<>(theirDay.getList("stops.orderId", Long.class)));
    }

    @Test
    void aDriverOfAnotherDepotOrAnOrderOfAnotherTerritoryIsRefusedNamingTheField() throws Exception {
        LocalDate date = freshDate();
        order(taipeiArea, date, 25.0330, 121.5654, 500);
        long theirs = order(taoyuanArea, date, 24.9937, 121.3010, 500);
        office().body(Map.of("date", date.toString(), "depotId", taipei, "driverIds", List.of(taoyuanDriver)))
                .post("/api/routes/plans").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("driverIds[0]"))
                .body("violations[0].message", containsString("based at another depot"));
        long planId = plan(date, taipei);
        long version = ready(planId).getLong("version");
        office().body(Map.of("orderId", theirs, "driverId", taipeiDriver)).post("/api/routes/plans/" + planId + "/moves").then()
                .statusCode(400).body("violations[0].field", equalTo("orderId"))
                .body("violations[0].message", containsString("another depot's territory"));
        office().get("/api/routes/plans/" + planId).then().body("version", equalTo((int) version));
        office().body(Map.of("date", LocalDate.now().minusDays(2).toString(), "depotId", taipei)).post("/api/routes/plans")
                .then().statusCode(400).body("violations[0].field", equalTo("date"));
    }
}
