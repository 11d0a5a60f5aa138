package com.luckygas.customer;

import static io.restassured.RestAssured.given;

import com.luckygas.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calls the tests make as the office would. */
final class CustomerApi {

    private CustomerApi() {
    }

    static RequestSpecification office() {
        return given().auth().oauth2(TestTokens.office()).contentType(ContentType.JSON);
    }

    static Map<String, Object> customer(String code, String shortName) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("shortName", shortName);
        return body;
    }

    static Response create(Map<String, Object> body) {
        return office().body(body).post("/api/customers");
    }

    static long createId(Map<String, Object> body) {
        return create(body).then().statusCode(201).extract().<Number>path("id").longValue();
    }

    static void area(String name) {
        office().body(Map.of("name", name)).post("/api/customers/areas");
    }

    static List<String> codes(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("items.code", String.class);
    }

    /** A customer for the search tests: name, invoice title, address, area, type, one phone (null: none). */
    static long add(String code, String name, String title, String address, String area, String type, String phone) {
        Map<String, Object> body = customer(code, name);
        body.put("invoiceTitle", title);
        body.put("address", address);
        body.put("area", area);
        body.put("type", type);
        body.put("phones", phone == null ? List.of() : List.of(phone));
        return createId(body);
    }

    /** The codes a search finds (up to 200) that {@code ours} keeps, in the order found. */
    static List<String> search(String q, java.util.function.Predicate<String> ours) {
        return codes(office().queryParam("q", q).queryParam("size", 200).get("/api/customers")).stream().filter(ours).toList();
    }
}
