package com.luckygas.route;

import com.luckygas.route.planning.DeliveryClient;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Stands in for delivery-service and customer-service in this module's tests (the REST clients
 * point at the test application). Like the real ones it checks the token's signature and role:
 * reading a day's orders takes route-service's SERVICE token (or an office user's), publishing
 * takes the user's, a driver reads only his own orders. Publishing changes the orders as
 * delivery-service does (assigned, released, an order out with a driver stays his unless taken
 * back); tests move orders on through the day with {@link #setOut}, {@link #deliver} and {@link #fail}.
 */
@Path("/api")
public class FakeOtherServices {

    public static final Map<Long, Inputs.Order> ORDERS = new ConcurrentHashMap<>();
    public static final Map<Long, Inputs.Customer> CUSTOMERS = new ConcurrentHashMap<>();
    /** Area name → the depot serving it (customer-service's areas). */
    public static final Map<String, Long> AREAS = new ConcurrentHashMap<>();
    /** Publications received, with the role of the token they came with. */
    public static final List<Map.Entry<String, DeliveryClient.RouteAssignment>> PUBLISHED = new CopyOnWriteArrayList<>();
    /** When set, delivery-service answers 500 to everything. */
    public static volatile boolean deliveryDown;
    /** When set, delivery-service answers 500 to publications only. */
    public static volatile boolean publishingDown;

    @Inject
    JWTParser parser;

    private JsonWebToken token(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            return parser.parse(authorization.substring(7));
        } catch (Exception e) {
            return null;
        }
    }

    private String role(String authorization) {
        JsonWebToken jwt = token(authorization);
        return jwt == null || jwt.getGroups().isEmpty() ? null : jwt.getGroups().iterator().next();
    }

    /** 500 when the service is down, 403 when the caller's role is none of {@code roles}; null: go on. */
    private Response refused(String authorization, boolean down, String... roles) {
        if (down) {
            return Response.serverError().build();
        }
        String role = role(authorization);
        return role != null && List.of(roles).contains(role) ? null : Response.status(403).build();
    }

    @GET
    @Path("/orders")
    public Response orders(@HeaderParam("Authorization") String authorization, @QueryParam("date") LocalDate date,
                           @QueryParam("status") String status, @QueryParam("driverId") String driverId,
                           @QueryParam("page") int page, @QueryParam("size") int size) {
        Response refused = refused(authorization, deliveryDown, "SERVICE", "OFFICE", "ADMIN");
        if (refused != null) {
            return refused;
        }
        List<Inputs.Order> day = ORDERS.values().stream()
                .filter(o -> o.requestedDate().equals(date) && (status == null || o.status().equals(status))
                        && (driverId == null || driverId.equals(o.driverId())))
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        int pageSize = size == 0 ? 50 : size;
        List<Inputs.Order> items = day.stream().skip((long) page * pageSize).limit(pageSize).toList();
        return Response.ok(new Inputs.OrderPage(items, page, pageSize, day.size())).build();
    }

    @GET
    @Path("/orders/my")
    public Response mine(@HeaderParam("Authorization") String authorization, @QueryParam("date") LocalDate date) {
        Response refused = refused(authorization, deliveryDown, "DRIVER");
        if (refused != null) {
            return refused;
        }
        Object claim = token(authorization).getClaim("driver_id");
        String driver = claim instanceof jakarta.json.JsonString text ? text.getString() : String.valueOf(claim);
        List<Inputs.Order> mine = ORDERS.values().stream()
                .filter(o -> o.requestedDate().equals(date) && driver.equals(o.driverId()))
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        return Response.ok(new Inputs.OrderPage(mine, 0, 200, mine.size())).build();
    }

    @GET
    @Path("/orders/{id}")
    public Response order(@HeaderParam("Authorization") String authorization, @PathParam("id") long id) {
        Response refused = refused(authorization, deliveryDown, "OFFICE", "ADMIN");
        if (refused != null) {
            return refused;
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

    /** As delivery-service's route-assignments: open orders assigned, carried ones kept unless taken back, the rest released. */
    @POST
    @Path("/orders/route-assignments")
    public Response publish(@HeaderParam("Authorization") String authorization, DeliveryClient.RouteAssignment assignment) {
        Response refused = refused(authorization, deliveryDown || publishingDown, "OFFICE", "ADMIN", "SERVICE");
        if (refused != null) {
            return refused;
        }
        PUBLISHED.add(Map.entry(role(authorization), assignment));
        Map<Long, String> takenBack = new java.util.HashMap<>();
        if (assignment.takenBack() != null) {
            assignment.takenBack().forEach(t -> takenBack.put(t.orderId(), t.driverId()));
        }
        int assigned = 0;
        int released = 0;
        List<DeliveryClient.Publication.Skipped> skipped = new ArrayList<>();
        for (DeliveryClient.RouteAssignment.DriverStops route : assignment.routes()) {
            for (DeliveryClient.RouteAssignment.Stop stop : route.stops()) {
                Inputs.Order o = ORDERS.get(stop.orderId());
                boolean open = o != null && ("PENDING".equals(o.status()) || "ASSIGNED".equals(o.status()));
                boolean out = o != null && "OUT_FOR_DELIVERY".equals(o.status());
                boolean handedBack = out && o.driverId().equals(takenBack.get(o.id()));
                if (open || handedBack) {
                    if (!route.driverId().equals(o.driverId()) || "PENDING".equals(o.status())) {
                        assigned++;
                    }
                    ORDERS.put(o.id(), with(o, "ASSIGNED", route.driverId(), assignment.routeId(), stop.trip(), stop.eta(), null, null));
                } else if (out && route.driverId().equals(o.driverId())) {
                    ORDERS.put(o.id(), with(o, o.status(), o.driverId(), assignment.routeId(), stop.trip(), stop.eta(), o.outAt(), null));
                } else {
                    skipped.add(new DeliveryClient.Publication.Skipped(stop.orderId(), o == null ? "NOT_FOUND" : o.status()));
                }
            }
        }
        for (Long id : assignment.release() == null ? List.<Long>of() : assignment.release()) {
            Inputs.Order o = ORDERS.get(id);
            boolean handedBack = o != null && "OUT_FOR_DELIVERY".equals(o.status()) && o.driverId().equals(takenBack.get(id));
            if (o != null && ("ASSIGNED".equals(o.status()) || handedBack)) {
                ORDERS.put(id, with(o, "PENDING", null, null, null, null, null, null));
                released++;
            }
        }
        return Response.ok(new DeliveryClient.Publication(assigned, released, skipped)).build();
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

    @GET
    @Path("/customers/areas")
    public Response areas(@HeaderParam("Authorization") String authorization) {
        if (role(authorization) == null) {
            return Response.status(401).build();
        }
        return Response.ok(AREAS.entrySet().stream().map(e -> new Inputs.Area(e.getKey(), e.getValue())).toList()).build();
    }

    // ------------------------------------------------------------------ the day moving on, as drivers act

    static Inputs.Order with(Inputs.Order o, String status, String driverId, Long routeId, Integer trip, java.time.LocalTime eta,
                             OffsetDateTime outAt, OffsetDateTime finishedAt) {
        return new Inputs.Order(o.id(), o.customerId(), o.customerCode(), o.customerName(), o.area(), o.requestedDate(),
                o.windowStart(), o.windowEnd(), status, o.totalAmount(), o.paymentMethod(), o.notes(), driverId, routeId, trip,
                eta, outAt, finishedAt, o.items(), o.safetyCheckDue());
    }

    /** The order as delivery-service lists it when its customer is (or is not) due a safety check. */
    public static void safetyCheckDue(long orderId, boolean due) {
        Inputs.Order o = ORDERS.get(orderId);
        ORDERS.put(orderId, new Inputs.Order(o.id(), o.customerId(), o.customerCode(), o.customerName(), o.area(),
                o.requestedDate(), o.windowStart(), o.windowEnd(), o.status(), o.totalAmount(), o.paymentMethod(), o.notes(),
                o.driverId(), o.routeId(), o.trip(), o.eta(), o.outAt(), o.finishedAt(), o.items(), due));
    }

    /** The driver sets out at {@code at} with his assigned orders of his next trip. */
    public static void setOut(String driverId, LocalDate date, OffsetDateTime at) {
        List<Inputs.Order> his = ORDERS.values().stream()
                .filter(o -> driverId.equals(o.driverId()) && o.requestedDate().equals(date) && "ASSIGNED".equals(o.status())).toList();
        int next = his.stream().map(Inputs.Order::trip).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).min().orElse(0);
        for (Inputs.Order o : his) {
            if (o.trip() == null || o.trip() == next) {
                ORDERS.put(o.id(), with(o, "OUT_FOR_DELIVERY", driverId, o.routeId(), o.trip(), o.eta(), at, null));
            }
        }
    }

    public static void deliver(long orderId, OffsetDateTime at) {
        Inputs.Order o = ORDERS.get(orderId);
        ORDERS.put(orderId, with(o, "DELIVERED", o.driverId(), o.routeId(), o.trip(), o.eta(), o.outAt(), at));
    }

    public static void fail(long orderId, OffsetDateTime at) {
        Inputs.Order o = ORDERS.get(orderId);
        ORDERS.put(orderId, with(o, "FAILED", o.driverId(), o.routeId(), o.trip(), o.eta(), o.outAt(), at));
    }
}
