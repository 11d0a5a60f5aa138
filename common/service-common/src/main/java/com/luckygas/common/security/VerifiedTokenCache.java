package com.luckygas.common.security;

import io.smallrye.jwt.auth.principal.ParseException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens already verified, so that a client sending the same access token with every request (the
 * office frontend, the driver app: one token for up to 15 minutes) pays for the RSA signature and
 * claims checks once a minute instead of on every request. docs/adr/0002 says why this is safe:
 *
 * <ul>
 * <li>The key is the whole compact token, signature included: only the very same bytes hit.</li>
 * <li>Only tokens the verifier accepted are kept; a refused token is verified (and refused) every time.</li>
 * <li>A kept token is answered from here only before its {@code exp}; from then on the verifier
 * decides again (and refuses it, its clock-skew rules applied), so no token lives longer.</li>
 * <li>An entry is dropped {@code maxAgeMillis} after it was verified, however long the token runs:
 * a key taken out of the JWKS stops being honoured at most that much later than without the cache
 * (the JWKS itself is re-read every 10 minutes).</li>
 * <li>At most {@code maxEntries} tokens are kept; when full, expired ones go first, and if none
 * has expired the cache starts over (15 office users and some drivers never fill it).</li>
 * </ul>
 */
public final class VerifiedTokenCache {

    /** The real verification: signature, issuer, expiry; throws for a token it refuses. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Entry(JsonWebToken token, long expiresAtMillis, long keepUntilMillis) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long maxAgeMillis;
    private final int maxEntries;
    private final LongSupplier clockMillis;

    public VerifiedTokenCache(long maxAgeMillis, int maxEntries, LongSupplier clockMillis) {
        this.maxAgeMillis = maxAgeMillis;
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
    }

    /** The token as verified, from here if it was verified less than the maximum age ago and has not expired. */
    public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        if (maxAgeMillis <= 0 || token == null) {
            return verifier.verify(token);
        }
        long now = clockMillis.getAsLong();
        Entry kept = entries.get(token);
        if (kept != null) {
            if (now < kept.keepUntilMillis() && now < kept.expiresAtMillis()) {
                return kept.token();
            }
            entries.remove(token, kept);
        }
        JsonWebToken verified = verifier.verify(token);
        long expiresAtMillis = verified.getExpirationTime() * 1000;
        if (expiresAtMillis > now) {
            if (entries.size() >= maxEntries) {
                makeRoom(now);
            }
            entries.put(token, new Entry(verified, expiresAtMillis, now + maxAgeMillis));
        }
        return verified;
    }

    /** How many tokens are kept (for tests and metrics). */
    public int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        entries.values().removeIf(e -> now >= e.keepUntilMillis() || now >= e.expiresAtMillis());
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }
}
