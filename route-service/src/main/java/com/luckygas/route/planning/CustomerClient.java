package com.luckygas.route.planning;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-service as planning uses it: the bulk lookup (at most 500 ids a call) and the areas with their depots. */
@RegisterRestClient(configKey = "customer")
@Path("/api/customers")
public interface CustomerClient {

    int MAX_IDS = 500;

    @POST
    @Path("/lookup")
    Inputs.Found lookup(@HeaderParam("Authorization") String authorization, Inputs.Lookup request);

    @GET
    @Path("/areas")
    List<Inputs.Area> areas(@HeaderParam("Authorization") String authorization);
}
