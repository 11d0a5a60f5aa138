package com.luckygas.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real RS256 tokens verified by smallrye-jwt's own parser; the cache's clock is the test's. */
class VerifiedTokenCacheTest {

    private static final String ISSUER = "https://luckygas.test/auth";
    private static KeyPair keys;
    private static KeyPair otherKeys;
    private static JWTParser parser;

    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private final AtomicInteger verifications = new AtomicInteger();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
        parser = new DefaultJWTParser(new JWTAuthContextInfo((RSAPublicKey) keys.getPublic(), ISSUER));
    }

    private static String token(String subject, long expiresAtSecond, KeyPair signer) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups("OFFICE")
                .issuedAt(Instant.now().getEpochSecond()).expiresAt(expiresAtSecond)
                .jws().sign(signer.getPrivate());
    }

    /** smallrye-jwt's verification, counted; refuses what smallrye-jwt refuses and anything past exp on the test's clock. */
    private JsonWebToken verify(String token) throws ParseException {
        verifications.incrementAndGet();
        JsonWebToken verified = parser.parse(token);
        if (now.get() >= verified.getExpirationTime() * 1000) {
            throw new ParseException("expired");
        }
        return verified;
    }

    private VerifiedTokenCache cache(long maxAgeMillis, int maxEntries) {
        return new VerifiedTokenCache(maxAgeMillis, maxEntries, now::get);
    }

    private long inMinutes(int minutes) {
        return now.get() / 1000 + minutes * 60L;
    }

    @Test
    void theSameTokenIsVerifiedOnceWhileKept() throws Exception {
        VerifiedTokenCache cache = cache(60_000, 100);
        String token = token("office-1", inMinutes(15), keys);
        JsonWebToken first = cache.verify(token, this::verify);
        now.addAndGet(30_000);
        assertSame(first, cache.verify(token, this::verify));
        assertSame(first, cache.verify(token, this::verify));
        assertEquals(1, verifications.get());
        assertEquals("office-1", first.getName());
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
        VerifiedTokenCache cache = cache(60_000, 100);
        String forged = token("office-1", inMinutes(15), otherKeys);
        assertThrows(ParseException.class, () -> cache.verify(forged, this::verify));
        assertThrows(ParseException.class, () -> cache.verify(forged, this::verify));
        assertEquals(2, verifications.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aTamperedCopyOfAKeptTokenIsVerifiedAndRefused() throws Exception {
        VerifiedTokenCache cache = cache(60_000, 100);
        String token = token("driver-7", inMinutes(15), keys);
        cache.verify(token, this::verify);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"OFFICE\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThrows(ParseException.class, () -> cache.verify(tampered, this::verify));
        assertEquals(2, verifications.get());
    }

    @Test
    void aKeptTokenGoesBackToTheVerifierAtItsExpiry() throws Exception {
        VerifiedTokenCache cache = cache(60 * 60_000, 100);
        String token = token("office-1", inMinutes(2), keys);
        cache.verify(token, this::verify);
        now.addAndGet(119_000);
        cache.verify(token, this::verify);
        assertEquals(1, verifications.get());
        now.addAndGet(1_000);
        assertThrows(ParseException.class, () -> cache.verify(token, this::verify));
        assertEquals(2, verifications.get());
    }

    @Test
    void aKeptTokenIsVerifiedAgainAfterTheMaximumAge() throws Exception {
        VerifiedTokenCache cache = cache(60_000, 100);
        String token = token("office-1", inMinutes(15), keys);
        JsonWebToken first = cache.verify(token, this::verify);
        now.addAndGet(60_000);
        JsonWebToken second = cache.verify(token, this::verify);
        assertEquals(2, verifications.get());
        assertEquals(first.getName(), second.getName());
        now.addAndGet(59_000);
        assertSame(second, cache.verify(token, this::verify));
        assertEquals(2, verifications.get());
    }

    @Test
    void aMaximumAgeOfZeroVerifiesEveryTime() throws Exception {
        VerifiedTokenCache cache = cache(0, 100);
        String token = token("office-1", inMinutes(15), keys);
        cache.verify(token, this::verify);
        cache.verify(token, this::verify);
        assertEquals(2, verifications.get());
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheNeverHoldsMoreThanItsLimit() throws Exception {
        VerifiedTokenCache cache = cache(60_000, 3);
        for (int i = 0; i < 10; i++) {
            cache.verify(token("user-" + i, inMinutes(15), keys), this::verify);
            assertEquals(true, cache.size() <= 3, "size " + cache.size());
        }
        String last = token("user-last", inMinutes(15), keys);
        cache.verify(last, this::verify);
        int before = verifications.get();
        cache.verify(last, this::verify);
        assertEquals(before, verifications.get(), "the newest token is kept");
    }
}
