package com.luckygas.delivery;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * customer-service's bulk lookup, called with the caller's own token (propagated Authorization
 * header, docs/adr/0002): one call however many customers an operation needs.
 */
@RegisterRestClient(configKey = "customer")
@RegisterClientHeaders
@Path("/api/customers/lookup")
public interface CustomerDirectory {

    record Lookup(List<Long> ids) {
    }

    record Customer(long id, String code, String shortName, String area, boolean active) {
    }

    record Found(List<Customer> items, List<Long> missing) {
    }

    @POST
    Found lookup(Lookup request);
}
