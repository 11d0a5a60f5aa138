package com.luckygas.delivery;

import static io.restassured.RestAssured.given;

import com.luckygas.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The calls the tests make, as the office, route-service and drivers make them. */
public final class OrderApi {

    public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    /**
     * Today in Taipei, as the service reckons it, read at each use: a date read once when this class
     * was loaded is yesterday's for every test that runs after midnight in Taipei (16:00 UTC).
     */
    public static LocalDate today() {
        return LocalDate.now(TAIPEI);
    }

    private OrderApi() {
    }

    public static RequestSpecification office() {
        return given().auth().oauth2(TestTokens.office()).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    public static RequestSpecification driver(String driverId) {
        return given().auth().oauth2(TestTokens.driver(driverId)).contentType(ContentType.JSON);
    }

    public static Map<String, Object> order(long customerId, LocalDate date, Object... productAndQuantity) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            items.add(Map.of("productCode", productAndQuantity[i], "quantity", productAndQuantity[i + 1]));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("requestedDate", date.toString());
        body.put("items", items);
        return body;
    }

    public static Response create(Map<String, Object> body) {
        return office().body(body).post("/api/orders");
    }

    public static long createId(Map<String, Object> body) {
        return create(body).then().statusCode(201).extract().<Number>path("id").longValue();
    }

    public static void price(String product, Long customerId, LocalDate from, double unitPrice) {
        Map<String, Object> body = new HashMap<>();
        body.put("productCode", product);
        body.put("customerId", customerId);
        body.put("validFrom", from.toString());
        body.put("unitPrice", unitPrice);
        admin().body(body).post("/api/products/prices").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** Default prices every test can rely on. */
    public static void defaultPrices() {
        price("R20", null, today().minusYears(1), 800);
        price("R50", null, today().minusYears(1), 1900);
        price("R16", null, today().minusYears(1), 650);
        price("F20", null, today().minusYears(1), 45.5);
    }

    public static void assign(String driverId, long... orderIds) {
        office().body(Map.of("driverId", driverId, "routeId", 7, "orderIds", java.util.Arrays.stream(orderIds).boxed().toList()))
                .post("/api/orders/assignments").then().statusCode(200);
    }

    public static Map<String, Object> completion(Object... productQuantityEmpties) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < productQuantityEmpties.length; i += 3) {
            items.add(Map.of("productCode", productQuantityEmpties[i], "quantity", productQuantityEmpties[i + 1],
                    "empties", productQuantityEmpties[i + 2]));
        }
        return Map.of("items", items, "amountCollected", 1600, "paymentMethod", "CASH");
    }

    /** route-service's own token: it publishes plans. */
    public static RequestSpecification service() {
        return io.restassured.RestAssured.given().auth().oauth2(com.luckygas.testing.TestTokens.token("SERVICE",
                "service:route-service", "route-service", null)).contentType(io.restassured.http.ContentType.JSON);
    }

    /** A stop of a published route: the order, its trip, estimated arrival and the trip's departure. */
    public static Map<String, Object> stop(long id, int trip, String eta, String tripDeparts) {
        return Map.of("orderId", id, "trip", trip, "eta", eta, "tripDeparts", tripDeparts);
    }

    /** The days a template's orders are for, in order (straight from the table). */
    public static List<LocalDate> templateOrderDays(javax.sql.DataSource dataSource, long templateId) throws java.sql.SQLException {
        List<LocalDate> days = new java.util.ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT requested_date FROM delivery.orders WHERE template_id = ? ORDER BY requested_date")) {
            s.setLong(1, templateId);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return days;
    }
}
