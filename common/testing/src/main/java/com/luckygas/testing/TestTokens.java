package com.luckygas.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Real RS256 tokens for tests of the services that only verify tokens. The key pair is made once
 * per test JVM; {@link JwtResource} publishes its public half as a JWKS file that the service
 * under test is configured to trust, exactly as it trusts auth-service's JWKS in production.
 */
public final class TestTokens {

    public static final String ISSUER = "https://luckygas.test/auth";
    public static final String KEY_ID = "test-key";

    // Quarkus may load this class in more than one class loader of the test JVM (test resources,
    // tests); the key pair is kept in a JVM-wide place so that every copy signs with the same key.
    private static final KeyPair KEYS = sharedKeyPair("luckygas.test.keypair");
    private static final KeyPair OTHER_KEYS = newKeyPair();

    /** Stand-ins for Google's OIDC tokens of Cloud Scheduler's service account (delivery-service's jobs). */
    public static final String SCHEDULER_ISSUER = "https://accounts.google.test";
    public static final String SCHEDULER_AUDIENCE = "luckygas-jobs-test";
    public static final String SCHEDULER_ACCOUNT = "luckygas-scheduler@test-project.iam.gserviceaccount.com";
    public static final String SCHEDULER_KEY_ID = "google-test-key";
    private static final KeyPair SCHEDULER_KEYS = sharedKeyPair("luckygas.test.scheduler-keypair");

    private TestTokens() {
    }

    public static String admin() {
        return token("ADMIN", "1", "admin", null);
    }

    public static String office() {
        return token("OFFICE", "2", "office", null);
    }

    public static String driver(String driverId) {
        return token("DRIVER", "3" + driverId, "driver" + driverId, driverId);
    }

    public static String token(String role, String subject, String username, String driverId) {
        return claims(role, subject, username, driverId).jws().keyId(KEY_ID).sign(KEYS.getPrivate());
    }

    /** Expired ten minutes ago, otherwise valid. */
    public static String expired() {
        long now = Instant.now().getEpochSecond();
        return claims("ADMIN", "1", "admin", null).issuedAt(now - 1200).expiresAt(now - 600)
                .jws().keyId(KEY_ID).sign(KEYS.getPrivate());
    }

    /** Signed by a key the service does not know, presenting the trusted key id. */
    public static String signedWithOtherKey() {
        return claims("ADMIN", "1", "admin", null).jws().keyId(KEY_ID).sign(OTHER_KEYS.getPrivate());
    }

    /** Unsigned token ({@code alg: none}) claiming to be an admin. */
    public static String unsigned() {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + ISSUER + "\",\"sub\":\"1\",\"upn\":\"admin\",\"groups\":[\"ADMIN\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 600) + "}");
        return header + "." + payload + ".";
    }

    /** A driver's valid token whose payload was edited to claim ADMIN, keeping the driver's signature. */
    public static String tampered() {
        return tampered(driver("7"));
    }

    /** {@code driverToken} with its payload edited to claim ADMIN, keeping the driver's signature. */
    public static String tampered(String driverToken) {
        String[] parts = driverToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"DRIVER\"", "\"ADMIN\"");
        return parts[0] + "." + b64(payload) + "." + parts[2];
    }

    /** Valid signature, but from another issuer. */
    public static String otherIssuer() {
        return claims("ADMIN", "1", "admin", null).issuer("https://evil.example").jws().keyId(KEY_ID)
                .sign(KEYS.getPrivate());
    }

    /** An OIDC token as Google signs it for Cloud Scheduler: {@code email} (verified) and {@code audience}. */
    public static String scheduler(String email, String audience) {
        return Jwt.issuer(SCHEDULER_ISSUER).subject("104593847563829104857").audience(audience).claim("email", email)
                .claim("email_verified", true).expiresIn(3600).jws().keyId(SCHEDULER_KEY_ID).sign(SCHEDULER_KEYS.getPrivate());
    }

    /** The scheduler's token with the scheduler's issuer and key id, signed by the platform's key instead of Google's. */
    public static String schedulerSignedWithPlatformKey() {
        return Jwt.issuer(SCHEDULER_ISSUER).subject("104593847563829104857").audience(SCHEDULER_AUDIENCE)
                .claim("email", SCHEDULER_ACCOUNT).claim("email_verified", true).expiresIn(3600).jws().keyId(SCHEDULER_KEY_ID)
                .sign(KEYS.getPrivate());
    }

    /** Writes the scheduler issuer's public key (Google's, in production) as a JWKS document and returns its path. */
    public static Path writeSchedulerJwks() {
        return writeJwks((RSAPublicKey) SCHEDULER_KEYS.getPublic(), SCHEDULER_KEY_ID);
    }

    /** Writes the trusted public key as a JWKS document and returns its path. */
    public static Path writeJwks() {
        return writeJwks((RSAPublicKey) KEYS.getPublic(), KEY_ID);
    }

    private static Path writeJwks(RSAPublicKey pub, String keyId) {
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\","
                + "\"n\":\"" + unsigned(pub.getModulus()) + "\",\"e\":\"" + unsigned(pub.getPublicExponent()) + "\"}]}";
        try {
            Path file = Files.createTempFile("luckygas-test-jwks", ".json");
            Files.writeString(file, jwks);
            file.toFile().deleteOnExit();
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String role, String subject, String username, String driverId) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER).subject(subject).upn(username).groups(Set.of(role))
                .expiresIn(900);
        if (driverId != null) {
            builder.claim("driver_id", driverId);
        }
        return builder;
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized KeyPair sharedKeyPair(String property) {
        try {
            String stored = System.getProperty(property);
            if (stored != null) {
                String[] parts = stored.split(":");
                java.security.KeyFactory factory = java.security.KeyFactory.getInstance("RSA");
                return new KeyPair(
                        factory.generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(parts[0]))),
                        factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[1]))));
            }
            KeyPair pair = newKeyPair();
            System.setProperty(property, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + ":"
                    + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            return pair;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
