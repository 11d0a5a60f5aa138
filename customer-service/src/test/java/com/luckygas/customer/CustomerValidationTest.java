package com.luckygas.customer;

import static com.luckygas.customer.CustomerApi.create;
import static com.luckygas.customer.CustomerApi.customer;
import static com.luckygas.customer.CustomerApi.office;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad field is named with its reason in a 400 problem, and nothing is written. */
@QuarkusTest
class CustomerValidationTest {

    private static ValidatableResponse invalid(Map<String, Object> body) {
        ValidatableResponse response = create(body).then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")));
        if (body.get("code") != null) {
            office().queryParam("q", body.get("code")).get("/api/customers").then().body("total", equalTo(0));
        }
        return response;
    }

    @Test
    void unknownArea() {
        Map<String, Object> body = customer("3001", "不明區域");
        body.put("area", "火星區");
        invalid(body).body("violations[0].field", equalTo("area"));
    }

    @Test
    void malformedPhones() {
        Map<String, Object> body = customer("3002", "亂打電話");
        body.put("phones", List.of("0912-345-678", "12345", "call me"));
        invalid(body).body("violations.field", hasItems("phones[1]", "phones[2]"))
                .body("violations[0].message", equalTo("is not a valid Taiwan phone number"));
    }

    @Test
    void coordinatesOutsideTaiwan() {
        Map<String, Object> body = customer("3003", "東京客戶");
        body.put("latitude", 35.68);
        body.put("longitude", 139.76);
        invalid(body).body("violations.field", hasItems("latitude", "longitude"));
        Map<String, Object> half = customer("3003", "半個座標");
        half.put("latitude", 25.03);
        invalid(half).body("violations[0].field", equalTo("longitude"));
    }

    @Test
    void hoursOutOfRange() {
        Map<String, Object> body = customer("3004", "半夜送");
        body.put("acceptedHours", List.of(8, 24, -1));
        invalid(body).body("violations.field", hasItems("acceptedHours[1]", "acceptedHours[2]"));
    }

    @Test
    void oversizedStrings() {
        Map<String, Object> body = customer("3005", "長".repeat(101));
        body.put("deliveryNotes", "注".repeat(1001));
        invalid(body).body("violations.field", hasItems("shortName", "deliveryNotes"));
    }

    @Test
    void missingAndMalformedFields() {
        invalid(Map.of("shortName", "沒有代碼")).body("violations[0].field", equalTo("code"));
        invalid(Map.of("code", "12 34", "shortName", "x")).body("violations[0].field", equalTo("code"));
        Map<String, Object> body = customer("3006", "怪付款");
        body.put("paymentTerm", "BITCOIN");
        invalid(body).body("violations[0].field", equalTo("paymentTerm"))
                .body("violations[0].message", equalTo("must be one of CASH, MONTHLY, TRANSFER"));
        Map<String, Object> held = customer("3007", "怪瓶數");
        held.put("cylindersHeld", Map.of("R20", -1));
        invalid(held).body("violations[0].field", containsString("cylindersHeld"));
    }

    @Test
    void aNulCharacterIsABadRequestNotAnError() {
        office().queryParam("q", "小\u0000吃").get("/api/customers").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> body = customer("3008", "有\u0000字");
        invalid(body).body("violations[0].field", equalTo("shortName"));
    }

    @Test
    void pageSizeIsBounded() {
        office().queryParam("size", 1000).get("/api/customers").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        office().queryParam("sort", "SHOE_SIZE").get("/api/customers").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
    }
}
