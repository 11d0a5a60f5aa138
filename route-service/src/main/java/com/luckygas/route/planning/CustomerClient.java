package com.luckygas.route.planning;

import com.luckygas.common.calls.ServiceCall;
import jakarta.ws.rs.ProcessingException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * customer-service as planning uses it: the bulk lookup (at most 500 ids a call) and the areas
 * with their depots. Reads only: a connection that failed is tried once more.
 */
@RegisterRestClient(configKey = "customer")
@ServiceCall("customer-service")
@Timeout(value = 12, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000,
                failOn = {ProcessingException.class, TimeoutException.class})
@Path("/api/customers")
public interface CustomerClient {

    int MAX_IDS = 500;

    @POST
    @Path("/lookup")
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    Inputs.Found lookup(@HeaderParam("Authorization") String authorization, Inputs.Lookup request);

    @GET
    @Path("/areas")
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    List<Inputs.Area> areas(@HeaderParam("Authorization") String authorization);
}
