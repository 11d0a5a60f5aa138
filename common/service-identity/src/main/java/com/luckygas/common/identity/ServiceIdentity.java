package com.luckygas.common.identity;

import com.luckygas.common.calls.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * This service's own identity for work no user started (recurring orders, a plan's inputs): a
 * service token from auth-service for {@code luckygas.service.client-id} and
 * {@code luckygas.service.client-secret}, kept until a minute before it expires (docs/adr/0002).
 */
@ApplicationScoped
public class ServiceIdentity {

    final String clientId;
    final Optional<String> clientSecret;
    final AuthClient auth;

    private String token;
    private Instant renewAt = Instant.MIN;

    ServiceIdentity(ServiceIdentityConfig config, @RestClient AuthClient auth) {
        this.clientId = config.clientId();
        this.clientSecret = config.clientSecret();
        this.auth = auth;
    }

    /**
     * {@code Bearer <token>}, fetching a new token when the current one is about to expire; a
     * {@link ServiceUnavailableException} naming auth-service when none can be had.
     */
    public synchronized String bearer() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            AuthClient.Token fresh = auth.serviceToken(new AuthClient.Request(clientId, clientSecret.orElseThrow(
                    () -> new ServiceUnavailableException("auth-service", null, "this service has no secret to get its token "
                            + "from auth-service (luckygas.service.client-secret, LUCKYGAS_SERVICE_CLIENT_SECRET)", null))));
            token = fresh.accessToken();
            renewAt = Instant.now().plusSeconds(Math.max(0, fresh.expiresIn() - 60));
        }
        return "Bearer " + token;
    }
}
