package com.luckygas.auth.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.auth.Passwords;
import com.luckygas.auth.RefreshToken;
import com.luckygas.auth.ServiceClients;
import com.luckygas.auth.Sessions;
import com.luckygas.auth.User;
import com.luckygas.auth.rest.Dtos.LoginRequest;
import com.luckygas.auth.rest.Dtos.PasswordChange;
import com.luckygas.auth.rest.Dtos.RefreshRequest;
import com.luckygas.auth.rest.Dtos.TokenResponse;
import com.luckygas.auth.rest.Dtos.UserView;
import com.luckygas.auth.token.AccessTokens;
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
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/auth")
public class AuthResource {

    private final Sessions sessions;
    private final Passwords passwords;
    private final SigningKeys keys;
    private final JsonWebToken jwt;
    private final ServiceClients serviceClients;
    private final AccessTokens accessTokens;

    AuthResource(Sessions sessions, Passwords passwords, SigningKeys keys, JsonWebToken jwt,
                 ServiceClients serviceClients, AccessTokens accessTokens) {
        this.sessions = sessions;
        this.passwords = passwords;
        this.keys = keys;
        this.jwt = jwt;
        this.serviceClients = serviceClients;
        this.accessTokens = accessTokens;
    }

    /** Exchanges username and password for an access token and a refresh token. */
    @POST
    @Path("/login")
    @APIResponse(responseCode = "200", description = "The tokens: an access token (15 minutes) and a refresh token",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password, or the account is locked for a while")
    public TokenResponse login(@Valid @NotNull LoginRequest request) {
        return sessions.login(request.username(), request.password()).map(AuthResource::toResponse)
                .orElseThrow(() -> new ProblemException(401, "Unauthorized",
                        "Login failed: wrong username or password, or the account is locked or deactivated."));
    }

    /** Exchanges a refresh token for new tokens; the presented refresh token is used up. */
    @POST
    @Path("/refresh")
    @APIResponse(responseCode = "200", description = "New tokens; the refresh token presented is used up",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "The refresh token is unknown, used up, revoked or expired: log in again")
    public TokenResponse refresh(@Valid @NotNull RefreshRequest request) {
        return sessions.refresh(request.refreshToken()).map(AuthResource::toResponse)
                .orElseThrow(() -> new ProblemException(401, "Unauthorized",
                        "The refresh token is not valid any more; log in again."));
    }

    /** Ends the session of the given refresh token. Always 204, known token or not. */
    @POST
    @Path("/logout")
    @APIResponse(responseCode = "204", description = "Logged out (also for a refresh token not known)")
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
    @APIResponse(responseCode = "204", description = "Changed; every session of the user ends")
    public Response changePassword(@Valid @NotNull PasswordChange request) {
        User user = currentUser();
        if (!passwords.matches(request.currentPassword(), user.passwordHash)) {
            throw ProblemException.invalidField("currentPassword", "is not the current password");
        }
        user.passwordHash = passwords.hash(request.newPassword());
        RefreshToken.revokeAllOf(user.id);
        return Response.noContent().build();
    }

    /**
     * A service token for scheduled work (docs/adr/0002): a configured service exchanges its
     * client id and secret for a 5-minute token with role SERVICE.
     */
    @POST
    @Path("/service-token")
    @APIResponse(responseCode = "200", description = "A SERVICE token for 5 minutes",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dtos.ServiceTokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Unknown client or wrong secret")
    public Dtos.ServiceTokenResponse serviceToken(@Valid @NotNull Dtos.ServiceTokenRequest request) {
        ServiceClients.Client client = serviceClients.clients().get(request.clientId());
        if (client == null || !client.secretSha256().matches("[0-9a-fA-F]{64}") || !MessageDigest.isEqual(
                HexFormat.of().parseHex(client.secretSha256().toLowerCase(java.util.Locale.ROOT)),
                sha256(request.clientSecret()))) {
            throw new ProblemException(401, "Unauthorized", "Unknown service or wrong secret.");
        }
        Duration lifetime = Duration.ofMinutes(5);
        return new Dtos.ServiceTokenResponse(accessTokens.issueService(request.clientId(), lifetime), "Bearer",
                lifetime.toSeconds());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public keys that verify access tokens (JWKS, RFC 7517). */
    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The public keys (JWKS, RFC 7517); cache them for 5 minutes",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Jwks.class)))
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }

    /** The JWKS as it is written (SigningKeys keeps it as text): this shape, for the API document. */
    public record Jwks(List<Jwk> keys) {
    }

    /** One public key: RSA ({@code kty} RSA, {@code alg} RS256), its id and modulus/exponent (base64url). */
    public record Jwk(String kty, String kid, String use, String alg, String n, String e) {
    }

    private User currentUser() {
        return accountOf(jwt);
    }

    /**
     * The account behind the token, as it is now: a deactivated or deleted account no longer counts
     * as logged in (401), a token that is not a user's is a 403. Also {@link AdminAccountCheck}'s.
     */
    static User accountOf(JsonWebToken jwt) {
        long id;
        try {
            id = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            throw new ProblemException(new Problem("about:blank", "Forbidden", 403, "This token is not a user's.", null));
        }
        Optional<User> user = User.findByIdOptional(id);
        return user.filter(u -> u.active).orElseThrow(() -> new ProblemException(
                new Problem("about:blank", "Unauthorized", 401, "This account is deactivated.", null)));
    }

    static TokenResponse toResponse(Sessions.Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(),
                tokens.refreshExpiresIn(), UserView.of(tokens.user()));
    }
}
