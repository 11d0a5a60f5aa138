package com.luckygas.auth;

import static com.luckygas.auth.AuthApi.login;
import static com.luckygas.auth.AuthApi.refresh;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionTest {

    @Test
    void refreshRotatesTheRefreshToken() {
        AuthApi.createUser("rotor", "OFFICE", null, "rotor-password-1");
        String first = login("rotor", "rotor-password-1").then().statusCode(200).extract().path("refreshToken");
        JsonPath second = refresh(first).then().statusCode(200).body("user.username", equalTo("rotor"))
                .extract().jsonPath();
        assertNotEquals(first, second.getString("refreshToken"));
        given().auth().oauth2(second.getString("accessToken")).get("/api/auth/me").then().statusCode(200);
        refresh(second.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void reusingAnOldRefreshTokenEndsTheWholeSession() {
        AuthApi.createUser("victim", "OFFICE", null, "victim-password-1");
        String stolen = login("victim", "victim-password-1").then().statusCode(200).extract().path("refreshToken");
        String current = refresh(stolen).then().statusCode(200).extract().path("refreshToken");
        // the old token comes back: refused, and the legitimate newer token dies with it
        refresh(stolen).then().statusCode(401).contentType("application/problem+json");
        refresh(current).then().statusCode(401);
        // another session of the same user is not affected
        String other = login("victim", "victim-password-1").then().statusCode(200).extract().path("refreshToken");
        refresh(other).then().statusCode(200);
    }

    @Test
    void logoutEndsTheSession() {
        AuthApi.createUser("leaver", "OFFICE", null, "leaver-password");
        String token = login("leaver", "leaver-password").then().statusCode(200).extract().path("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/auth/logout")
                .then().statusCode(204);
        refresh(token).then().statusCode(401);
        // logging out twice, or with a token nobody knows, is harmless
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/auth/logout")
                .then().statusCode(204);
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        refresh("this-token-was-never-issued-by-anyone-at-all").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void deactivatedUserLosesAccessAtOnce() {
        long id = AuthApi.createUser("quitter", "OFFICE", null, "quitter-password");
        JsonPath session = login("quitter", "quitter-password").then().statusCode(200).extract().jsonPath();
        given().auth().oauth2(AuthApi.adminToken()).post("/api/auth/users/" + id + "/deactivate")
                .then().statusCode(200).body("active", equalTo(false));
        refresh(session.getString("refreshToken")).then().statusCode(401);
        login("quitter", "quitter-password").then().statusCode(401);
        given().auth().oauth2(session.getString("accessToken")).get("/api/auth/me").then().statusCode(401);
        // reactivated: may log in again, but the old session stays dead
        given().auth().oauth2(AuthApi.adminToken()).post("/api/auth/users/" + id + "/activate").then().statusCode(200);
        login("quitter", "quitter-password").then().statusCode(200);
        refresh(session.getString("refreshToken")).then().statusCode(401);
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOneAndEndsSessions() {
        AuthApi.createUser("changer", "DRIVER", "D-CH", "changer-password");
        JsonPath session = login("changer", "changer-password").then().statusCode(200).extract().jsonPath();
        String access = session.getString("accessToken");
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not-my-password", "newPassword", "changer-password-2"))
                .put("/api/auth/me/password")
                .then().statusCode(400).body("violations[0].field", equalTo("currentPassword"));
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "changer-password", "newPassword", "changer-password-2"))
                .put("/api/auth/me/password").then().statusCode(204);
        refresh(session.getString("refreshToken")).then().statusCode(401);
        login("changer", "changer-password").then().statusCode(401);
        login("changer", "changer-password-2").then().statusCode(200);
    }
}
