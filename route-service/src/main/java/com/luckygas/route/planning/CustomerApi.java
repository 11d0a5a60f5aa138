package com.luckygas.route.planning;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-service's bulk lookup (at most 500 ids a call). */
@RegisterRestClient(configKey = "customer")
@Path("/api/customers/lookup")
public interface CustomerApi {

    int MAX_IDS = 500;

    @POST
    Inputs.Found lookup(@HeaderParam("Authorization") String authorization, Inputs.Lookup request);
}
