package com.luckygas.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vehicles, depots and drivers as the office registers them, and the mistakes it is told about. */
@QuarkusTest
class FleetTest {

    private static RequestSpecification office() {
        return given().auth().oauth2(TestTokens.office()).contentType(ContentType.JSON);
    }

    private static long vehicle(String plate, String kind, int cylinders, double kg) {
        return office().body(Map.of("plate", plate, "kind", kind, "capacityCylinders", cylinders, "capacityKg", kg))
                .post("/api/vehicles").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    @Test
    void vehiclesWithTheirCapacity() {
        long scooter = vehicle("mkt-1234", "SCOOTER", 3, 60);
        office().get("/api/vehicles/" + scooter).then().statusCode(200)
                .body("plate", equalTo("MKT-1234")).body("kind", equalTo("SCOOTER")).body("capacityCylinders", equalTo(3));
        office().body(Map.of("plate", "ZERO-1", "kind", "CAR", "capacityCylinders", 0, "capacityKg", 500))
                .post("/api/vehicles").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("capacityCylinders"));
        office().body(Map.of("plate", "MKT-1234", "kind", "CAR", "capacityCylinders", 20, "capacityKg", 800))
                .post("/api/vehicles").then().statusCode(409).body("violations[0].field", equalTo("plate"));
        office().body(Map.of("plate", "X-1", "kind", "TRUCK", "capacityCylinders", 20, "capacityKg", 800))
                .post("/api/vehicles").then().statusCode(400).body("violations[0].message", equalTo("must be one of CAR, SCOOTER"));
    }

    @Test
    void driversWithVehicleAndShift() {
        long car = vehicle("ABC-5678", "CAR", 24, 900);
        Map<String, Object> body = new HashMap<>(Map.of("id", "D-FLEET", "name", "陳大明", "phone", "0912-000-111",
                "vehicleId", car, "shiftStart", "07:30", "shiftEnd", "16:30"));
        office().body(body).post("/api/drivers").then().statusCode(201)
                .body("vehicleId", equalTo((int) car)).body("shiftStart", equalTo("07:30:00"));
        office().body(body).post("/api/drivers").then().statusCode(409).body("violations[0].field", equalTo("id"));
        office().get("/api/vehicles/" + car + "/drivers").then().body("", contains("D-FLEET"));
        body.put("name", "陳大明（早班）");
        body.put("version", 0);
        office().body(body).put("/api/drivers/D-FLEET").then().statusCode(200).body("version", equalTo(1));
        office().body(body).put("/api/drivers/D-FLEET").then().statusCode(409).contentType("application/problem+json");
        // the answer carries the version the next edit must name
        int deactivated = office().post("/api/drivers/D-FLEET/deactivate").then().statusCode(200).body("active", equalTo(false))
                .body("version", equalTo(2)).extract().path("version");
        office().queryParam("active", false).get("/api/drivers").then().body("items.id", hasItem("D-FLEET"));
        body.put("version", deactivated);
        body.put("phone", "0912-000-222");
        office().body(body).put("/api/drivers/D-FLEET").then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void badDrivers() {
        office().body(Map.of("id", "D-BAD", "name", "x", "vehicleId", 999999)).post("/api/drivers").then()
                .statusCode(400).body("violations[0].field", equalTo("vehicleId"));
        office().body(Map.of("id", "D-BAD", "name", "x", "shiftStart", "18:00", "shiftEnd", "08:00")).post("/api/drivers")
                .then().statusCode(400).body("violations[0].field", equalTo("shiftEnd"));
        office().body(Map.of("id", "D BAD!", "name", "")).post("/api/drivers").then().statusCode(400)
                .body("violations.field", hasItems("id", "name"));
        office().get("/api/drivers/NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void depotsAreInTaiwan() {
        office().body(Map.of("name", "新北站", "address", "新北市板橋區", "latitude", 25.0143, "longitude", 121.4672))
                .post("/api/routes/depots").then().statusCode(201).body("name", equalTo("新北站"));
        office().body(Map.of("name", "東京站", "latitude", 35.68, "longitude", 139.76)).post("/api/routes/depots")
                .then().statusCode(400).body("violations.field", hasItems("latitude", "longitude"));
        office().body(Map.of("name", "新北站", "latitude", 25.0, "longitude", 121.4)).post("/api/routes/depots")
                .then().statusCode(409);
        office().get("/api/routes/depots").then().statusCode(200).body("name", hasItem("新北站"));
    }

    @Test
    void driversCannotManageTheFleet() {
        given().auth().oauth2(TestTokens.driver("D1")).get("/api/vehicles").then().statusCode(403);
        given().auth().oauth2(TestTokens.driver("D1")).get("/api/routes/depots").then().statusCode(403);
        given().auth().oauth2(TestTokens.driver("D1")).contentType(ContentType.JSON)
                .body(Map.of("id", "D9", "name", "x")).post("/api/drivers").then().statusCode(403);
    }
}
