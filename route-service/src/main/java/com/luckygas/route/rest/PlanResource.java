package com.luckygas.route.rest;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.luckygas.common.security.Caller;
import com.luckygas.common.security.Roles;
import com.luckygas.common.ProblemException;
import com.luckygas.route.planning.DeliveryClient;
import com.luckygas.route.planning.DriverDays;
import com.luckygas.route.planning.PlanEdits;
import com.luckygas.route.planning.PlanPublisher;
import com.luckygas.route.planning.Planner;
import com.luckygas.route.planning.RouteChecks;
import com.luckygas.route.planning.PlanViews;
import com.luckygas.route.planning.store.RoutePlan;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Route plans: the office asks for a day's plan (solved in the background; poll until READY),
 * reads it, changes it by hand, asks where an urgent order fits, and publishes it to
 * delivery-service.
 */
@Path("/api/routes/plans")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class PlanResource {

    public record PlanInput(@NotNull LocalDate date,
                            @NotNull @Positive Long depotId,
                            @Size(min = 1, max = 100) List<@NotBlank @Size(max = 32) String> driverIds,
                            @Min(1) @Max(300) Integer maxSolveSeconds) {
    }

    /** {@code version}: the plan's version the client saw (optional); a stale one is a 409. */
    @Schema(name = "PlanMoveInput")
    public record MoveInput(@NotNull @Positive Long orderId,
                            @Size(max = 32) String driverId,
                            @Min(1) @Max(1000) Integer position,
                            @Min(0) Long version) {
    }

    public record RecommendInput(@NotNull @Positive Long orderId) {
    }

    public record MoveView(PlanViews.PlanView plan, List<RouteChecks.Broken> broken, DeliveryClient.Publication publication,
                           String notPublished) {
    }

    public record PublishView(PlanViews.PlanView plan, DeliveryClient.Publication publication) {
    }

    public record Recommendations(long planId, long orderId, List<PlanEdits.Option> options) {
    }

    private final Planner planner;
    private final PlanEdits edits;
    private final PlanPublisher publisher;
    private final PlanViews views;
    private final DriverDays days;
    private final JsonWebToken jwt;

    PlanResource(Planner planner, PlanEdits edits, PlanPublisher publisher, PlanViews views, DriverDays days,
                 JsonWebToken jwt) {
        this.planner = planner;
        this.edits = edits;
        this.publisher = publisher;
        this.views = views;
        this.days = days;
        this.jwt = jwt;
    }

    /**
     * Plans a depot's day: 202 with the plan (status SOLVING, or READY at once when there is nothing
     * to plan); poll {@code GET /api/routes/plans/{id}}. 409 while another plan of that depot's day
     * solves. During the day it starts from now and from what the drivers have done and carry.
     */
    @POST
    @APIResponse(responseCode = "202", description = "Planning started: poll the plan (Location) until READY",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanViews.PlanView.class)))
    public Response plan(@Valid @NotNull PlanInput input) {
        long id = planner.start(new Planner.PlanRequest(input.date(), input.depotId(), input.driverIds(),
                input.maxSolveSeconds()), jwt.getName());
        return Response.accepted(view(id)).location(URI.create("/api/routes/plans/" + id)).build();
    }

    /** The plans of a day (of one depot, or all), newest first. */
    @GET
    @Transactional
    public List<PlanViews.Summary> list(@QueryParam("date") LocalDate date,
                                        @QueryParam("depotId") @Positive Long depotId,
                                        @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        if (date == null) {
            throw ProblemException.invalidField("date", "is required");
        }
        var query = depotId == null ? RoutePlan.<RoutePlan>find("planDate = ?1 order by id desc", date)
                : RoutePlan.<RoutePlan>find("planDate = ?1 and depotId = ?2 order by id desc", date, depotId);
        return query.page(0, limit).list().stream().map(PlanViews.Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    public PlanViews.PlanView get(@PathParam("id") long id) {
        return view(id);
    }

    @POST
    @Path("/{id}/publish")
    public PublishView publish(@PathParam("id") long id) {
        PlanPublisher.Published published = publisher.publish(id, bearer());
        return new PublishView(view(id), published.publication());
    }

    /** Moves an order to a route and position (or off all routes without driverId); see Planner#move. */
    @POST
    @Path("/{id}/moves")
    public MoveView move(@PathParam("id") long id, @Valid @NotNull MoveInput input) {
        PlanEdits.MoveResult result = edits.move(id, input.orderId(), input.driverId(), input.position(), input.version(), bearer());
        return new MoveView(view(id), result.broken(), result.publication(), result.notPublished());
    }

    /** Where an urgent order fits best, options best first; insert one with a move. */
    @POST
    @Path("/{id}/recommendations")
    public Recommendations recommend(@PathParam("id") long id, @Valid @NotNull RecommendInput input,
                                     @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(50) int limit) {
        return new Recommendations(id, input.orderId(), edits.recommend(id, input.orderId(), limit, bearer()));
    }

    /**
     * One driver's route of a plan as it stands now (states and times as in his day): the office
     * for any driver, a driver for himself only (else 404).
     */
    @GET
    @Path("/{id}/routes/{driverId}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.DRIVER})
    public DriverDays.DriverDay route(@PathParam("id") long id, @PathParam("driverId") String driverId) {
        boolean driver = jwt.getGroups().contains(Roles.DRIVER);
        if (driver && !driverId.equals(Caller.of(jwt).requireDriverId())) {
            throw ProblemException.notFound("There is no route of driver " + driverId + " for you.");
        }
        RoutePlan plan = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> RoutePlan.findById(id));
        boolean visible = plan != null && (!driver || plan.status == RoutePlan.Status.PUBLISHED);
        if (!visible) {
            throw ProblemException.notFound("There is no route plan " + id + ".");
        }
        return days.day(plan.id, driverId, plan.planDate, bearer(), driver);
    }

    private PlanViews.PlanView view(long id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            RoutePlan plan = RoutePlan.findById(id);
            if (plan != null && plan.status == RoutePlan.Status.SOLVING) {
                // lost with the instance that solved it? (an UPDATE only while someone polls a SOLVING plan)
                Planner.expireStale();
                RoutePlan.getEntityManager().refresh(plan);
            }
            if (plan == null) {
                throw ProblemException.notFound("There is no route plan " + id + ".");
            }
            return views.view(plan);
        });
    }

    private String bearer() {
        return "Bearer " + jwt.getRawToken();
    }
}
