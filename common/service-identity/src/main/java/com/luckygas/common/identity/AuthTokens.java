package com.luckygas.common.identity;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's service-token endpoint (docs/adr/0002); the client's URL is {@code quarkus.rest-client.auth.url}. */
@RegisterRestClient(configKey = "auth")
@Path("/api/auth/service-token")
public interface AuthTokens {

    record Request(String clientId, String clientSecret) {
    }

    record Token(String accessToken, String tokenType, long expiresIn) {
    }

    @POST
    Token serviceToken(Request request);
}
