package com.luckygas.delivery.jobs;

import com.luckygas.common.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Authenticates Cloud Scheduler's calls: a bearer token that says it comes from the scheduler's
 * issuer (Google) is checked by {@link SchedulerTokens} and, if it is the scheduler account's, is an
 * identity with the one role {@link Roles#SCHEDULER}; if not, the call is refused (401). Every other
 * token is left to the platform's own check (smallrye-jwt, auth-service's keys), which runs after this
 * one (lower priority). The role only opens {@code /api/jobs}: no other endpoint allows it.
 */
@ApplicationScoped
public class SchedulerAuthMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(SchedulerAuthMechanism.class);
    private static final String BEARER = "Bearer ";

    final SchedulerTokens tokens;

    SchedulerAuthMechanism(SchedulerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).trim();
        if (!tokens.claimsSchedulerIssuer(token)) {
            return Uni.createFrom().nullItem();
        }
        // verifying may fetch Google's keys: not on the event loop
        return Uni.createFrom().<SecurityIdentity>item(() -> {
            try {
                return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(tokens.verify(token)))
                        .addRole(Roles.SCHEDULER).build();
            } catch (ParseException e) {
                LOG.warnf("A call with a token of the scheduler's issuer was refused: %s", e.getMessage());
                throw new AuthenticationFailedException(e.getMessage());
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /** Before smallrye-jwt's mechanism (1000): a token of another issuer passes through untouched. */
    @Override
    public int getPriority() {
        return 2000;
    }
}
