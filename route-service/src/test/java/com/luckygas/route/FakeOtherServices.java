package com.luckygas.route;

import com.luckygas.route.planning.DeliveryApi;
import com.luckygas.route.planning.Inputs;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for delivery-service and customer-service in this module's tests (the REST clients
 * point at the test application). Like the real ones it checks the token's signature and role:
 * reading a day's orders takes route-service's SERVICE token, publishing takes the user's.
 */
@Path("/api")
public class FakeOtherServices {

    public static final Map<Long, Inputs.Order> ORDERS = new ConcurrentHashMap<>();
    public static final Map<Long, Inputs.Customer> CUSTOMERS = new ConcurrentHashMap<>();
    /** Publications received, with the role of the token they came with. */
    public static final List<Map.Entry<String, DeliveryApi.RouteAssignment>> PUBLISHED = new CopyOnWriteArrayList<>();
    /** When set, delivery-service answers 500 to everything. */
    public static volatile boolean deliveryDown;

    @Inject
    JWTParser parser;

    private String role(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            Set<String> groups = parser.parse(authorization.substring(7)).getGroups();
            return groups.isEmpty() ? null : groups.iterator().next();
        } catch (Exception e) {
            return null;
        }
    }

    @GET
    @Path("/orders")
    public Response orders(@HeaderParam("Authorization") String authorization, @QueryParam("date") LocalDate date,
                           @QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size) {
        if (deliveryDown) {
            return Response.serverError().build();
        }
        if (!"SERVICE".equals(role(authorization))) {
            return Response.status(403).build();
        }
        List<Inputs.Order> day = ORDERS.values().stream()
                .filter(o -> o.requestedDate().equals(date) && o.status().equals(status))
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        List<Inputs.Order> items = day.stream().skip((long) page * size).limit(size).toList();
        return Response.ok(new Inputs.OrderPage(items, page, size, day.size())).build();
    }

    @GET
    @Path("/orders/{id}")
    public Response order(@HeaderParam("Authorization") String authorization, @PathParam("id") long id) {
        if (deliveryDown) {
            return Response.serverError().build();
        }
        String role = role(authorization);
        if (!"OFFICE".equals(role) && !"ADMIN".equals(role)) {
            return Response.status(403).build();
        }
        Inputs.Order order = ORDERS.get(id);
        return order == null ? Response.status(404).build() : Response.ok(order).build();
    }

    @GET
    @Path("/products")
    public Response products(@HeaderParam("Authorization") String authorization) {
        if (role(authorization) == null) {
            return Response.status(401).build();
        }
        return Response.ok(List.of(
                new Inputs.Product("R50", "50公斤", "CYLINDER", BigDecimal.valueOf(50), true),
                new Inputs.Product("R20", "20公斤", "CYLINDER", BigDecimal.valueOf(20), true),
                new Inputs.Product("F50", "流量50公斤", "FLOW", BigDecimal.valueOf(50), true))).build();
    }

    @POST
    @Path("/orders/route-assignments")
    public Response publish(@HeaderParam("Authorization") String authorization, DeliveryApi.RouteAssignment assignment) {
        String role = role(authorization);
        if (deliveryDown) {
            return Response.serverError().build();
        }
        if (!"OFFICE".equals(role) && !"ADMIN".equals(role)) {
            return Response.status(403).build();
        }
        PUBLISHED.add(Map.entry(role, assignment));
        int assigned = assignment.routes().stream().mapToInt(r -> r.orderIds().size()).sum();
        return Response.ok(new DeliveryApi.Publication(assigned, 0, List.of())).build();
    }

    @POST
    @Path("/customers/lookup")
    public Response lookup(@HeaderParam("Authorization") String authorization, Inputs.Lookup lookup) {
        if (role(authorization) == null) {
            return Response.status(401).build();
        }
        List<Inputs.Customer> items = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : lookup.ids()) {
            Inputs.Customer c = CUSTOMERS.get(id);
            if (c == null) {
                missing.add(id);
            } else {
                items.add(c);
            }
        }
        return Response.ok(new Inputs.Found(items, missing)).build();
    }

}
