package com.luckygas.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** One refresh token of a login session ("family"); stored only as a hash. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(nullable = false)
    public UUID family;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** Locks the row so that two concurrent refreshes with one token cannot both succeed. */
    public static Optional<RefreshToken> findByHashForUpdate(String hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static int revokeFamily(UUID family) {
        return update("revokedAt = ?1 where family = ?2 and revokedAt is null", OffsetDateTime.now(), family);
    }

    public static int revokeAllOf(Long userId) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", OffsetDateTime.now(), userId);
    }
}
