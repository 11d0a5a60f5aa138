package com.luckygas.auth;

import static io.restassured.RestAssured.given;

import com.luckygas.auth.token.SigningKeys;
import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** auth-service checks the tokens presented to it as strictly as the other services do. */
@QuarkusTest
class TokenVerificationTest {

    @Inject
    SigningKeys keys;

    @Test
    void ownValidTokenIsAccepted() {
        given().auth().oauth2(sign(Instant.now().getEpochSecond() + 600, "https://auth.luckygas.tw"))
                .get("/api/auth/users").then().statusCode(200);
    }

    @Test
    void expiredTokenIsRefused() {
        given().auth().oauth2(sign(Instant.now().getEpochSecond() - 120, "https://auth.luckygas.tw"))
                .get("/api/auth/users").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        given().auth().oauth2(sign(Instant.now().getEpochSecond() + 600, "https://evil.example"))
                .get("/api/auth/users").then().statusCode(401);
    }

    @Test
    void foreignUnsignedAndTamperedTokensAreRefused() {
        for (String token : new String[] {TestTokens.admin(), TestTokens.unsigned(), tamperedAdmin()}) {
            given().auth().oauth2(token).get("/api/auth/users").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    private String tamperedAdmin() {
        String[] parts = AuthApi.adminToken().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"sub\":\"1\"", "\"sub\":\"2\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private String sign(long expiresAt, String issuer) {
        long now = Instant.now().getEpochSecond();
        SigningKeys.Key key = keys.signingKey();
        return Jwt.issuer(issuer).subject("1").upn("admin").groups(Set.of("ADMIN"))
                .issuedAt(Math.min(now, expiresAt - 60)).expiresAt(expiresAt)
                .jws().keyId(key.kid()).sign(key.privateKey());
    }
}
