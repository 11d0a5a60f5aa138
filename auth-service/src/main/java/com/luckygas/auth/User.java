package com.luckygas.auth;

import com.luckygas.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

@Entity
@Table(name = "app_user")
public class User extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    public String phone;

    @Column(name = "driver_id")
    public String driverId;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;

    /** Usernames are case-insensitive: {@code Admin} and {@code admin} are the same account. */
    public static String normalise(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", normalise(username)).firstResultOptional();
    }

    /**
     * The account, its row locked until the transaction ends: logins to one account take turns,
     * so that concurrent wrong passwords each count towards the lockout (none lost to a version
     * conflict, none answered 409).
     */
    public static Optional<User> findByUsernameForUpdate(String username) {
        return find("username", normalise(username)).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static Optional<User> findByDriverId(String driverId) {
        return find("driverId", driverId).firstResultOptional();
    }

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
