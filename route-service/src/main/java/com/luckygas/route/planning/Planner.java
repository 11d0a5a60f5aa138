package com.luckygas.route.planning;

import com.luckygas.common.ProblemException;
import com.luckygas.route.Depot;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.solver.SolveLimits;
import com.luckygas.route.planning.store.RoutePlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Plans a depot's day: reads the day's orders, keeps those of the depot's territory, takes each
 * driver's progress (a plan made during the day starts from now and from what drivers have done
 * and carry), solves with Timefold in the background and stores the result. A re-plan starts from
 * the routes delivery-service has assigned, so that drivers keep what they were given unless
 * moving it is better.
 */
@ApplicationScoped
public class Planner {

    private static final Logger LOG = Logger.getLogger(Planner.class);

    public record PlanRequest(LocalDate date, Long depotId, List<String> driverIds, Integer maxSolveSeconds) {
    }

    private final Solvers solvers;
    private final RoutingSettings settings;
    private final DayInputs inputs;
    private final DayProblems problems;
    private final PlanDrivers drivers;
    private final PlanStore store;
    private final RouteChecks checks;

    Planner(Solvers solvers, RoutingSettings settings, DayInputs inputs, DayProblems problems, PlanDrivers drivers,
            PlanStore store, RouteChecks checks) {
        this.solvers = solvers;
        this.settings = settings;
        this.inputs = inputs;
        this.problems = problems;
        this.drivers = drivers;
        this.store = store;
        this.checks = checks;
    }

    /** At start, before every plan request, and when a SOLVING plan is read: see {@link #expireStale()}. */
    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(Planner::expireStale);
    }

    /**
     * A plan still SOLVING two minutes past its time limit was lost with the instance that solved
     * it (a restart, a scale-in): mark it FAILED so that the day can be planned again. Time-based,
     * so several instances never fail each other's live plans. Needs a transaction.
     */
    public static void expireStale() {
        RoutePlan.getEntityManager().createNativeQuery("""
                UPDATE route.route_plan SET status = 'FAILED', updated_at = now(), version = version + 1,
                       failure = 'the service stopped while this plan was solving; plan again'
                WHERE status = 'SOLVING' AND created_at < now() - make_interval(secs => max_solve_seconds + 120)""")
                .executeUpdate();
    }

    /**
     * Starts planning a depot's day: checks the request, reads the orders and customers (service
     * token; a constant number of calls for a day's orders), stores the problem and hands it to the
     * solver. Returns the plan's id at once; the plan is READY when the solver is done.
     */
    public long start(PlanRequest request, String user) {
        LocalDate today = problems.today();
        if (request.date().isBefore(today)) {
            throw ProblemException.invalidField("date", "is a day gone by (today is " + today + ")");
        }
        Depot depot = QuarkusTransaction.requiringNew().call(() -> depot(request.depotId()));
        Duration maxSolve = request.maxSolveSeconds() == null ? settings.maxSolve()
                : Duration.ofSeconds(request.maxSolveSeconds());
        if (QuarkusTransaction.requiringNew().call(() -> {
            expireStale();
            return RoutePlan.count("planDate = ?1 and depotId = ?2 and status = ?3", request.date(), depot.id,
                    RoutePlan.Status.SOLVING);
        }) > 0) {
            throw solvingConflict(request.date(), depot);
        }
        DayInputs.Day day = inputs.read(request.date());
        Territory territory = new Territory(depot.id, day.areaDepots(), QuarkusTransaction.requiringNew().call(PlanDrivers::activeDepots));
        List<Inputs.Order> orders = day.orders().stream().filter(territory::shows).toList();
        Map<Long, String> refused = new LinkedHashMap<>();
        orders.forEach(o -> {
            String why = territory.refusal(o);
            if (why != null) {
                refused.put(o.id(), why);
            }
        });
        PlanStore.Routes published = QuarkusTransaction.requiringNew().call(() -> store.publishedRoutes(request.date(), depot.id));
        Map<String, DayProblem.Progress> progress = DayInputs.progress(request.date(), orders, published.routes(), published.breaks());
        List<DayProblem.Vehicle> vehicles = QuarkusTransaction.requiringNew().call(() ->
                drivers.forPlan(request.date(), depot, request.driverIds(), progress.keySet()));
        List<DayProblem.Vehicle> taking = vehicles.stream().filter(DayProblem.Vehicle::takesNew).toList();
        Map<Long, Inputs.Customer> customers = inputs.customers(inputs.serviceToken(),
                orders.stream().map(Inputs.Order::customerId).distinct().toList());
        List<DayProblem.PlannedStop> stops = DayStops.of(request.date(), orders, customers, day.products(), taking, settings, refused);
        Map<String, List<Long>> assigned = assigned(orders, taking, published.routes());
        Coordinates depotAt = new Coordinates(depot.latitude.doubleValue(), depot.longitude.doubleValue());
        DayProblem problem = problems.assemble(request.date(), depotAt, vehicles, stops, orders, published.routes(),
                published.breaks(), assigned, Map.of());

        long planId;
        try {
            planId = QuarkusTransaction.requiringNew().call(() -> store.persist(request.date(), depot.id, user, maxSolve, problem));
        } catch (PersistenceException e) {
            if (!anotherIsSolving(e)) {
                throw e;
            }
            throw solvingConflict(request.date(), depot);
        }
        RoutePlanSolution solution = problem.solution();
        if (solution.getStops().isEmpty() || solution.getVehicles().isEmpty()) {
            checks.update(solution);
            QuarkusTransaction.requiringNew().run(() -> store.store(planId, problem, solution, RoutePlan.Status.READY,
                    checks.broken(solution)));
            return planId;
        }
        solvers.forPlan(solution).solveBuilder()
                .withProblemId(planId)
                .withProblem(solution)
                .withConfigOverride(assigned.isEmpty() ? SolveLimits.override(solution.getStops().size(), maxSolve)
                        : SolveLimits.replan(solution.getStops().size(), maxSolve))
                .withFinalBestSolutionConsumer(best -> QuarkusTransaction.requiringNew()
                        .run(() -> store.store(planId, problem, best, RoutePlan.Status.READY, checks.broken(best))))
                .withExceptionHandler((id, error) -> {
                    LOG.errorf(error, "plan %d failed while solving", id);
                    QuarkusTransaction.requiringNew().run(() -> RoutePlan.update(
                            "status = ?1, failure = ?2, updatedAt = ?3 where id = ?4", RoutePlan.Status.FAILED,
                            "the solver failed: " + error.getMessage(), OffsetDateTime.now(), id));
                })
                .run();
        return planId;
    }

    /**
     * Where a re-plan starts: each driver's orders delivery-service has assigned him (a published
     * plan, or by hand), in the published route's order, then by estimate and id. Empty for a
     * day never published: the solver builds the routes from nothing.
     */
    static Map<String, List<Long>> assigned(List<Inputs.Order> orders, List<DayProblem.Vehicle> taking,
                                            Map<String, List<Long>> published) {
        Set<String> ids = new java.util.HashSet<>();
        taking.forEach(v -> ids.add(v.driverId()));
        Map<String, List<Inputs.Order>> byDriver = new LinkedHashMap<>();
        for (Inputs.Order o : orders) {
            if ("ASSIGNED".equals(o.status()) && o.driverId() != null && ids.contains(o.driverId())) {
                byDriver.computeIfAbsent(o.driverId(), k -> new ArrayList<>()).add(o);
            }
        }
        Map<String, List<Long>> assigned = new LinkedHashMap<>();
        byDriver.forEach((driver, list) -> {
            List<Long> order = published.getOrDefault(driver, List.of());
            list.sort(Comparator.<Inputs.Order>comparingInt(o -> order.contains(o.id()) ? order.indexOf(o.id()) : Integer.MAX_VALUE)
                    .thenComparing(o -> o.eta() == null ? LocalTime.MAX : o.eta()).thenComparingLong(Inputs.Order::id));
            assigned.put(driver, list.stream().map(Inputs.Order::id).toList());
        });
        return assigned;
    }

    /** The partial unique index refused the plan: another request started solving this depot's day meanwhile. */
    static boolean anotherIsSolving(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && "route_plan_one_solving".equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException solvingConflict(LocalDate date, Depot depot) {
        return ProblemException.conflict("A plan of " + depot.name + " for " + date + " is being solved; wait for it to finish.");
    }

    private static Depot depot(Long depotId) {
        Depot depot = Depot.findById(depotId);
        if (depot == null) {
            throw ProblemException.invalidField("depotId", "no such depot");
        }
        if (!depot.active) {
            throw ProblemException.invalidField("depotId", "the depot is inactive");
        }
        return depot;
    }
}
