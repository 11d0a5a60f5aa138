package com.luckygas.customer;

import static com.luckygas.customer.CustomerApi.create;
import static com.luckygas.customer.CustomerApi.createId;
import static com.luckygas.customer.CustomerApi.customer;
import static com.luckygas.customer.CustomerApi.office;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerCrudTest {

    @Test
    void createStoresEverythingAndChineseRoundTripsByteExact() {
        CustomerApi.area("中正區");
        Map<String, Object> body = customer("1032", "美味小吃𡘙");
        body.put("invoiceTitle", "美味小吃有限公司");
        body.put("phones", List.of("0912-345-678", "(02) 2345-6789", "+886 912 345 678"));
        body.put("address", "臺北市中正區中正路1號");
        body.put("area", "中正區");
        body.put("latitude", 25.0330);
        body.put("longitude", 121.5654);
        body.put("type", "餐廳");
        body.put("paymentTerm", "MONTHLY");
        body.put("acceptedHours", List.of(14, 8, 9));
        body.put("preferredSlot", "MORNING");
        body.put("closedDays", "週日、每月1,15日");
        body.put("vehicleAccess", "SCOOTER");
        body.put("avgDailyUseKg", 2.5);
        body.put("equipment", List.of("FLOW_METER", "SMART_SCALE"));
        body.put("cylindersHeld", Map.of("R20", 2, "R50", 1));
        body.put("deliveryNotes", "後門，下午才在");
        String location = create(body).then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("shortName", equalTo("美味小吃𡘙"))
                .body("phones", contains("0912345678", "0223456789"))
                .body("acceptedHours", contains(8, 9, 14))
                // what a customer holds is the cylinder ledger's (delivery-service), not typed here
                .body("cylindersHeld", anEmptyMap())
                .body("deliveryNotes", equalTo("後門，下午才在"))
                .body("active", equalTo(true))
                .extract().header("Location");
        FakeDeliveryService.HELD.put(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)),
                Map.of("R20", 3, "R50", 0));
        office().get(location).then().statusCode(200)
                .body("shortName", equalTo("美味小吃𡘙"))
                .body("cylindersHeld.R20", equalTo(3))
                .body("cylindersHeld", not(hasKey("R50")))
                .body("address", equalTo("臺北市中正區中正路1號"))
                .body("closedDays", equalTo("週日、每月1,15日"))
                // as planning reads it: Sundays and the 1st and 15th of each month
                .body("closedDaysReading.weekdays", contains("SUNDAY"))
                .body("closedDaysReading.monthDays", contains(1, 15))
                .body("closedDaysReading.understood", equalTo(true))
                .body("vehicleAccess", equalTo("SCOOTER"))
                .body("equipment", contains("FLOW_METER", "SMART_SCALE"));
    }

    @Test
    void fullUpdateNeedsTheVersionAndReplacesEverything() {
        Map<String, Object> body = customer("2001", "幸福工廠");
        body.put("address", "桃園市中壢區");
        long id = createId(body);
        Map<String, Object> changed = customer("2001", "幸福工廠股份");
        office().body(changed).put("/api/customers/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        office().header("If-Match", "\"0\"").body(changed).put("/api/customers/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("shortName", equalTo("幸福工廠股份"))
                .body("address", nullValue());
        changed.put("version", 1);
        changed.put("address", "桃園市平鎮區");
        office().body(changed).put("/api/customers/" + id).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void partialUpdateChangesOnlyWhatIsSent() {
        Map<String, Object> body = customer("2002", "阿明麵店");
        body.put("phones", List.of("0922333444"));
        body.put("cylindersHeld", Map.of("R20", 2, "R50", 1));
        long id = createId(body);
        FakeDeliveryService.HELD.put(id, Map.of("R20", 2, "R50", 1));
        office().contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"0\"")
                .body("{\"deliveryNotes\":\"放門口\",\"cylindersHeld\":{\"R50\":null,\"R16\":1}}")
                .patch("/api/customers/" + id).then().statusCode(200)
                .body("shortName", equalTo("阿明麵店"))
                .body("phones", contains("0922333444"))
                .body("deliveryNotes", equalTo("放門口"))
                // cylinders are not changed by typing them: the card shows the ledger's balance
                .body("cylindersHeld.R20", equalTo(2))
                .body("cylindersHeld.R50", equalTo(1))
                .body("cylindersHeld", not(hasKey("R16")));
        // a patch is validated as a whole, field by field
        office().header("If-Match", "\"1\"").body("{\"phones\":[\"123\"],\"acceptedHours\":[25]}")
                .patch("/api/customers/" + id).then().statusCode(400)
                .body("violations.field", contains("acceptedHours[0]"));
    }

    @Test
    void deactivateAndReactivate() {
        long id = createId(customer("2003", "老王商行"));
        office().post("/api/customers/" + id + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        office().get("/api/customers/" + id).then().body("active", equalTo(false));
        office().post("/api/customers/" + id + "/reactivate").then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void aCustomerWithHistoryCannotBeDeleted() {
        long id = createId(customer("2004", "有歷史的客戶"));
        FakeDeliveryService.WITH_HISTORY.add(id);
        office().delete("/api/customers/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("deactivate"));
        office().get("/api/customers/" + id).then().statusCode(200);
    }

    @Test
    void aCustomerWhoseOnlyHistoryIsImportedDeliveriesCannotBeDeleted() {
        long id = createId(customer("2091", "只有舊紀錄的客戶"));
        FakeDeliveryService.WITH_IMPORTED_DELIVERIES.add(id);
        office().delete("/api/customers/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("deactivate"));
        office().get("/api/customers/" + id).then().statusCode(200);
    }

    @Test
    void aCustomerWithRecurringOrdersButNoOrderYetCannotBeDeleted() {
        long id = createId(customer("2092", "剛訂定期的客戶"));
        FakeDeliveryService.WITH_TEMPLATES.add(id);
        office().delete("/api/customers/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("recurring"));
        office().get("/api/customers/" + id).then().statusCode(200);
    }

    @Test
    void aFlagOrNumberThatIsNotOneIsA400NamingIt() {
        // Boolean.valueOf read "yes" as false and listed the inactive customers
        office().queryParam("active", "yes").get("/api/customers").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("active"));
        office().queryParam("active", "TRUE").get("/api/customers").then().statusCode(200);
        office().get("/api/customers/abc").then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void anAreaNamedWithASpaceIsFoundWhereItsLocationSays() {
        String location = office().body(Map.of("name", "Da An Test")).post("/api/customers/areas").then().statusCode(201)
                .extract().header("Location");
        assertTrue(location.endsWith("/api/customers/areas/Da%20An%20Test"), location);
        office().urlEncodingEnabled(false).body(Map.of("depotId", 1)).put(java.net.URI.create(location).getRawPath()).then().statusCode(200)
                .body("name", equalTo("Da An Test"));
        office().urlEncodingEnabled(false).delete(java.net.URI.create(location).getRawPath()).then().statusCode(204);
    }

    @Test
    void aCustomerWithoutHistoryCanBeDeleted() {
        long id = createId(customer("2005", "打錯的客戶"));
        office().delete("/api/customers/" + id).then().statusCode(204);
        office().get("/api/customers/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void nothingIsDeletedWhenHistoryCannotBeChecked() {
        long id = createId(customer("2006", "查不到的客戶"));
        FakeDeliveryService.UNREACHABLE.add(id);
        office().delete("/api/customers/" + id).then().statusCode(503).contentType("application/problem+json");
        // the card still shows, without the cylinders the ledger would have told
        office().get("/api/customers/" + id).then().statusCode(200).body("cylindersHeld", nullValue());
    }

    @Test
    void duplicateCodeIsAConflict() {
        createId(customer("2007", "第一個"));
        create(customer("2007", "第二個")).then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", equalTo("code"));
    }

    @Test
    void driversMayNotTouchTheBook() {
        given().auth().oauth2(TestTokens.driver("D1")).contentType(ContentType.JSON).body(customer("2008", "司機建立"))
                .post("/api/customers").then().statusCode(403);
        given().auth().oauth2(TestTokens.driver("D1")).contentType(ContentType.JSON).body(Map.of("ids", List.of(1)))
                .post("/api/customers/lookup").then().statusCode(403);
        given().auth().oauth2(TestTokens.driver("D1")).get("/api/customers/areas").then().statusCode(403);
    }
}
