package com.luckygas.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/** The calls the tests make, as a client would make them. */
final class AuthApi {

    static final String ADMIN_PASSWORD = "test-admin-password";

    private AuthApi() {
    }

    static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }

    static String accessToken(String username, String password) {
        return login(username, password).then().statusCode(200).extract().path("accessToken");
    }

    static String adminToken() {
        return accessToken("admin", ADMIN_PASSWORD);
    }

    static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh");
    }

    /** Creates a user through the admin API and returns its id. */
    static long createUser(String username, String role, String driverId, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Test " + username);
        body.put("role", role);
        body.put("password", password);
        if (driverId != null) {
            body.put("driverId", driverId);
        }
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body)
                .post("/api/auth/users").then().statusCode(201).extract().<Number>path("id").longValue();
    }
}
