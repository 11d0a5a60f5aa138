package com.luckygas.customer;

import com.luckygas.common.calls.ServiceCall;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import com.luckygas.common.calls.CallerToken;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * delivery-service, asked whether a customer has any orders, deliveries or recurring-order
 * templates before the customer may be deleted. Both are asked: deliveries loaded from the legacy records (the importer) have no
 * order. Also asked what a customer holds of the company's cylinders, for the customer card.
 * Called with the user's own token (propagated Authorization header, docs/adr/0002).
 * Reads only: a connection that failed is tried once more.
 */
@RegisterRestClient(configKey = "delivery")
@RegisterClientHeaders(CallerToken.class)
@ServiceCall("delivery-service")
@Timeout(value = 6, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000,
                failOn = {ProcessingException.class, TimeoutException.class})
@Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
@Path("/api")
public interface DeliveryClient {

    record Count(long total) {
    }

    /** A page of the customer's delivery history (live and archived); only whether it is empty matters here. */
    record Deliveries(List<Map<String, Object>> items) {
    }

    @GET
    @Path("/orders")
    Count orders(@QueryParam("customerId") long customerId, @QueryParam("size") int size);

    /** The customer's recurring-order templates (a page of them; only the total matters here). */
    @GET
    @Path("/orders/templates")
    Count templates(@QueryParam("customerId") long customerId, @QueryParam("size") int size);

    @GET
    @Path("/deliveries")
    Deliveries deliveries(@QueryParam("customerId") long customerId, @QueryParam("limit") int limit);

    /** The customer's cylinders as the cylinder ledger says (docs/adr/0009): only what the card shows. */
    record Cylinders(List<Held> products) {
        public record Held(String productCode, int held) {
        }
    }

    /** The card waits for it 2 s at most: without it the rest of the card still shows. */
    @GET
    @Path("/cylinders/customers/{customerId}")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    Cylinders cylinders(@PathParam("customerId") long customerId);
}
