package com.luckygas.delivery.jobs;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The scheduler's identity: Cloud Scheduler calls a job with an OIDC token Google signs for the
 * scheduler's service account (issuer {@code https://accounts.google.com}, Google's public keys). A token
 * is the scheduler's when its signature verifies with those keys, its issuer, its audience
 * ({@code LUCKYGAS_SCHEDULER_AUDIENCE}) and its {@code email} ({@code LUCKYGAS_SCHEDULER_ACCOUNT},
 * verified by Google) are the configured ones, and it is not expired. Without an audience and an
 * account configured, no token is the scheduler's (the local stack: the in-service schedule runs).
 * A parser of its own: its key cache (Google's keys) never mixes with auth-service's.
 */
@ApplicationScoped
public class SchedulerTokens {

    final String issuer;
    final Optional<String> account;
    final DefaultJWTParser parser;

    SchedulerTokens(@ConfigProperty(name = "luckygas.scheduler.issuer") String issuer,
                    @ConfigProperty(name = "luckygas.scheduler.jwks-url") String jwksUrl,
                    @ConfigProperty(name = "luckygas.scheduler.audience") Optional<String> audience,
                    @ConfigProperty(name = "luckygas.scheduler.account") Optional<String> account) {
        this.issuer = issuer;
        this.account = account.filter(a -> audience.isPresent());
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyLocation(jwksUrl);
        info.setIssuedBy(issuer);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setExpectedAudience(Set.of(audience.orElse("none")));
        info.setRequiredClaims(Set.of("email"));
        info.setJwksRefreshInterval(60);
        info.setForcedJwksRefreshInterval(1);
        this.parser = new DefaultJWTParser(info, new DefaultJWTCallerPrincipalFactory());
    }

    /** Whether the token says it comes from the scheduler's issuer (not verified: which check applies). */
    public boolean claimsSchedulerIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Map<String, Object> claims = JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return issuer.equals(claims.get("iss"));
        } catch (RuntimeException | JoseException e) {
            return false; // not a JWT this check reads: the platform's own check refuses it
        }
    }

    /** The scheduler account's email when the token is the scheduler's; a ParseException otherwise. */
    public String verify(String token) throws ParseException {
        if (account.isEmpty()) {
            throw new ParseException("no scheduler is configured (LUCKYGAS_SCHEDULER_AUDIENCE, LUCKYGAS_SCHEDULER_ACCOUNT)");
        }
        JsonWebToken verified = parser.parse(token);
        Object email = verified.getClaim("email");
        Object emailVerified = verified.getClaim("email_verified");
        if (!account.get().equals(String.valueOf(email)) || !"true".equals(String.valueOf(emailVerified))) {
            throw new ParseException("the token is not the scheduler account's");
        }
        return account.get();
    }
}
