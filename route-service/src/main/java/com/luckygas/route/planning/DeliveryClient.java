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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * delivery-service as planning uses it. Every call names its token: route-service's service
 * token to read a day's orders for a plan, the user's own to publish or change one (ADR 0002).
 * Reads are tried once more when the connection failed; publishing is not.
 */
@RegisterRestClient(configKey = "delivery")
@ServiceCall("delivery-service")
@Timeout(value = 12, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2000,
                failOn = {ProcessingException.class, TimeoutException.class})
public interface DeliveryClient {

    /** A day's orders, every status (null) or one. */
    @GET
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    @Path("/api/orders")
    Inputs.OrderPage orders(@HeaderParam("Authorization") String authorization, @QueryParam("date") LocalDate date,
                            @QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);

    /** A driver's own orders of a day, with his token. */
    @GET
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    @Path("/api/orders/my")
    Inputs.OrderPage mine(@HeaderParam("Authorization") String authorization, @QueryParam("date") LocalDate date);

    /** One driver's orders of a day, with an office user's token. */
    @GET
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    @Path("/api/orders")
    Inputs.OrderPage ofDriver(@HeaderParam("Authorization") String authorization, @QueryParam("date") LocalDate date,
                              @QueryParam("driverId") String driverId, @QueryParam("size") int size);

    @GET
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    @Path("/api/orders/{id}")
    Inputs.Order order(@HeaderParam("Authorization") String authorization, @PathParam("id") long id);

    @GET
    @Retry(maxRetries = 1, delay = 100, retryOn = ProcessingException.class, abortOn = TimeoutException.class)
    @Path("/api/products")
    List<Inputs.Product> products(@HeaderParam("Authorization") String authorization);

    /**
     * A plan's routes: each driver's stops in order with trip and estimates, the orders to release,
     * and the orders the office took explicitly from the driver who set out with them.
     */
    record RouteAssignment(long routeId, List<DriverStops> routes, List<Long> release, List<TakenBack> takenBack) {

        public record DriverStops(String driverId, List<Stop> stops) {
        }

        public record Stop(long orderId, Integer trip, LocalTime eta, LocalTime tripDeparts) {
        }

        public record TakenBack(long orderId, String driverId) {
        }
    }

    record Publication(int assigned, int released, List<Skipped> skipped) {
        public record Skipped(long orderId, String status) {
        }
    }

    @POST
    @Path("/api/orders/route-assignments")
    Publication publish(@HeaderParam("Authorization") String authorization, RouteAssignment assignment);
}
