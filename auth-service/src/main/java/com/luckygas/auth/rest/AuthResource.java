package com.luckygas.auth.rest;

import com.luckygas.auth.Passwords;
import com.luckygas.auth.RefreshToken;
import com.luckygas.auth.Sessions;
import com.luckygas.auth.User;
import com.luckygas.auth.rest.Dtos.LoginRequest;
import com.luckygas.auth.rest.Dtos.PasswordChange;
import com.luckygas.auth.rest.Dtos.RefreshRequest;
import com.luckygas.auth.rest.Dtos.TokenResponse;
import com.luckygas.auth.rest.Dtos.UserView;
import com.luckygas.auth.token.SigningKeys;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/auth")
public class AuthResource {

    private final Sessions sessions;
    private final Passwords passwords;
    private final SigningKeys keys;
    private final JsonWebToken jwt;

    AuthResource(Sessions sessions, Passwords passwords, SigningKeys keys, JsonWebToken jwt) {
        this.sessions = sessions;
        this.passwords = passwords;
        this.keys = keys;
        this.jwt = jwt;
    }

    /** Exchanges username and password for an access token and a refresh token. */
    @POST
    @Path("/login")
    public TokenResponse login(@Valid @NotNull LoginRequest request) {
        return sessions.login(request.username(), request.password()).map(AuthResource::toResponse)
                .orElseThrow(() -> new ProblemException(401, "Unauthorized",
                        "Login failed: wrong username or password, or the account is locked or deactivated."));
    }

    /** Exchanges a refresh token for new tokens; the presented refresh token is used up. */
    @POST
    @Path("/refresh")
    public TokenResponse refresh(@Valid @NotNull RefreshRequest request) {
        return sessions.refresh(request.refreshToken()).map(AuthResource::toResponse)
                .orElseThrow(() -> new ProblemException(401, "Unauthorized",
                        "The refresh token is not valid any more; log in again."));
    }

    /** Ends the session of the given refresh token. Always 204, known token or not. */
    @POST
    @Path("/logout")
    public Response logout(@Valid @NotNull RefreshRequest request) {
        sessions.logout(request.refreshToken());
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public UserView me() {
        return UserView.of(currentUser());
    }

    /** Changes the caller's own password; every session of the caller ends (log in again). */
    @PUT
    @Path("/me/password")
    @Authenticated
    @Transactional
    public Response changePassword(@Valid @NotNull PasswordChange request) {
        User user = currentUser();
        if (!passwords.matches(request.currentPassword(), user.passwordHash)) {
            throw ProblemException.invalidField("currentPassword", "is not the current password");
        }
        user.passwordHash = passwords.hash(request.newPassword());
        RefreshToken.revokeAllOf(user.id);
        return Response.noContent().build();
    }

    /** The public keys that verify access tokens (JWKS, RFC 7517). */
    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }

    /** The account behind the token; a deactivated or deleted account no longer counts as logged in. */
    private User currentUser() {
        Optional<User> user = User.findByIdOptional(Long.valueOf(jwt.getSubject()));
        return user.filter(u -> u.active).orElseThrow(() -> new ProblemException(
                new Problem("about:blank", "Unauthorized", 401, "This account is deactivated.", null)));
    }

    static TokenResponse toResponse(Sessions.Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(),
                tokens.refreshExpiresIn(), UserView.of(tokens.user()));
    }
}
