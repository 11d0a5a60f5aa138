package com.luckygas.delivery;

import com.luckygas.common.identity.AuthTokens;
import com.luckygas.testing.TestTokens;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Stands in for auth-service's service-token endpoint in this module's tests: with the configured
 * secret it hands out a real signed SERVICE token (TestTokens' key), otherwise 401.
 */
@Path("/api/auth/service-token")
public class FakeAuthService {

    @POST
    public Response token(AuthTokens.Request request) {
        if (!"delivery-service".equals(request.clientId()) || !"test-service-secret".equals(request.clientSecret())) {
            return Response.status(401).build();
        }
        String token = TestTokens.token("SERVICE", "service:delivery-service", "delivery-service", null);
        return Response.ok(new AuthTokens.Token(token, "Bearer", 300)).build();
    }
}
