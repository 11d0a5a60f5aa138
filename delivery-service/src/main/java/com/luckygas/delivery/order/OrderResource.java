package com.luckygas.delivery.order;

import jakarta.ws.rs.core.MediaType;
import com.luckygas.common.security.Roles;
import com.luckygas.common.Page;
import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Caller;
import com.luckygas.delivery.history.DeliveryView;
import com.luckygas.delivery.customer.Territories;
import com.luckygas.delivery.driver.StopActions;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Orders. The office takes and manages them; route-service assigns them in batches; a driver
 * starts his day and completes or fails his own stops (any other order is 404 to him).
 */
@Path("/api/orders")
public class OrderResource {

    private final OrderTaking taking;
    private final OrderBook book;
    private final RoutePublications publications;
    private final OrderList orders;
    private final Territories territories;
    private final StopActions stops;
    private final JsonWebToken jwt;
    private final java.time.Clock clock;

    OrderResource(OrderTaking taking, OrderBook book, RoutePublications publications, OrderList orders,
                  Territories territories, StopActions stops, JsonWebToken jwt,
                  java.time.Clock clock) {
        this.taking = taking;
        this.book = book;
        this.publications = publications;
        this.orders = orders;
        this.territories = territories;
        this.stops = stops;
        this.jwt = jwt;
        this.clock = clock;
    }

    /**
     * Takes an order. With an {@code Idempotency-Key} header a retried request returns the order
     * the first one created (200 instead of 201) and never creates a second; the same key with a
     * different body is 422.
     */
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE})
    @APIResponse(responseCode = "201", description = "The order; Location names it",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "The same order again: a retry with the same Idempotency-Key",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    public Response create(@HeaderParam("Idempotency-Key") @Size(min = 8, max = 100)
                           @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "must be letters, digits, '_', '.', ':' or '-'")
                           String idempotencyKey,
                           @Valid @NotNull CreateOrder request) {
        return taking.take(idempotencyKey, request, jwt.getName());
    }

    /**
     * Orders, filtered; newest requested date first, then newest id. Each order comes with its
     * items (two statements per page plus the count, whatever the page size).
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.SERVICE})
    public Page<OrderView> list(@QueryParam("date") LocalDate date,
                                @QueryParam("status") Order.Status status,
                                @QueryParam("driverId") String driverId,
                                @QueryParam("area") String area,
                                @QueryParam("depotId") @Positive Long depotId,
                                @QueryParam("customerId") Long customerId,
                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return orders.list(new OrderList.Filters(date, status, driverId,
                area, depotId == null ? null : territories.areasOf(depotId), customerId), page, size);
    }

    /** The calling driver's orders of a day (default today), in requested order of time window. */
    @GET
    @Path("/my")
    @RolesAllowed(Roles.DRIVER)
    public Page<OrderView> mine(@QueryParam("date") LocalDate date) {
        Caller caller = Caller.of(jwt);
        LocalDate day = date != null ? date : LocalDate.now(clock);
        return orders.list(new OrderList.Filters(day, null, caller.driverId(), null, null, null), 0, 200);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.DRIVER})
    public OrderView get(@PathParam("id") long id) {
        return book.view(id, Caller.of(jwt));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE})
    public OrderView cancel(@PathParam("id") long id, @Valid @NotNull Reason reason) {
        return book.cancel(id, reason.reason());
    }

    /** Assigns up to 1,000 orders to a driver and route at once (route-service publishing a plan). */
    @POST
    @Path("/assignments")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.SERVICE})
    public BatchResult assign(@Valid @NotNull Assignment assignment) {
        return new BatchResult(book.assign(assignment.orderIds(), assignment.driverId(), assignment.routeId()));
    }

    /**
     * route-service publishing a plan: every driver's stops in one call (the route id is the
     * plan's), each with its trip and estimated arrival; the plan's unplanned orders are released
     * if an earlier publication assigned them; {@code takenBack} names orders the office explicitly
     * took from the driver who set out with them.
     */
    @POST
    @Path("/route-assignments")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.SERVICE})
    public RoutePublications.RoutePublication publishRoute(@Valid @NotNull RouteAssignment request) {
        java.util.Set<String> drivers = new java.util.HashSet<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<RoutePublications.RouteStop> stops = new java.util.ArrayList<>();
        for (int r = 0; r < request.routes().size(); r++) {
            RouteAssignment.DriverStops route = request.routes().get(r);
            if (!drivers.add(route.driverId())) {
                throw ProblemException.invalidField("routes", "names driver " + route.driverId() + " twice");
            }
            for (int i = 0; i < route.stops().size(); i++) {
                RouteAssignment.Stop stop = route.stops().get(i);
                if (!seen.add(stop.orderId())) {
                    throw ProblemException.invalidField("routes[" + r + "].stops[" + i + "].orderId",
                            "order " + stop.orderId() + " is on two routes");
                }
                stops.add(new RoutePublications.RouteStop(stop.orderId(), route.driverId(), stop.trip(), stop.eta(), stop.tripDeparts()));
            }
        }
        java.util.Map<Long, String> takenBack = new java.util.HashMap<>();
        if (request.takenBack() != null) {
            request.takenBack().forEach(t -> takenBack.put(t.orderId(), t.driverId()));
        }
        return publications.publish(request.routeId(), stops, request.release() == null ? List.of() : request.release(), takenBack);
    }

    public record RouteAssignment(
            @NotNull @Positive Long routeId,
            @NotNull @Size(max = 100) List<@NotNull @Valid DriverStops> routes,
            @Size(max = 2000) List<@NotNull Long> release,
            @Size(max = 2000) List<@NotNull @Valid TakenBack> takenBack) {

        /** A driver's stops in the order of his route. */
        public record DriverStops(@NotBlank @Size(max = 32) String driverId,
                                  @NotNull @Size(max = 1000) List<@NotNull @Valid Stop> stops) {
        }

        /** An order on the route: its trip (a departure from the depot), estimated arrival, and when its trip leaves. */
        public record Stop(@NotNull @Positive Long orderId, @Min(1) @Max(100) Integer trip, java.time.LocalTime eta,
                           java.time.LocalTime tripDeparts) {
        }

        /** An order the office took from the driver who set out with it. */
        public record TakenBack(@NotNull @Positive Long orderId, @NotBlank @Size(max = 32) String driverId) {
        }
    }

    @POST
    @Path("/unassignments")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.SERVICE})
    public BatchResult unassign(@Valid @NotNull Unassignment request) {
        return new BatchResult(book.unassign(request.orderIds()));
    }

    /**
     * The driver sets off: his assigned orders of the day (default today) for his next trip go out
     * for delivery; after a reload at the depot, calling it again takes the next trip's. No body:
     * {@code happenedAt} (when it happened on the phone, ISO-8601 — URL-encode a {@code +} offset as
     * {@code %2B}, or use {@code Z}) and the phone's {@code Idempotency-Key} are optional.
     */
    @POST
    @Path("/my/start")
    @RolesAllowed(Roles.DRIVER)
    @APIResponse(responseCode = "200", description = "How many orders went out",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
    public Response start(@QueryParam("date") LocalDate date, @QueryParam("happenedAt") OffsetDateTime happenedAt,
                          @HeaderParam("Idempotency-Key") @Size(min = 8, max = 100) String key) {
        Caller caller = Caller.of(jwt);
        LocalDate day = date != null ? date : LocalDate.now(clock);
        if (key == null) {
            return Response.ok(new BatchResult(book.start(caller.requireDriverId(), day, happenedAt))).build();
        }
        return stops.start(key, day, new SetOut(happenedAt), caller, false).toResponse();
    }

    /**
     * Completes a stop: what was delivered, empties taken back, money collected, when (the phone's
     * {@code happenedAt}). With an {@code Idempotency-Key} a repeat answers what the first answered,
     * and the key with other content is a 422; without one a repeat is harmless.
     */
    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.DRIVER})
    @APIResponse(responseCode = "200", description = "The delivery",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public Response complete(@PathParam("id") long id, @HeaderParam("Idempotency-Key") @Size(min = 8, max = 100) String key,
                             @Valid @NotNull CompleteStop request) {
        Caller caller = Caller.of(jwt);
        if (key == null) {
            if (request.signature() != null) {
                throw ProblemException.invalidField("signature", "is kept with the action's key: send an Idempotency-Key");
            }
            return Response.ok(book.complete(id, request, caller)).build();
        }
        return stops.complete(key, id, request, caller, false).toResponse();
    }

    /** Fails a stop with the reason (and the phone's {@code happenedAt}); keys as for completing. */
    @POST
    @Path("/{id}/fail")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.DRIVER})
    @APIResponse(responseCode = "200", description = "The order",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    public Response fail(@PathParam("id") long id, @HeaderParam("Idempotency-Key") @Size(min = 8, max = 100) String key,
                         @Valid @NotNull FailStop request) {
        Caller caller = Caller.of(jwt);
        if (key == null) {
            return Response.ok(book.fail(id, request, caller, false)).build();
        }
        return stops.fail(key, id, request, caller, false).toResponse();
    }
}
