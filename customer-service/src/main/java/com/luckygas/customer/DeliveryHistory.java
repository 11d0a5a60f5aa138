package com.luckygas.customer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * delivery-service, asked whether a customer has any orders, deliveries or recurring-order
 * templates before the customer may be deleted. Both are asked: deliveries loaded from the legacy records (the importer) have no
 * order. Called with the user's own token (propagated Authorization header, docs/adr/0002).
 */
@RegisterRestClient(configKey = "delivery")
@RegisterClientHeaders
@Path("/api")
public interface DeliveryHistory {

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
}
