package com.luckygas.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scheduled work gets a service identity from auth-service, and only with the right secret. */
@QuarkusTest
class ServiceTokenTest {

    @Test
    void aConfiguredServiceGetsAShortLivedServiceToken() throws Exception {
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("clientId", "delivery-service", "clientSecret", AuthTestSettings.SERVICE_SECRET))
                .post("/api/auth/service-token").then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(300))
                .extract().path("accessToken");
        JsonNode claims = new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals("service:delivery-service", claims.get("sub").asText());
        assertEquals("SERVICE", claims.get("groups").get(0).asText());
        // it is no user: user endpoints refuse it
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(403);
        given().auth().oauth2(token).get("/api/auth/users").then().statusCode(403);
    }

    @Test
    void wrongSecretOrUnknownServiceIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("clientId", "delivery-service", "clientSecret", "guess"))
                .post("/api/auth/service-token").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("clientId", "evil-service", "clientSecret", "guess"))
                .post("/api/auth/service-token").then().statusCode(401);
    }
}
