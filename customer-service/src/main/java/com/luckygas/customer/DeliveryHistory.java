package com.luckygas.customer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * delivery-service, asked whether a customer has any orders (and, once they exist there,
 * deliveries) before the customer may be deleted. Called with the user's own token
 * (propagated Authorization header, docs/adr/0002).
 */
@RegisterRestClient(configKey = "delivery")
@RegisterClientHeaders
@Path("/api/orders")
public interface DeliveryHistory {

    record Count(long total) {
    }

    @GET
    Count orders(@QueryParam("customerId") long customerId, @QueryParam("size") int size);
}
