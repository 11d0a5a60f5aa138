package com.luckygas.delivery;

import com.luckygas.delivery.customer.CustomerClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Stands in for customer-service's {@code GET /api/customers/areas} in this module's tests: the
 * areas of the fake customers, 中正區 served by depot 1 and 板橋區 by depot 2. Down when
 * {@link FakeCustomerService#down} is.
 */
@Path("/api/customers/areas")
public class FakeCustomerAreas {

    @GET
    public Response areas(@HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Response.status(401).build();
        }
        if (FakeCustomerService.down) {
            return Response.status(503).build();
        }
        return Response.ok(List.of(new CustomerClient.Area("中正區", 1L), new CustomerClient.Area("板橋區", 2L),
                new CustomerClient.Area("大安區", null))).build();
    }
}
