package com.luckygas.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Bad requests get a 400 problem+json that names the field and the reason, and nothing internal. */
@QuarkusTest
class BadInputTest {

    private static ValidatableResponse createUser(String json) {
        return given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON).body(json)
                .post("/api/auth/users").then()
                .contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("com.luckygas")));
    }

    @Test
    void malformedJson() {
        createUser("{\"username\": \"x\", ").statusCode(400).body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void missingFieldsAreEachNamed() {
        createUser("{}").statusCode(400)
                .body("violations.field", hasItems("username", "displayName", "role", "password"));
    }

    @Test
    void missingBody() {
        given().contentType(ContentType.JSON).post("/api/auth/login").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        createUser("{\"username\":\"boss\",\"displayName\":\"x\",\"role\":\"BOSS\",\"password\":\"boss-password\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("role"))
                .body("violations[0].message", equalTo("must be one of ADMIN, OFFICE, DRIVER, TECHNICIAN"));
    }

    @Test
    void wrongTypeNamesTheField() {
        createUser("{\"username\":[1,2],\"displayName\":\"x\",\"role\":\"OFFICE\",\"password\":\"some-password\"}")
                .statusCode(400).body("violations[0].field", equalTo("username"));
    }

    @Test
    void invalidValuesGiveReasons() {
        createUser("{\"username\":\"a b\",\"displayName\":\"x\",\"role\":\"OFFICE\",\"password\":\"short\",\"phone\":\"call me\"}")
                .statusCode(400)
                .body("violations.field", hasItems("username", "password", "phone"));
    }

    @Test
    void textThePostgresCannotStoreIsRefusedByField() {
        createUser("{\"username\":\"nul.user\",\"displayName\":\"a\\u0000b\",\"role\":\"OFFICE\",\"password\":\"some-password\"}")
                .statusCode(400).body("violations[0].field", equalTo("displayName"))
                .body("violations[0].message", equalTo("must not contain the NUL character"));
    }

    @Test
    void oversizedBodyIsRefusedWithAProblem() {
        String huge = "{\"username\":\"" + "x".repeat(100_000) + "\",\"password\":\"p\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/auth/login").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void wrongMediaType() {
        given().contentType(ContentType.TEXT).body("username=admin").post("/api/auth/login").then()
                .statusCode(415).contentType("application/problem+json");
    }
}
