package com.luckygas.auth;

import com.luckygas.auth.token.AccessTokens;
import com.luckygas.auth.token.JwtConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Login, refresh-token rotation and logout. Failures return {@link Optional#empty()} instead of
 * throwing, so that what they record (a failed attempt, a revoked family) is committed; the
 * caller answers every failure with the same 401 so that nobody learns which check failed.
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Tokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn, User user) {
    }

    final int maxFailedLogins;
    final Duration lockout;
    final Duration refreshTtl;
    final Passwords passwords;
    final AccessTokens accessTokens;

    Sessions(LoginConfig logins, JwtConfig tokens, Passwords passwords, AccessTokens accessTokens) {
        this.maxFailedLogins = logins.maxFailedLogins();
        this.lockout = logins.lockout();
        this.refreshTtl = tokens.refreshTokenTtl();
        this.passwords = passwords;
        this.accessTokens = accessTokens;
    }

    @Transactional
    public Optional<Tokens> login(String username, String password) {
        OffsetDateTime now = OffsetDateTime.now();
        Optional<User> found = User.findByUsernameForUpdate(username);
        if (found.isEmpty()) {
            passwords.matchNobody(password);
            return Optional.empty();
        }
        User user = found.get();
        boolean matches = passwords.matches(password, user.passwordHash);
        if (!user.active || user.isLocked(now)) {
            return Optional.empty();
        }
        if (!matches) {
            user.failedLogins++;
            if (user.failedLogins >= maxFailedLogins) {
                user.failedLogins = 0;
                user.lockedUntil = now.plus(lockout);
                LOG.warnf("Account %s locked until %s after %d failed logins", user.username, user.lockedUntil, maxFailedLogins);
            }
            return Optional.empty();
        }
        user.failedLogins = 0;
        user.lockedUntil = null;
        return Optional.of(issue(user, UUID.randomUUID(), now));
    }

    @Transactional
    public Optional<Tokens> refresh(String refreshToken) {
        OffsetDateTime now = OffsetDateTime.now();
        Optional<RefreshToken> found = RefreshToken.findByHashForUpdate(hash(refreshToken));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken presented = found.get();
        if (presented.revokedAt != null) {
            return Optional.empty();
        }
        if (presented.usedAt != null) {
            // A used token comes back: whoever holds this family may have stolen it. End the session.
            int revoked = RefreshToken.revokeFamily(presented.family);
            LOG.warnf("Refresh token reuse for user %d: revoked %d token(s) of the session", presented.userId, revoked);
            return Optional.empty();
        }
        if (!presented.expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        User user = User.findById(presented.userId);
        if (user == null || !user.active) {
            RefreshToken.revokeFamily(presented.family);
            return Optional.empty();
        }
        presented.usedAt = now;
        return Optional.of(issue(user, presented.family, now));
    }

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
    @Transactional
    public void logout(String refreshToken) {
        RefreshToken.<RefreshToken>find("tokenHash", hash(refreshToken)).firstResultOptional()
                .ifPresent(token -> RefreshToken.revokeFamily(token.family));
    }

    private Tokens issue(User user, UUID family, OffsetDateTime now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken row = new RefreshToken();
        row.userId = user.id;
        row.family = family;
        row.tokenHash = hash(refresh);
        row.createdAt = now;
        row.expiresAt = now.plus(refreshTtl);
        row.persist();
        return new Tokens(accessTokens.issue(user), accessTokens.ttl().toSeconds(), refresh, refreshTtl.toSeconds(), user);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
