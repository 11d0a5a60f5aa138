package com.luckygas.auth.token;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * auth-service verifies the tokens it issued with the keys it holds, instead of fetching its own
 * JWKS over HTTP as the other services do. The checks are the same: RS256 only, known kid,
 * signature, expiry, issuer.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class OwnKeyTokenVerifier extends JWTCallerPrincipalFactory {

    private final SigningKeys keys;

    OwnKeyTokenVerifier(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(info.getIssuedBy())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nestingContext) -> keys.byId(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("unknown key id"))
                        .publicKey())
                .build();
        try {
            return new DefaultJWTCallerPrincipal(token, consumer.processToClaims(token));
        } catch (InvalidJwtException e) {
            throw new ParseException("Invalid token", e);
        }
    }
}
