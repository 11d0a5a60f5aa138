package com.luckygas.route.planning;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * delivery-service as planning uses it. Every call names its token: route-service's service
 * token to read a day's orders for a plan, the user's own to publish or change one (ADR 0002).
 */
@RegisterRestClient(configKey = "delivery")
public interface DeliveryApi {

    @GET
    @Path("/api/orders")
    Inputs.OrderPage orders(@HeaderParam("Authorization") String authorization, @QueryParam("date") LocalDate date,
                            @QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/orders/{id}")
    Inputs.Order order(@HeaderParam("Authorization") String authorization, @PathParam("id") long id);

    @GET
    @Path("/api/products")
    List<Inputs.Product> products(@HeaderParam("Authorization") String authorization);

    record RouteAssignment(long routeId, List<DriverStops> routes, List<Long> release) {
        public record DriverStops(String driverId, List<Long> orderIds) {
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
