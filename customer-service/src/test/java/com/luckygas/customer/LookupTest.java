package com.luckygas.customer;

import static com.luckygas.customer.CustomerApi.createId;
import static com.luckygas.customer.CustomerApi.customer;
import static com.luckygas.customer.CustomerApi.office;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LookupTest {

    @Test
    void returnsTheKnownInRequestOrderAndListsTheMissing() {
        long a = createId(customer("K1", "甲"));
        long b = createId(customer("K2", "乙"));
        office().body(Map.of("ids", List.of(b, 999_999, a, b))).post("/api/customers/lookup").then().statusCode(200)
                .body("items.code", contains("K2", "K1"))
                .body("missing", contains(999_999));
    }

    @Test
    void aServiceIdentityMayLookUp() {
        long a = createId(customer("K3", "丙"));
        given().auth().oauth2(TestTokens.token("SERVICE", "service:route-service", "route-service", null))
                .contentType(ContentType.JSON).body(Map.of("ids", List.of(a))).post("/api/customers/lookup")
                .then().statusCode(200).body("items[0].code", equalTo("K3"));
    }

    /** The safety technician (issue 18) reads the customers he checks — one, or many at once — and changes nothing. */
    @Test
    void theSafetyTechnicianReadsCustomersAndNothingElse() {
        long a = createId(customer("K4", "丁"));
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> technician = () -> given()
                .auth().oauth2(TestTokens.token("TECHNICIAN", "9", "tech", null)).contentType(ContentType.JSON);
        technician.get().body(Map.of("ids", List.of(a))).post("/api/customers/lookup").then().statusCode(200)
                .body("items[0].code", equalTo("K4"));
        technician.get().get("/api/customers/" + a).then().statusCode(200).body("code", equalTo("K4"));
        technician.get().get("/api/customers").then().statusCode(403);
        technician.get().body(customer("K5", "戊")).post("/api/customers").then().statusCode(403);
        given().auth().oauth2(TestTokens.driver("D1")).get("/api/customers/" + a).then().statusCode(403);
    }

    @Test
    void atMostFiveHundredIds() {
        office().body(Map.of("ids", LongStream.rangeClosed(1, 500).boxed().toList())).post("/api/customers/lookup")
                .then().statusCode(200);
        office().body(Map.of("ids", LongStream.rangeClosed(1, 501).boxed().toList())).post("/api/customers/lookup")
                .then().statusCode(400).body("violations[0].field", equalTo("ids"));
        office().body(Map.of("ids", List.of())).post("/api/customers/lookup").then().statusCode(400);
    }
}
