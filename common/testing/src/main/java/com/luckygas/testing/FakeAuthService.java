package com.luckygas.testing;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stands in for auth-service's service-token endpoint in the tests of a service that gets its own
 * token (delivery-service, route-service: their service-identity client points at the test
 * application): with the service's configured client id and secret it hands out a real signed
 * SERVICE token (TestTokens' key), otherwise 401. A service's tests turn it on with
 * {@code %test.luckygas.testing.fake-auth-service=true}.
 */
@Path("/api/auth/service-token")
@IfBuildProperty(name = "luckygas.testing.fake-auth-service", stringValue = "true")
public class FakeAuthService {

    public record Request(String clientId, String clientSecret) {
    }

    public record Token(String accessToken, String tokenType, long expiresIn) {
    }

    @ConfigProperty(name = "luckygas.service.client-id")
    String clientId;

    @ConfigProperty(name = "luckygas.service.client-secret")
    String clientSecret;

    @POST
    public Response token(Request request) {
        if (!clientId.equals(request.clientId()) || !clientSecret.equals(request.clientSecret())) {
            return Response.status(401).build();
        }
        String token = TestTokens.token("SERVICE", "service:" + clientId, clientId, null);
        return Response.ok(new Token(token, "Bearer", 300)).build();
    }
}
