package com.luckygas.auth;

import static com.luckygas.auth.AuthApi.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserAdminTest {

    @Test
    void officeAndDriverMayNotManageUsers() {
        AuthApi.createUser("office.lin", "OFFICE", null, "office-password");
        AuthApi.createUser("driver.wu", "DRIVER", "D-WU", "driver-password");
        for (String token : new String[] {AuthApi.accessToken("office.lin", "office-password"),
                AuthApi.accessToken("driver.wu", "driver-password")}) {
            given().auth().oauth2(token).get("/api/auth/users").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("username", "sneaky", "displayName", "x", "role", "ADMIN", "password", "sneaky-password"))
                    .post("/api/auth/users").then().statusCode(403);
            given().auth().oauth2(token).post("/api/auth/users/1/deactivate").then().statusCode(403);
        }
        given().get("/api/auth/users").then().statusCode(401);
    }

    @Test
    void adminCreatesListsAndFindsUsersWithoutPasswords() {
        long id = AuthApi.createUser("Mei.Huang", "OFFICE", null, "mei-password-1");
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + id).then().statusCode(200)
                .body("username", equalTo("mei.huang"))
                .body("role", equalTo("OFFICE"))
                .body(not(containsString("password")));
        given().auth().oauth2(AuthApi.adminToken()).queryParam("q", "huang").get("/api/auth/users")
                .then().statusCode(200).body("items.username", hasItem("mei.huang"))
                .body("items", everyItem(not(org.hamcrest.Matchers.hasKey("passwordHash"))));
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() {
        AuthApi.createUser("twin", "OFFICE", null, "twin-password-1");
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", "TWIN", "displayName", "Other", "role", "OFFICE", "password", "twin-password-2"))
                .post("/api/auth/users").then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", equalTo("username"));
    }

    @Test
    void driversNeedAUniqueDriverId() {
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", "nodriverid", "displayName", "x", "role", "DRIVER", "password", "driver-password"))
                .post("/api/auth/users").then().statusCode(400).body("violations[0].field", equalTo("driverId"));
        AuthApi.createUser("driver.one", "DRIVER", "D-SAME", "driver-password");
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", "driver.two", "displayName", "x", "role", "DRIVER", "driverId", "D-SAME",
                        "password", "driver-password"))
                .post("/api/auth/users").then().statusCode(409).body("violations[0].field", equalTo("driverId"));
    }

    @Test
    void changingTheRoleTakesEffectAtTheNextLogin() {
        long id = AuthApi.createUser("promoted", "DRIVER", "D-PR", "promoted-password");
        String oldRefresh = login("promoted", "promoted-password").then().extract().path("refreshToken");
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("role", "OFFICE")).patch("/api/auth/users/" + id)
                .then().statusCode(200).body("role", equalTo("OFFICE")).body("driverId", equalTo(null));
        AuthApi.refresh(oldRefresh).then().statusCode(401);
        login("promoted", "promoted-password").then().statusCode(200).body("user.role", equalTo("OFFICE"));
    }

    @Test
    void resetPasswordLiftsTheLockout() {
        long id = AuthApi.createUser("locked.out", "OFFICE", null, "locked-password");
        for (int i = 0; i < 5; i++) {
            login("locked.out", "wrong-password!").then().statusCode(401);
        }
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("newPassword", "brand-new-password")).put("/api/auth/users/" + id + "/password")
                .then().statusCode(204);
        login("locked.out", "locked-password").then().statusCode(401);
        login("locked.out", "brand-new-password").then().statusCode(200);
    }

    @Test
    void anAdminDeactivatedOrDemotedLosesUserManagementAtOnce() {
        // two more admins, each ending the test deactivated or demoted (theLastActiveAdminCannotBeRemoved counts one)
        long demoted = AuthApi.createUser("demoted.admin", "ADMIN", null, "demoted-admin-password");
        long deactivated = AuthApi.createUser("deactivated.admin", "ADMIN", null, "deactivated-admin-password");
        String demotedToken = AuthApi.accessToken("demoted.admin", "demoted-admin-password");
        String deactivatedToken = AuthApi.accessToken("deactivated.admin", "deactivated-admin-password");
        given().auth().oauth2(demotedToken).get("/api/auth/users").then().statusCode(200);
        given().auth().oauth2(deactivatedToken).get("/api/auth/users").then().statusCode(200);

        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON).body(Map.of("role", "OFFICE"))
                .patch("/api/auth/users/" + demoted).then().statusCode(200);
        given().auth().oauth2(AuthApi.adminToken()).post("/api/auth/users/" + deactivated + "/deactivate")
                .then().statusCode(200);

        // their access tokens are still unexpired and still say ADMIN
        given().auth().oauth2(demotedToken).get("/api/auth/users").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(demotedToken).post("/api/auth/users/" + deactivated + "/activate").then().statusCode(403);
        given().auth().oauth2(deactivatedToken).get("/api/auth/users/" + demoted).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(deactivatedToken).contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
                .patch("/api/auth/users/" + demoted).then().statusCode(401);
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + demoted).then().statusCode(200)
                .body("role", equalTo("OFFICE"));
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + deactivated).then().statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void theLastActiveAdminCannotBeRemoved() {
        long adminId = given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/me").then().extract()
                .<Number>path("id").longValue();
        // the bootstrap admin is the only active one (other tests' admins end deactivated or demoted)
        given().auth().oauth2(AuthApi.adminToken()).queryParam("role", "ADMIN").queryParam("active", true)
                .get("/api/auth/users").then().body("total", equalTo(1));
        given().auth().oauth2(AuthApi.adminToken()).post("/api/auth/users/" + adminId + "/deactivate")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON).body(Map.of("role", "OFFICE"))
                .patch("/api/auth/users/" + adminId).then().statusCode(409);
        login("admin", AuthApi.ADMIN_PASSWORD).then().statusCode(200).body("user.role", equalTo("ADMIN"));
    }
}
