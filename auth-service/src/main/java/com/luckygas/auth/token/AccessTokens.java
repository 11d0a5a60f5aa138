package com.luckygas.auth.token;

import com.luckygas.common.security.Roles;
import com.luckygas.auth.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues the short-lived RS256 access tokens every service verifies. */
@ApplicationScoped
public class AccessTokens {

    public static final String DRIVER_ID_CLAIM = "driver_id";

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    final Duration ttl;
    final SigningKeys keys;

    AccessTokens(JwtConfig config, SigningKeys keys) {
        this.ttl = config.accessTokenTtl();
        this.keys = keys;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A short-lived token for a service's own scheduled work: {@code sub = service:<name>}, role SERVICE. */
    public String issueService(String name, Duration lifetime) {
        SigningKeys.Key key = keys.signingKey();
        return Jwt.issuer(issuer).subject("service:" + name).upn(name).groups(Set.of(Roles.SERVICE)).expiresIn(lifetime)
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(key.kid()).sign(key.privateKey());
    }

    public String issue(User user) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(String.valueOf(user.id))
                .upn(user.username)
                .groups(Set.of(user.role.name()))
                .claim("name", user.displayName)
                .expiresIn(ttl);
        if (user.driverId != null) {
            claims.claim(DRIVER_ID_CLAIM, user.driverId);
        }
        SigningKeys.Key key = keys.signingKey();
        return claims.jws().algorithm(SignatureAlgorithm.RS256).keyId(key.kid()).sign(key.privateKey());
    }
}
