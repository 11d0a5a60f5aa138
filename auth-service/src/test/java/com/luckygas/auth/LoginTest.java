package com.luckygas.auth;

import static com.luckygas.auth.AuthApi.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void adminLogsInAndGetsASignedTokenWithTheAgreedClaims() throws Exception {
        JsonPath body = login("admin", AuthApi.ADMIN_PASSWORD).then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("user.role", equalTo("ADMIN"))
                .body("user", not(hasKey("passwordHash")))
                .extract().jsonPath();
        String[] parts = body.getString("accessToken").split("\\.");
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        assertEquals("RS256", header.get("alg").asText());
        String kid = header.get("kid").asText();
        assertEquals("https://auth.luckygas.tw", claims.get("iss").asText());
        assertEquals("admin", claims.get("upn").asText());
        assertEquals("ADMIN", claims.get("groups").get(0).asText());
        assertEquals(900, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertTrue(body.getString("refreshToken").length() >= 40);
        // the key that signed it is published
        given().get("/api/auth/jwks").then().statusCode(200)
                .body("keys.find { it.kid == '" + kid + "' }.kty", equalTo("RSA"))
                .body("keys[0]", not(hasKey("d")));
    }

    @Test
    void driverTokenCarriesTheDriverId() throws Exception {
        AuthApi.createUser("driver.chen", "DRIVER", "D77", "driver-password-1");
        String token = AuthApi.accessToken("driver.chen", "driver-password-1");
        JsonNode claims = decode(token.split("\\.")[1]);
        assertEquals("D77", claims.get("driver_id").asText());
        assertEquals("DRIVER", claims.get("groups").get(0).asText());
    }

    @Test
    void usernameIsCaseInsensitive() {
        login("ADMIN", AuthApi.ADMIN_PASSWORD).then().statusCode(200).body("user.username", equalTo("admin"));
    }

    @Test
    void wrongPasswordUnknownUserAndLockedAccountGetTheSameAnswer() throws Exception {
        AuthApi.createUser("locky", "OFFICE", null, "locky-password-1");
        String wrongPassword = login("locky", "nope-nope-nope").then().statusCode(401)
                .contentType("application/problem+json").extract().asString();
        String unknownUser = login("nobody-here", "nope-nope-nope").then().statusCode(401).extract().asString();
        assertEquals(wrongPassword, unknownUser);
        for (int i = 0; i < 4; i++) {
            login("locky", "nope-nope-nope").then().statusCode(401);
        }
        // five failures: locked, even with the right password, and the answer says nothing more
        String locked = login("locky", "locky-password-1").then().statusCode(401).extract().asString();
        assertEquals(wrongPassword, locked);
    }

    @Test
    void wrongPasswordsSentAtOnceEachCountTowardsTheLockout() throws Exception {
        AuthApi.createUser("racer", "OFFICE", null, "racer-password-1");
        int attempts = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return login("racer", "guess-guess-guess").then().extract().statusCode();
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertEquals(401, answer.get(), "every wrong password gets the same 401, none a conflict");
            }
        } finally {
            pool.shutdownNow();
        }
        // eight failures at once are eight failures: the account is locked, the right password refused
        login("racer", "racer-password-1").then().statusCode(401);
    }

    @Test
    void lockoutEndsAfterItsTime() throws Exception {
        AuthApi.createUser("patient", "OFFICE", null, "patient-password-1");
        for (int i = 0; i < 5; i++) {
            login("patient", "wrong-password!").then().statusCode(401);
        }
        login("patient", "patient-password-1").then().statusCode(401);
        // fifteen minutes pass
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE auth.app_user SET locked_until = now() - interval '1 second' WHERE username = ?")) {
            s.setString(1, "patient");
            assertEquals(1, s.executeUpdate());
        }
        login("patient", "patient-password-1").then().statusCode(200);
    }

    @Test
    void successfulLoginResetsTheFailureCount() {
        AuthApi.createUser("forgetful", "OFFICE", null, "forgetful-password");
        for (int i = 0; i < 4; i++) {
            login("forgetful", "wrong-password!").then().statusCode(401);
        }
        login("forgetful", "forgetful-password").then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login("forgetful", "wrong-password!").then().statusCode(401);
        }
        login("forgetful", "forgetful-password").then().statusCode(200);
    }

    @Test
    void meAnswersTheCaller() {
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/me").then().statusCode(200)
                .body("username", equalTo("admin")).body("role", equalTo("ADMIN"));
        given().get("/api/auth/me").then().statusCode(401).contentType("application/problem+json");
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
