package com.luckygas.delivery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-service's list of areas, each with the depot that serves it, read with the caller's token. */
@RegisterRestClient(configKey = "customer")
@RegisterClientHeaders
@Path("/api/customers/areas")
public interface AreaClient {

    record Area(String name, Long depotId) {
    }

    @GET
    List<Area> areas();
}
