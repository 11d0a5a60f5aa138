package com.luckygas.customer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Stands in for delivery-service's {@code GET /api/orders?customerId=} and
 * {@code GET /api/deliveries?customerId=} and {@code GET /api/cylinders/customers/{id}} in this module's tests
 * (the test application serves it; the REST client points at the test URL). It refuses calls
 * without the caller's token, as the real one does, so the tests also prove the token is passed on.
 */
@Path("/api")
public class FakeDeliveryService {

    /** Customers with orders. */
    static final Set<Long> WITH_HISTORY = ConcurrentHashMap.newKeySet();
    /** Customers with a recurring-order template but no order yet. */
    static final Set<Long> WITH_TEMPLATES = ConcurrentHashMap.newKeySet();
    /** Customers with deliveries but no order, as the importer loads them. */
    static final Set<Long> WITH_IMPORTED_DELIVERIES = ConcurrentHashMap.newKeySet();
    static final Set<Long> UNREACHABLE = ConcurrentHashMap.newKeySet();
    /** What the cylinder ledger says a customer holds, per product. */
    static final Map<Long, Map<String, Integer>> HELD = new ConcurrentHashMap<>();

    @GET
    @Path("/orders")
    public Response orders(@QueryParam("customerId") long customerId, @HeaderParam("Authorization") String authorization) {
        return answer(authorization, customerId, () -> Map.of("items", List.of(), "total", WITH_HISTORY.contains(customerId) ? 3 : 0));
    }

    @GET
    @Path("/orders/templates")
    public Response templates(@QueryParam("customerId") long customerId, @HeaderParam("Authorization") String authorization) {
        return answer(authorization, customerId, () -> Map.of("items", List.of(), "total", WITH_TEMPLATES.contains(customerId) ? 1 : 0));
    }

    @GET
    @Path("/deliveries")
    public Response deliveries(@QueryParam("customerId") long customerId, @HeaderParam("Authorization") String authorization) {
        return answer(authorization, customerId, () -> Map.of("items", WITH_IMPORTED_DELIVERIES.contains(customerId)
                ? List.of(Map.of("id", 1, "customerId", customerId, "orderId", "null")) : List.of()));
    }

    @GET
    @Path("/cylinders/customers/{customerId}")
    public Response cylinders(@PathParam("customerId") long customerId, @HeaderParam("Authorization") String authorization) {
        return answer(authorization, customerId, () -> Map.of("customerId", customerId, "products",
                HELD.getOrDefault(customerId, Map.of()).entrySet().stream()
                        .map(e -> Map.of("productCode", e.getKey(), "held", e.getValue(), "unaccounted", 0)).toList()));
    }

    /** 401 without the caller's token, 503 for an unreachable customer's history, else the body. */
    private static Response answer(String authorization, long customerId, Supplier<Map<String, Object>> body) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Response.status(401).build();
        }
        if (UNREACHABLE.contains(customerId)) {
            return Response.status(503).build();
        }
        return Response.ok(body.get()).build();
    }
}
