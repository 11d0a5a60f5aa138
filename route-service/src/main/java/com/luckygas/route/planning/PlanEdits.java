package com.luckygas.route.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import com.luckygas.common.ProblemException;
import com.luckygas.common.calls.ServiceUnavailableException;
import com.luckygas.route.planning.DayProblem.Route;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.store.PlanStop;
import com.luckygas.route.planning.store.RoutePlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Changes to a plan by hand: moving an order to a driver's route and position (or off every
 * route), adding an urgent one, and asking where one fits best. Each starts from now and from
 * each driver's state as delivery-service knows it: a delivered or failed stop stays as it
 * happened, the stops a driver set out with stay his unless the office moves one explicitly
 * (then it is taken back from him when published), and a new stop for a driver who is out comes
 * after those he carries, with a reload first.
 */
@ApplicationScoped
public class PlanEdits {

    private static final Logger LOG = Logger.getLogger(PlanEdits.class);

    /** A place an order could go, with what it would cost. */
    public record Placement(String driverId, int position, Long arrivalSecond) {
    }

    public record Option(String driverId, int position, String arrival, boolean feasible, long hardDelta,
                         long mediumDelta, long softDelta, String scoreDelta) {
    }

    /**
     * What a move did. {@code notPublished} is set when the move is saved but publishing it to
     * delivery-service failed: the plan and the drivers' orders differ until it is published again.
     */
    public record MoveResult(long planId, List<RouteChecks.Broken> broken, DeliveryClient.Publication publication,
                             String notPublished) {
    }

    private final DayInputs inputs;
    private final DayProblems problems;
    private final PlanStore store;
    private final RouteChecks checks;
    private final PlanPublisher publisher;
    private final RoutingSettings settings;
    private final SolutionManager<RoutePlanSolution, HardMediumSoftLongScore> solutionManager;

    PlanEdits(DayInputs inputs, DayProblems problems, PlanStore store, RouteChecks checks, PlanPublisher publisher,
              RoutingSettings settings, SolutionManager<RoutePlanSolution, HardMediumSoftLongScore> solutionManager) {
        this.inputs = inputs;
        this.problems = problems;
        this.store = store;
        this.checks = checks;
        this.publisher = publisher;
        this.settings = settings;
        this.solutionManager = solutionManager;
    }

    /**
     * Moves an order to a driver's route at a position (1 = first stop of his day; default: last),
     * or off every route ({@code driverId == null}). An order not in the plan yet is added. Times
     * are recomputed from now; broken hard constraints are reported, not refused. A published plan
     * is published again, so that the driver's day and delivery-service agree.
     */
    public MoveResult move(long planId, long orderId, String driverId, Integer position, Long version, String userToken) {
        RoutePlan plan = QuarkusTransaction.requiringNew().call(() -> store.plan(planId));
        requireChangeable(plan);
        problems.requireNotPast(plan.planDate);
        if (version != null && version != plan.version) {
            throw stale(plan.version);
        }
        long seen = plan.version;
        DayInputs.Day day = inputs.read(plan.planDate);
        DayProblems.Stored stored = QuarkusTransaction.requiringNew().call(() -> problems.stored(planId));
        PlanStop existing = stored.rows().stream().filter(r -> r.orderId == orderId).findFirst().orElse(null);
        Inputs.Order live = day.order(orderId);
        if (existing != null) {
            requireMovable(existing, live);
        }
        DayProblem.PlannedStop added = existing != null ? null : fetchStop(plan, orderId, userToken, day);
        List<DayProblem.PlannedStop> extra = added == null ? List.of() : List.of(added);
        DayProblem now = QuarkusTransaction.requiringNew().call(() ->
                problems.rebuild(plan, day.orders(), extra, stored.routes(), stored.takenBack()));

        Map<String, List<Long>> routes = routesOf(now);
        routes.values().forEach(list -> list.remove(orderId));
        String carrier = live != null && "OUT_FOR_DELIVERY".equals(live.status()) ? live.driverId() : null;
        if (driverId != null) {
            Route target = now.routes().stream().filter(r -> r.vehicle().driverId().equals(driverId)).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("driverId", "has no route in this plan"));
            insert(target, routes.get(driverId), orderId, position, driverId.equals(carrier));
        }
        Map<Long, String> takenBack = new LinkedHashMap<>(stored.takenBack());
        if (carrier != null && !carrier.equals(driverId)) {
            takenBack.put(orderId, carrier);
        } else {
            takenBack.remove(orderId);
        }
        DayProblem moved = QuarkusTransaction.requiringNew().call(() ->
                problems.rebuild(plan, day.orders(), extra, routes, takenBack));
        RoutePlanSolution solution = moved.solution();
        checks.update(solution);
        List<RouteChecks.Broken> broken = checks.broken(solution);
        QuarkusTransaction.requiringNew().run(() -> {
            // moves of one plan take turns here, and one computed on a plan changed meanwhile is refused, not stored over it
            RoutePlan current = RoutePlan.findById(planId, LockModeType.PESSIMISTIC_WRITE);
            if (current == null) {
                throw ProblemException.notFound("There is no route plan " + planId + ".");
            }
            requireChangeable(current);
            if (current.version != seen) {
                throw stale(current.version);
            }
            if (added != null) {
                store.newStop(planId, added).persist();
            }
            store.store(planId, moved, solution, current.status, broken);
            // changed, even when the move left every field as it was: the version moves on with each move
            // (a lock mode cannot do it here: the row's PESSIMISTIC_WRITE already outranks a force increment)
            current.updatedAt = OffsetDateTime.now();
        });
        if (plan.status != RoutePlan.Status.PUBLISHED) {
            return new MoveResult(planId, broken, null, null);
        }
        try {
            return new MoveResult(planId, broken, publisher.publish(planId, userToken).publication(), null);
        } catch (ServiceUnavailableException e) {
            // the move is saved: say so, and what is left to do, rather than a 503 that reads as "nothing happened"
            LOG.warnf("Plan %d: move saved, publishing it failed: %s", planId, e.getMessage());
            return new MoveResult(planId, broken, null, e.getMessage()
                    + ". The move is saved; publish the plan again (POST /api/routes/plans/" + planId + "/publish).");
        }
    }

    /** A stop delivered, failed or cancelled stays as it is; one that could never be planned cannot be moved onto a route. */
    private static void requireMovable(PlanStop existing, Inputs.Order live) {
        if (live == null) {
            throw ProblemException.invalidField("orderId", "is cancelled or no longer for this day");
        }
        if ("DELIVERED".equals(live.status()) || "FAILED".equals(live.status())) {
            String at = live.finishedAt() == null ? "" : " at " + PlanViews.time((long) DayInputs.secondOfDay(
                    live.requestedDate(), live.finishedAt()));
            throw ProblemException.invalidField("orderId", "was " + live.status().toLowerCase(java.util.Locale.ROOT) + at
                    + ": a finished stop stays as it happened");
        }
        if (!existing.plannable && !"OUT_FOR_DELIVERY".equals(live.status())) {
            throw ProblemException.invalidField("orderId", "cannot be planned: " + existing.unplannedReason);
        }
    }

    /**
     * Puts the order into the driver's day at {@code position} (1-based over his whole day:
     * finished stops, those he carries, the rest). Finished stops stay first; a stop he carries
     * goes among those he carries, any other after them.
     */
    private static void insert(Route target, List<Long> list, long orderId, Integer position, boolean hisOwn) {
        if (!target.vehicle().takesNew() && !hisOwn) {
            throw ProblemException.invalidField("driverId", "is in this plan only for the stops he did or carries; "
                    + "plan the day again with him to give him more");
        }
        int finished = target.progress().finished().size();
        int carried = (int) target.carried().stream().filter(c -> c.orderId() != orderId).count();
        int size = list.size();
        int index = position == null ? (hisOwn ? finished + carried : size) : position - 1;
        if (index < 0 || index > size) {
            throw ProblemException.invalidField("position", "must be between 1 and " + (size + 1));
        }
        if (index < finished) {
            throw ProblemException.invalidField("position", "stops 1–" + finished + " of " + target.vehicle().driverId()
                    + " are done already; the first stop still to come is " + (finished + 1));
        }
        if (hisOwn && index > finished + carried) {
            throw ProblemException.invalidField("position", "he carries this order: it goes among the stops he set out with ("
                    + (finished + 1) + "–" + (finished + carried + 1) + ")");
        }
        if (!hisOwn && index < finished + carried) {
            throw ProblemException.invalidField("position", "stops " + (finished + 1) + "–" + (finished + carried)
                    + " are the ones he set out with; a new stop comes after them (from " + (finished + carried + 1) + ")");
        }
        list.add(index, orderId);
    }

    /** Each driver's day in a problem: finished stops, those he carries, then the solver's route (driver id → order ids). */
    static Map<String, List<Long>> routesOf(DayProblem problem) {
        Map<String, List<Long>> routes = new LinkedHashMap<>();
        for (Route r : problem.routes()) {
            List<Long> ids = new ArrayList<>();
            r.progress().finished().forEach(f -> ids.add(f.orderId()));
            r.carried().forEach(c -> ids.add(c.orderId()));
            r.solverVehicle().getStops().forEach(s -> ids.add(Long.parseLong(s.getId())));
            routes.put(r.vehicle().driverId(), ids);
        }
        return routes;
    }

    static ProblemException stale(long current) {
        return new ProblemException(new com.luckygas.common.Problem("about:blank", "Conflict", 409,
                "The plan changed since it was read (now version " + current + "); reload it and move again.",
                List.of(new com.luckygas.common.Problem.Violation("version", "is not the plan's current version"))));
    }

    static void requireChangeable(RoutePlan plan) {
        if (plan.status != RoutePlan.Status.READY && plan.status != RoutePlan.Status.PUBLISHED) {
            throw ProblemException.conflict("The plan is " + plan.status + "; only a READY or PUBLISHED plan can change.");
        }
    }

    /**
     * Where an urgent order fits best in a plan's routes (Timefold's recommendation API), from now:
     * the options, best first, with what each costs (score difference; soft = extra travel seconds).
     */
    public List<Option> recommend(long planId, long orderId, int limit, String userToken) {
        RoutePlan plan = QuarkusTransaction.requiringNew().call(() -> store.plan(planId));
        requireChangeable(plan);
        problems.requireNotPast(plan.planDate);
        DayInputs.Day day = inputs.read(plan.planDate);
        DayProblems.Stored stored = QuarkusTransaction.requiringNew().call(() -> problems.stored(planId));
        PlanStop existing = stored.rows().stream().filter(r -> r.orderId == orderId).findFirst().orElse(null);
        Inputs.Order live = day.order(orderId);
        if (existing != null && existing.driverId != null) {
            throw ProblemException.conflict("Order " + orderId + " is already on " + existing.driverId
                    + "'s route; move it instead.");
        }
        if (existing != null) {
            requireMovable(existing, live);
        }
        DayProblem.PlannedStop added = existing == null ? fetchStop(plan, orderId, userToken, day) : null;
        DayProblem problem = QuarkusTransaction.requiringNew().call(() -> problems.rebuild(plan, day.orders(),
                added == null ? List.of() : List.of(added), stored.routes(), stored.takenBack()));
        RoutePlanSolution solution = problem.solution();
        Stop stop = solution.getStops().stream().filter(s -> s.getId().equals(String.valueOf(orderId))).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("orderId", "cannot be planned"));
        if (stop.getVehicle() != null) {
            throw ProblemException.conflict("Order " + orderId + " is already on " + stop.getVehicle().getId()
                    + "'s route; move it instead.");
        }
        Map<String, Integer> before = new LinkedHashMap<>();
        problem.routes().forEach(r -> before.put(r.vehicle().driverId(), r.progress().finished().size() + r.carried().size()));
        HardMediumSoftLongScore score = solutionManager.update(solution);
        List<RecommendedAssignment<Placement, HardMediumSoftLongScore>> options = solutionManager.recommendAssignment(
                solution, stop, s -> s.getVehicle() == null ? new Placement(null, 0, null)
                        : new Placement(s.getVehicle().getId(), before.getOrDefault(s.getVehicle().getId(), 0)
                        + s.getVehicle().getStops().indexOf(s) + 1, s.getArrivalTime()),
                ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        // leaving it unplanned is one of Timefold's options: not a place to offer
        return options.stream().filter(o -> o.proposition().driverId() != null).limit(limit).map(o -> {
            HardMediumSoftLongScore diff = o.scoreAnalysisDiff().score();
            return new Option(o.proposition().driverId(), o.proposition().position(),
                    PlanViews.time(o.proposition().arrivalSecond()), score.hardScore() + diff.hardScore() >= 0,
                    diff.hardScore(), diff.mediumScore(), diff.softScore(), diff.toString());
        }).toList();
    }

    /** An order not in the plan yet (an urgent one), read with the user's token: of this day, open, of this depot. */
    private DayProblem.PlannedStop fetchStop(RoutePlan plan, long orderId, String userToken, DayInputs.Day day) {
        Inputs.Order order;
        try {
            order = inputs.order(userToken, orderId);
        } catch (ServiceUnavailableException e) {
            if (e.answered(404)) {
                throw ProblemException.invalidField("orderId", "no such order");
            }
            throw e; // any other answer: 503 naming delivery-service
        }
        if (!order.requestedDate().equals(plan.planDate)) {
            throw ProblemException.invalidField("orderId", "is for " + order.requestedDate() + ", not " + plan.planDate);
        }
        if (!"PENDING".equals(order.status()) && !"ASSIGNED".equals(order.status())) {
            throw ProblemException.invalidField("orderId", "is " + order.status() + " and cannot be planned");
        }
        Territory territory = new Territory(plan.depotId, day.areaDepots(),
                QuarkusTransaction.requiringNew().call(PlanDrivers::activeDepots));
        Long depot = territory.depotOf(order);
        if (depot != null && depot != plan.depotId) {
            throw ProblemException.invalidField("orderId", "belongs to another depot's territory (depot " + depot
                    + ", area " + order.area() + "): plan it there");
        }
        if (territory.refusal(order) != null) {
            throw ProblemException.invalidField("orderId", "cannot be planned: " + territory.refusal(order));
        }
        Map<Long, Inputs.Customer> found = inputs.customers(userToken, List.of(order.customerId()));
        List<DayProblem.Vehicle> vehicles = QuarkusTransaction.requiringNew().call(() -> store.vehicles(plan.id)).stream()
                .filter(DayProblem.Vehicle::takesNew).toList();
        DayProblem.PlannedStop stop = DayStops.of(plan.planDate, List.of(order), found, day.products(), vehicles, settings,
                Map.of()).get(0);
        if (stop.reason() != null) {
            throw ProblemException.invalidField("orderId", "cannot be planned: " + stop.reason());
        }
        return stop;
    }
}
