package com.luckygas.route.planning;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * route-service's own identity: a service token from auth-service, used to read a day's orders
 * and customers for a plan (the solver's input, docs/adr/0002), kept until a minute before it
 * expires.
 */
@ApplicationScoped
public class ServiceIdentity {

    @ConfigProperty(name = "luckygas.service.client-id", defaultValue = "route-service")
    String clientId;

    @ConfigProperty(name = "luckygas.service.client-secret")
    Optional<String> clientSecret;

    final AuthTokens auth;

    private String token;
    private Instant renewAt = Instant.MIN;

    ServiceIdentity(@RestClient AuthTokens auth) {
        this.auth = auth;
    }

    /** {@code Bearer <token>}, fetching a new token when the current one is about to expire. */
    public synchronized String bearer() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            AuthTokens.Token fresh = auth.serviceToken(new AuthTokens.Request(clientId, clientSecret.orElseThrow(
                    () -> new IllegalStateException("luckygas.service.client-secret (LUCKYGAS_SERVICE_CLIENT_SECRET) is not set"))));
            token = fresh.accessToken();
            renewAt = Instant.now().plusSeconds(Math.max(0, fresh.expiresIn() - 60));
        }
        return "Bearer " + token;
    }
}
