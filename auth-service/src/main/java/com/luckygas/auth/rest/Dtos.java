package com.luckygas.auth.rest;

import com.luckygas.auth.Role;
import com.luckygas.auth.User;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Request and response bodies of the auth API. Entities never leave the service. */
public final class Dtos {

    static final String USERNAME = "[A-Za-z0-9._-]{3,64}";
    static final String USERNAME_MESSAGE = "must be 3 to 64 letters, digits, '.', '_' or '-'";
    static final String DRIVER_ID = "[A-Za-z0-9_-]{1,32}";
    static final String DRIVER_ID_MESSAGE = "must be 1 to 32 letters, digits, '_' or '-'";
    static final String PHONE = "[0-9+() -]{6,20}";
    static final String PHONE_MESSAGE = "must be a phone number (digits, spaces, '+', '-', parentheses)";

    private Dtos() {
    }

    public record LoginRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 256) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                                long refreshExpiresIn, UserView user) {
    }

    public record ServiceTokenRequest(@NotBlank @Size(max = 64) String clientId, @NotBlank @Size(max = 200) String clientSecret) {
    }

    public record ServiceTokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    public record PasswordChange(
            @NotBlank @Size(max = 256) String currentPassword,
            @NotBlank @Size(min = 10, max = 256) String newPassword) {
    }

    public record PasswordReset(@NotBlank @Size(min = 10, max = 256) String newPassword) {
    }

    public record CreateUser(
            @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull Role role,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Pattern(regexp = DRIVER_ID, message = DRIVER_ID_MESSAGE) String driverId,
            @NotBlank @Size(min = 10, max = 256) String password) {
    }

    /** Partial update: absent fields are left as they are. */
    public record UpdateUser(
            @Size(min = 1, max = 100) String displayName,
            Role role,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Pattern(regexp = DRIVER_ID, message = DRIVER_ID_MESSAGE) String driverId) {
    }

    public record UserView(long id, String username, String displayName, Role role, String phone, String driverId,
                           boolean active, boolean locked, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static UserView of(User user) {
            return new UserView(user.id, user.username, user.displayName, user.role, user.phone, user.driverId,
                    user.active, user.isLocked(OffsetDateTime.now()), user.createdAt, user.updatedAt);
        }
    }
}
