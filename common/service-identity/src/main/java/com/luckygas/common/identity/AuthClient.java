package com.luckygas.common.identity;

import com.luckygas.common.calls.ServiceCall;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's service-token endpoint (docs/adr/0002); the client's URL is {@code quarkus.rest-client.auth.url}. */
@RegisterRestClient(configKey = "auth")
@ServiceCall("auth-service")
@Timeout(value = 6, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000,
                failOn = {ProcessingException.class, TimeoutException.class})
@Path("/api/auth/service-token")
public interface AuthClient {

    record Request(String clientId, String clientSecret) {
    }

    record Token(String accessToken, String tokenType, long expiresIn) {
    }

    /** A new token: asking twice is harmless, so a connection that failed is tried once more. */
    @POST
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    Token serviceToken(Request request);
}
