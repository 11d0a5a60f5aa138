package com.luckygas.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/**
 * What every service that verifies auth-service's tokens must do with a list endpoint the office
 * uses: answer real tokens by role, and refuse (401, problem+json) every token that is not one.
 * A service's test extends this and names the endpoint and which roles may read it.
 */
public abstract class SecuredEndpointContract {

    /** A GET endpoint that ADMIN and OFFICE may read and DRIVER may not. */
    protected abstract String officeListPath();

    @Test
    void adminAndOfficeMayReadTheList() {
        given().auth().oauth2(TestTokens.admin()).get(officeListPath())
                .then().statusCode(200).body("items", notNullValue());
        given().auth().oauth2(TestTokens.office()).get(officeListPath())
                .then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void driverIsForbidden() {
        given().auth().oauth2(TestTokens.driver("D1")).get(officeListPath())
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void missingTokenIsRefused() {
        refused(given().get(officeListPath()));
    }

    @Test
    void expiredTokenIsRefused() {
        refused(given().auth().oauth2(TestTokens.expired()).get(officeListPath()));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        refused(given().auth().oauth2(TestTokens.signedWithOtherKey()).get(officeListPath()));
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        refused(given().auth().oauth2(TestTokens.unsigned()).get(officeListPath()));
    }

    @Test
    void tamperedClaimsAreRefused() {
        refused(given().auth().oauth2(TestTokens.tampered()).get(officeListPath()));
    }

    /**
     * Verified tokens are kept for a minute (service-common's VerifiedTokenCache): a copy of a
     * token the service has just accepted, with its claims edited, is still verified, and refused.
     */
    @Test
    void anEditedCopyOfAnAcceptedTokenIsRefused() {
        String token = TestTokens.driver("D9");
        given().auth().oauth2(token).get(officeListPath()).then().statusCode(403);
        refused(given().auth().oauth2(TestTokens.tampered(token)).get(officeListPath()));
        given().auth().oauth2(token).get(officeListPath()).then().statusCode(403);
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        refused(given().auth().oauth2(TestTokens.otherIssuer()).get(officeListPath()));
    }

    @Test
    void garbageTokenIsRefused() {
        refused(given().header("Authorization", "Bearer not.a.token").get(officeListPath()));
    }

    private static void refused(io.restassured.response.Response response) {
        response.then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }
}
