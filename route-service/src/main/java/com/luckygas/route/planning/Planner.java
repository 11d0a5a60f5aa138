package com.luckygas.route.planning;

import com.luckygas.common.identity.ServiceIdentity;
import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.DefaultConstraintJustification;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.common.Problem.Violation;
import com.luckygas.common.ProblemException;
import com.luckygas.route.Depot;
import com.luckygas.route.Driver;
import com.luckygas.route.Vehicle;
import com.luckygas.route.planning.domain.Access;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import com.luckygas.route.planning.solver.SolveLimits;
import com.luckygas.route.planning.store.PlanRoute;
import com.luckygas.route.planning.store.PlanStop;
import com.luckygas.route.planning.store.RoutePlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Plans a day's routes: gathers the open orders and their customers, solves with Timefold in the
 * background, stores the result; publishes a plan to delivery-service; changes one by hand;
 * recommends where an urgent order fits.
 */
@ApplicationScoped
public class Planner {

    private static final Logger LOG = Logger.getLogger(Planner.class);
    private static final int ORDER_PAGE = 200;

    public record PlanRequest(LocalDate date, Long depotId, List<String> driverIds, Integer maxSolveSeconds) {
    }

    /** A broken hard constraint: which, on whose route, which orders, how badly. */
    public record Broken(String constraint, String driverId, List<Long> orderIds, long penalty) {
    }

    /** A place an order could go, with what it would cost. */
    public record Placement(String driverId, int position, Long arrivalSecond) {
    }

    public record Option(String driverId, int position, String arrival, boolean feasible, long hardDelta,
                         long mediumDelta, long softDelta, String scoreDelta) {
    }

    private final Solvers solvers;
    private final SolutionManager<RoutePlanSolution, HardMediumSoftLongScore> solutionManager;
    private final RoutingSettings settings;
    private final ObjectMapper json;
    private final ServiceIdentity identity;
    private final DeliveryApi delivery;
    private final CustomerApi customers;

    Planner(Solvers solvers,
            SolutionManager<RoutePlanSolution, HardMediumSoftLongScore> solutionManager, RoutingSettings settings,
            ObjectMapper json, ServiceIdentity identity, @RestClient DeliveryApi delivery, @RestClient CustomerApi customers) {
        this.solvers = solvers;
        this.solutionManager = solutionManager;
        this.settings = settings;
        this.json = json;
        this.identity = identity;
        this.delivery = delivery;
        this.customers = customers;
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

    // ------------------------------------------------------------------ planning

    /**
     * Starts planning a day: checks the request, reads the orders and customers (service token;
     * a constant number of calls for a day's orders), stores the problem and hands it to the
     * solver. Returns the plan's id at once; the plan is READY when the solver is done.
     */
    public long start(PlanRequest request, String user) {
        Depot depot = depot(request.depotId());
        List<Problem.Vehicle> vehicles = vehicles(request.driverIds());
        Duration maxSolve = request.maxSolveSeconds() == null ? settings.maxSolve()
                : Duration.ofSeconds(request.maxSolveSeconds());
        if (QuarkusTransaction.requiringNew().call(() -> {
            expireStale();
            return RoutePlan.count("planDate = ?1 and status = ?2", request.date(), RoutePlan.Status.SOLVING);
        }) > 0) {
            throw solvingConflict(request.date());
        }
        String token = call("auth-service", identity::bearer);
        List<Inputs.Order> orders = new ArrayList<>();
        for (String status : List.of("PENDING", "ASSIGNED")) {
            for (int page = 0; ; page++) {
                int p = page;
                Inputs.OrderPage got = call("delivery-service", () -> delivery.orders(token, request.date(), status, p, ORDER_PAGE));
                orders.addAll(got.items());
                if ((long) (page + 1) * ORDER_PAGE >= got.total()) {
                    break;
                }
            }
        }
        orders.sort(Comparator.comparingLong(Inputs.Order::id));
        Map<String, Inputs.Product> products = products(token);
        Map<Long, Inputs.Customer> found = customers(token, orders.stream().map(Inputs.Order::customerId).distinct().toList());
        List<Problem.PlannedStop> stops = Problem.stops(request.date(), orders, found, products, vehicles, settings);
        Coordinates depotAt = new Coordinates(depot.latitude.doubleValue(), depot.longitude.doubleValue());
        Problem problem = Problem.assemble(depotAt, vehicles, stops, this::matrix, ConstraintWeightOverrides.none(), Map.of());

        long planId;
        try {
            planId = QuarkusTransaction.requiringNew().call(() -> persist(request, user, maxSolve, problem));
        } catch (PersistenceException e) {
            // the partial unique index: another request started solving this day meanwhile
            throw solvingConflict(request.date());
        }
        RoutePlanSolution solution = problem.solution();
        if (solution.getStops().isEmpty()) {
            solutionManager.update(solution);
            QuarkusTransaction.requiringNew().run(() -> store(planId, problem, solution, RoutePlan.Status.READY));
            return planId;
        }
        solvers.forPlan(solution).solveBuilder()
                .withProblemId(planId)
                .withProblem(solution)
                .withConfigOverride(SolveLimits.override(solution.getStops().size(), maxSolve))
                .withFinalBestSolutionConsumer(best -> QuarkusTransaction.requiringNew()
                        .run(() -> store(planId, problem, best, RoutePlan.Status.READY)))
                .withExceptionHandler((id, error) -> {
                    LOG.errorf(error, "plan %d failed while solving", id);
                    QuarkusTransaction.requiringNew().run(() -> RoutePlan.update(
                            "status = ?1, failure = ?2, updatedAt = ?3 where id = ?4", RoutePlan.Status.FAILED,
                            "the solver failed: " + error.getMessage(), OffsetDateTime.now(), id));
                })
                .run();
        return planId;
    }

    private static ProblemException solvingConflict(LocalDate date) {
        return ProblemException.conflict("A plan for " + date + " is being solved; wait for it to finish.");
    }

    private Depot depot(Long depotId) {
        Depot depot = Depot.findById(depotId);
        if (depot == null) {
            throw ProblemException.invalidField("depotId", "no such depot");
        }
        if (!depot.active) {
            throw ProblemException.invalidField("depotId", "the depot is inactive");
        }
        return depot;
    }

    /** The drivers to plan for (default: every active driver with a vehicle), with their vehicles. */
    private List<Problem.Vehicle> vehicles(List<String> driverIds) {
        List<Driver> drivers;
        List<Violation> problems = new ArrayList<>();
        if (driverIds == null) {
            drivers = Driver.list("active = true and vehicleId is not null order by id");
        } else {
            drivers = new ArrayList<>();
            for (int i = 0; i < driverIds.size(); i++) {
                String field = "driverIds[" + i + "]";
                Driver d = driverIds.get(i) == null ? null : Driver.findById(driverIds.get(i));
                if (d == null) {
                    problems.add(new Violation(field, "no such driver"));
                } else if (!d.active) {
                    problems.add(new Violation(field, "the driver is inactive"));
                } else if (d.vehicleId == null) {
                    problems.add(new Violation(field, "the driver has no vehicle"));
                } else if (drivers.contains(d)) {
                    problems.add(new Violation(field, "is listed twice"));
                } else {
                    drivers.add(d);
                }
            }
        }
        Map<Long, Vehicle> byId = Vehicle.<Vehicle>list("id in ?1",
                drivers.stream().map(d -> d.vehicleId).distinct().toList()).stream()
                .collect(Collectors.toMap(v -> v.id, v -> v));
        List<Problem.Vehicle> vehicles = new ArrayList<>();
        for (Driver d : drivers) {
            Vehicle v = byId.get(d.vehicleId);
            if (v == null || !v.active) {
                problems.add(new Violation("driverIds", "driver " + d.id + "'s vehicle is inactive"));
                continue;
            }
            vehicles.add(new Problem.Vehicle(d.id, d.name, v.id, v.plate, VehicleKind.valueOf(v.kind.name()),
                    v.capacityCylinders, v.capacityKg, d.shiftStart, d.shiftEnd));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(new com.luckygas.common.Problem("about:blank", "Bad Request", 400,
                    "Some drivers cannot be planned.", problems));
        }
        if (vehicles.isEmpty()) {
            throw ProblemException.invalidField("driverIds", "no active driver with a vehicle to plan for");
        }
        return vehicles;
    }

    private Map<String, Inputs.Product> products(String token) {
        return call("delivery-service", () -> delivery.products(token)).stream()
                .collect(Collectors.toMap(Inputs.Product::code, p -> p));
    }

    private Map<Long, Inputs.Customer> customers(String token, List<Long> ids) {
        Map<Long, Inputs.Customer> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CustomerApi.MAX_IDS) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CustomerApi.MAX_IDS));
            call("customer-service", () -> customers.lookup(token, new Inputs.Lookup(chunk))).items()
                    .forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    /** The travel matrix for a plan's places: a road matrix when configured, else estimates. */
    TravelMatrix matrix(List<Coordinates> places) {
        if (settings.osrmUrl().isPresent() && !settings.osrmUrl().get().isBlank()) {
            return OsrmMatrix.matrix(settings.osrmUrl().get(), places, settings, json);
        }
        return GreatCircle.matrix(places, settings);
    }

    /** A call to another service; unreachable or failing, it is a 503 problem naming the service. */
    private static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException | ProcessingException | IllegalStateException e) {
            throw unavailable(service, e);
        }
    }

    /** Another service did not give route-service what it asked for: a 503 naming it, never its own status passed on. */
    private static ProblemException unavailable(String service, RuntimeException e) {
        String detail;
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            detail = status == 401 || status == 403 ? service + " refused route-service's request (" + status + ")"
                    : service + " answered " + status;
        } else if (e instanceof ProcessingException) {
            detail = service + " is unreachable; try again in a moment";
        } else {
            detail = service + ": " + e.getMessage();
        }
        return new ProblemException(new com.luckygas.common.Problem("about:blank", "Service Unavailable", 503, detail, List.of()));
    }

    private long persist(PlanRequest request, String user, Duration maxSolve, Problem problem) {
        RoutePlan plan = new RoutePlan();
        plan.planDate = request.date();
        plan.depotId = request.depotId();
        plan.status = RoutePlan.Status.SOLVING;
        plan.maxSolveSeconds = (int) Math.max(1, maxSolve.toSeconds());
        plan.createdBy = user;
        plan.persistAndFlush();
        for (Problem.Vehicle v : problem.vehicles()) {
            PlanRoute route = new PlanRoute();
            route.planId = plan.id;
            route.driverId = v.driverId();
            route.driverName = v.driverName();
            route.vehicleId = v.vehicleId();
            route.vehiclePlate = v.plate();
            route.vehicleKind = v.kind().name();
            route.capacityCylinders = v.capacityCylinders();
            route.capacityKg = v.capacityKg();
            route.shiftStart = v.shiftStart();
            route.shiftEnd = v.shiftEnd();
            route.persist();
        }
        for (Problem.PlannedStop s : problem.stops()) {
            newStop(plan.id, s).persist();
        }
        return plan.id;
    }

    private PlanStop newStop(long planId, Problem.PlannedStop s) {
        PlanStop stop = new PlanStop();
        stop.planId = planId;
        stop.orderId = s.orderId();
        stop.customerId = s.customerId();
        stop.latitude = s.at() == null ? null : BigDecimal.valueOf(s.at().latitude()).setScale(6, RoundingMode.HALF_UP);
        stop.longitude = s.at() == null ? null : BigDecimal.valueOf(s.at().longitude()).setScale(6, RoundingMode.HALF_UP);
        stop.cylinders = s.cylinders();
        stop.loadKg = s.loadKg().setScale(1, RoundingMode.CEILING);
        stop.readyS = s.ready();
        stop.dueS = s.due();
        stop.serviceS = s.service();
        stop.access = s.access().name();
        stop.plannable = s.reason() == null;
        stop.unplannedReason = s.reason();
        stop.door = toJson(s.door());
        return stop;
    }

    /**
     * Stores a solved (or changed) plan: each route's stops in order with planned times and legs,
     * the routes' totals, the unplanned orders with the reason, the score and broken constraints.
     */
    void store(long planId, Problem problem, RoutePlanSolution solution, RoutePlan.Status status) {
        RoutePlan plan = RoutePlan.findById(planId);
        if (plan == null) {
            return;
        }
        Map<Long, PlanStop> stops = PlanStop.<PlanStop>list("planId", planId).stream()
                .collect(Collectors.toMap(s -> s.orderId, s -> s));
        Map<String, PlanRoute> routes = PlanRoute.<PlanRoute>list("planId", planId).stream()
                .collect(Collectors.toMap(r -> r.driverId, r -> r));
        TravelMatrix matrix = solution.getVehicles().isEmpty() ? null : solution.getVehicles().get(0).getMatrix();
        long totalDistance = 0;
        long totalDuration = 0;
        for (RouteVehicle v : solution.getVehicles()) {
            PlanRoute route = routes.get(v.getId());
            int at = v.getDepot();
            long distance = 0;
            int cylinders = 0;
            BigDecimal load = BigDecimal.ZERO;
            for (int seq = 0; seq < v.getStops().size(); seq++) {
                Stop s = v.getStops().get(seq);
                PlanStop row = stops.get(Long.parseLong(s.getId()));
                row.driverId = v.getId();
                row.seq = seq + 1;
                row.arrivalS = toInt(s.getArrivalTime());
                row.startS = toInt(s.getServiceStart());
                row.departureS = toInt(s.getDepartureTime());
                row.legDistanceM = matrix.distance(at, s.getLocation());
                row.legDurationS = v.time(at, s.getLocation());
                row.unplannedReason = null;
                distance += row.legDistanceM;
                cylinders += row.cylinders;
                load = load.add(row.loadKg);
                at = s.getLocation();
            }
            if (!v.getStops().isEmpty()) {
                distance += matrix.distance(at, v.getDepot());
            }
            route.stopCount = v.getStops().size();
            route.cylinders = cylinders;
            route.loadKg = load;
            route.distanceM = distance;
            route.returnS = v.getStops().isEmpty() ? null : (int) v.getReturnTime();
            route.durationS = v.getStops().isEmpty() ? 0 : v.getReturnTime() - v.getStartTime();
            totalDistance += distance;
            totalDuration += route.durationS;
        }
        for (Stop s : solution.getStops()) {
            if (s.getVehicle() == null) {
                PlanStop row = stops.get(Long.parseLong(s.getId()));
                row.driverId = null;
                row.seq = null;
                row.arrivalS = row.startS = row.departureS = null;
                row.legDistanceM = row.legDurationS = null;
                row.unplannedReason = unplannedReason(s, solution);
            }
        }
        HardMediumSoftLongScore score = solution.getScore();
        plan.status = status;
        plan.hardScore = score == null ? null : score.hardScore();
        plan.mediumScore = score == null ? null : score.mediumScore();
        plan.softScore = score == null ? null : score.softScore();
        plan.distanceM = totalDistance;
        plan.durationS = totalDuration;
        plan.violations = score != null && score.hardScore() < 0 ? toJson(broken(solution)) : null;
        if (plan.solvedAt == null) {
            plan.solvedAt = OffsetDateTime.now();
        }
    }

    private static Integer toInt(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    /** Why the solver left a plannable order out. */
    static String unplannedReason(Stop stop, RoutePlanSolution solution) {
        List<RouteVehicle> allowed = solution.getVehicles().stream()
                .filter(v -> stop.getAccess().allows(v.getKind())).toList();
        if (allowed.isEmpty()) {
            return "no planned vehicle reaches this customer";
        }
        boolean reachable = allowed.stream().anyMatch(v -> {
            long arrive = v.getStartTime() + v.time(v.getDepot(), stop.getLocation());
            long start = Math.max(arrive, stop.getReadyTime());
            return start <= stop.getDueTime()
                    && start + stop.getServiceDuration() + v.time(stop.getLocation(), v.getDepot()) <= v.getEndTime();
        });
        if (!reachable) {
            return "its time window cannot be reached within any driver's shift";
        }
        return "no room left on the day's routes (vehicle capacity, time windows or shift end)";
    }

    /** The hard constraints a solution breaks, one entry per match. */
    List<Broken> broken(RoutePlanSolution solution) {
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutionManager.analyze(solution, ScoreAnalysisFetchPolicy.FETCH_ALL);
        List<Broken> broken = new ArrayList<>();
        analysis.constraintMap().values().forEach(constraint -> {
            if (constraint.score().hardScore() >= 0 || constraint.matches() == null) {
                return;
            }
            constraint.matches().forEach(match -> {
                List<Long> orders = new ArrayList<>();
                String driver = null;
                if (match.justification() instanceof DefaultConstraintJustification j) {
                    for (Object fact : j.getFacts()) {
                        if (fact instanceof Stop s) {
                            orders.add(Long.parseLong(s.getId()));
                            driver = s.getVehicle() == null ? driver : s.getVehicle().getId();
                        } else if (fact instanceof RouteVehicle v) {
                            driver = v.getId();
                        }
                    }
                }
                broken.add(new Broken(constraint.constraintRef().constraintName(), driver, orders,
                        -match.score().hardScore()));
            });
        });
        return broken;
    }

    // ------------------------------------------------------------------ rebuilding a stored plan

    /** A stored plan as a solver problem with its current routes (for a change by hand). */
    Problem rebuild(RoutePlan plan, List<Problem.PlannedStop> extra) {
        Depot depot = Depot.findById(plan.depotId);
        List<PlanStop> rows = PlanStop.list("planId = ?1 order by orderId", plan.id);
        List<Problem.Vehicle> vehicles = vehicles(plan.id);
        List<Problem.PlannedStop> stops = new ArrayList<>();
        Map<String, List<Long>> assignment = new LinkedHashMap<>();
        rows.stream().filter(r -> r.driverId != null).sorted(Comparator.comparing((PlanStop r) -> r.driverId)
                        .thenComparing(r -> r.seq))
                .forEach(r -> assignment.computeIfAbsent(r.driverId, k -> new ArrayList<>()).add(r.orderId));
        for (PlanStop r : rows) {
            stops.add(new Problem.PlannedStop(r.orderId, r.customerId,
                    r.latitude == null ? null : new Coordinates(r.latitude.doubleValue(), r.longitude.doubleValue()),
                    r.cylinders, r.loadKg, r.readyS, r.dueS, r.serviceS, Access.valueOf(r.access),
                    r.plannable ? null : r.unplannedReason, fromJson(r.door)));
        }
        stops.addAll(extra);
        Coordinates depotAt = new Coordinates(depot.latitude.doubleValue(), depot.longitude.doubleValue());
        return Problem.assemble(depotAt, vehicles, stops, this::matrix, ConstraintWeightOverrides.none(), assignment);
    }

    /** A stored plan's drivers with their vehicles as planned, by driver id. Needs a transaction. */
    private static List<Problem.Vehicle> vehicles(long planId) {
        return PlanRoute.<PlanRoute>list("planId = ?1 order by driverId", planId).stream()
                .map(r -> new Problem.Vehicle(r.driverId, r.driverName, r.vehicleId, r.vehiclePlate,
                        VehicleKind.valueOf(r.vehicleKind), r.capacityCylinders, r.capacityKg, r.shiftStart, r.shiftEnd))
                .toList();
    }

    RoutePlan plan(long planId) {
        RoutePlan plan = RoutePlan.findById(planId);
        if (plan == null) {
            throw ProblemException.notFound("There is no route plan " + planId + ".");
        }
        return plan;
    }

    private static void requireChangeable(RoutePlan plan) {
        if (plan.status != RoutePlan.Status.READY && plan.status != RoutePlan.Status.PUBLISHED) {
            throw ProblemException.conflict("The plan is " + plan.status + "; only a READY or PUBLISHED plan can change.");
        }
    }

    /** An order not in the plan yet (an urgent one), read with the user's token. */
    private Problem.PlannedStop fetchStop(RoutePlan plan, long orderId, String userToken) {
        Inputs.Order order;
        try {
            order = delivery.order(userToken, orderId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ProblemException.invalidField("orderId", "no such order");
            }
            throw unavailable("delivery-service", e); // any other answer: 503 naming delivery-service
        } catch (ProcessingException e) {
            throw unavailable("delivery-service", e);
        }
        if (!order.requestedDate().equals(plan.planDate)) {
            throw ProblemException.invalidField("orderId", "is for " + order.requestedDate() + ", not " + plan.planDate);
        }
        if (!"PENDING".equals(order.status()) && !"ASSIGNED".equals(order.status())) {
            throw ProblemException.invalidField("orderId", "is " + order.status() + " and cannot be planned");
        }
        Map<Long, Inputs.Customer> found = customers(userToken, List.of(order.customerId()));
        List<Problem.Vehicle> vehicles = QuarkusTransaction.requiringNew().call(() -> vehicles(plan.id));
        Problem.PlannedStop stop = Problem.stops(plan.planDate, List.of(order), found, products(userToken), vehicles, settings).get(0);
        if (stop.reason() != null) {
            throw ProblemException.invalidField("orderId", "cannot be planned: " + stop.reason());
        }
        return stop;
    }

    // ------------------------------------------------------------------ changes by hand

    /**
     * What a move did. {@code notPublished} is set when the move is saved but publishing it to
     * delivery-service failed: the plan and the drivers' orders differ until it is published again.
     */
    public record MoveResult(long planId, List<Broken> broken, DeliveryApi.Publication publication, String notPublished) {
    }

    /**
     * Moves an order to a driver's route at a position (1 = first; default: last), or off every
     * route ({@code driverId == null}). An order not in the plan yet is added. Times are
     * recomputed; broken hard constraints are reported, not refused. A published plan is
     * published again, so that the driver's day and delivery-service agree.
     */
    public MoveResult move(long planId, long orderId, String driverId, Integer position, Long version, String userToken) {
        Problem problem;
        RoutePlan plan = QuarkusTransaction.requiringNew().call(() -> plan(planId));
        requireChangeable(plan);
        if (version != null && version != plan.version) {
            throw stale(plan.version);
        }
        long seen = plan.version;
        PlanStop existing = QuarkusTransaction.requiringNew().call(() ->
                PlanStop.<PlanStop>find("planId = ?1 and orderId = ?2", planId, orderId).firstResult());
        if (existing != null && !existing.plannable) {
            throw ProblemException.invalidField("orderId", "cannot be planned: " + existing.unplannedReason);
        }
        Problem.PlannedStop added = existing != null ? null : fetchStop(plan, orderId, userToken);
        problem = QuarkusTransaction.requiringNew().call(() -> rebuild(plan, added == null ? List.of() : List.of(added)));
        RoutePlanSolution solution = problem.solution();
        Stop stop = solution.getStops().stream().filter(s -> s.getId().equals(String.valueOf(orderId))).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("orderId", "cannot be planned"));
        RouteVehicle target = null;
        if (driverId != null) {
            target = solution.getVehicles().stream().filter(v -> v.getId().equals(driverId)).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("driverId", "has no route in this plan"));
        }
        for (RouteVehicle v : solution.getVehicles()) {
            v.getStops().remove(stop);
        }
        if (target != null) {
            int size = target.getStops().size();
            int index = position == null ? size : position - 1;
            if (index < 0 || index > size) {
                throw ProblemException.invalidField("position", "must be between 1 and " + (size + 1));
            }
            target.getStops().add(index, stop);
        }
        solutionManager.update(solution);
        List<Broken> broken = broken(solution);
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
                newStop(planId, added).persist();
            }
            store(planId, problem, solution, current.status);
            current.violations = broken.isEmpty() ? null : toJson(broken);
            // changed, even when the move left every field as it was: the version moves on with each move
            // (a lock mode cannot do it here: the row's PESSIMISTIC_WRITE already outranks a force increment)
            current.updatedAt = OffsetDateTime.now();
        });
        if (plan.status != RoutePlan.Status.PUBLISHED) {
            return new MoveResult(planId, broken, null, null);
        }
        try {
            return new MoveResult(planId, broken, publish(planId, userToken).publication(), null);
        } catch (ProblemException e) {
            if (e.problem().status() != 503) {
                throw e;
            }
            // the move is saved: say so, and what is left to do, rather than a 503 that reads as "nothing happened"
            LOG.warnf("Plan %d: move saved, publishing it failed: %s", planId, e.problem().detail());
            return new MoveResult(planId, broken, null, e.problem().detail()
                    + " The move is saved; publish the plan again (POST /api/routes/plans/" + planId + "/publish).");
        }
    }

    private static ProblemException stale(long current) {
        return new ProblemException(new com.luckygas.common.Problem("about:blank", "Conflict", 409,
                "The plan changed since it was read (now version " + current + "); reload it and move again.",
                List.of(new com.luckygas.common.Problem.Violation("version", "is not the plan's current version"))));
    }

    /**
     * Where an urgent order fits best in a plan's routes (Timefold's recommendation API): the
     * options, best first, with what each costs (score difference; soft = extra travel seconds).
     */
    public List<Option> recommend(long planId, long orderId, int limit, String userToken) {
        RoutePlan plan = QuarkusTransaction.requiringNew().call(() -> plan(planId));
        requireChangeable(plan);
        PlanStop existing = QuarkusTransaction.requiringNew().call(() ->
                PlanStop.<PlanStop>find("planId = ?1 and orderId = ?2", planId, orderId).firstResult());
        if (existing != null && existing.driverId != null) {
            throw ProblemException.conflict("Order " + orderId + " is already on " + existing.driverId
                    + "'s route; move it instead.");
        }
        if (existing != null && !existing.plannable) {
            throw ProblemException.invalidField("orderId", "cannot be planned: " + existing.unplannedReason);
        }
        Problem.PlannedStop added = existing == null ? fetchStop(plan, orderId, userToken) : null;
        Problem problem = QuarkusTransaction.requiringNew().call(() -> rebuild(plan, added == null ? List.of() : List.of(added)));
        RoutePlanSolution solution = problem.solution();
        Stop stop = solution.getStops().stream().filter(s -> s.getId().equals(String.valueOf(orderId))).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("orderId", "cannot be planned"));
        HardMediumSoftLongScore before = solutionManager.update(solution);
        List<RecommendedAssignment<Placement, HardMediumSoftLongScore>> options = solutionManager.recommendAssignment(
                solution, stop, s -> s.getVehicle() == null ? new Placement(null, 0, null)
                        : new Placement(s.getVehicle().getId(), s.getVehicle().getStops().indexOf(s) + 1, s.getArrivalTime()),
                ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        // leaving it unplanned is one of Timefold's options: not a place to offer
        return options.stream().filter(o -> o.proposition().driverId() != null).limit(limit).map(o -> {
            HardMediumSoftLongScore diff = o.scoreAnalysisDiff().score();
            return new Option(o.proposition().driverId(), o.proposition().position(),
                    PlanViews.time(o.proposition().arrivalSecond()), before.hardScore() + diff.hardScore() >= 0,
                    diff.hardScore(), diff.mediumScore(), diff.softScore(), diff.toString());
        }).toList();
    }

    // ------------------------------------------------------------------ publishing

    public record Published(long planId, DeliveryApi.Publication publication) {
    }

    /**
     * Publishes a plan: one call assigns every planned order to its driver and route in
     * delivery-service (with the user's token) and releases the plan's unplanned orders; the
     * day's earlier published plan is superseded. Publishing again changes nothing.
     */
    public Published publish(long planId, String userToken) {
        RoutePlan plan = QuarkusTransaction.requiringNew().call(() -> plan(planId));
        requireChangeable(plan);
        List<PlanStop> rows = QuarkusTransaction.requiringNew().call(() ->
                PlanStop.<PlanStop>list("planId = ?1 order by driverId, seq", planId));
        Map<String, List<Long>> byDriver = new LinkedHashMap<>();
        List<Long> release = new ArrayList<>();
        for (PlanStop r : rows) {
            if (r.driverId == null) {
                release.add(r.orderId);
            } else {
                byDriver.computeIfAbsent(r.driverId, k -> new ArrayList<>()).add(r.orderId);
            }
        }
        DeliveryApi.RouteAssignment assignment = new DeliveryApi.RouteAssignment(planId,
                byDriver.entrySet().stream().map(e -> new DeliveryApi.RouteAssignment.DriverStops(e.getKey(), e.getValue())).toList(),
                release);
        DeliveryApi.Publication publication = call("delivery-service", () -> delivery.publish(userToken, assignment));
        QuarkusTransaction.requiringNew().run(() -> {
            RoutePlan current = plan(planId);
            RoutePlan.update("status = ?1, updatedAt = ?2 where planDate = ?3 and status = ?4 and id <> ?5",
                    RoutePlan.Status.SUPERSEDED, OffsetDateTime.now(), current.planDate, RoutePlan.Status.PUBLISHED, planId);
            current.status = RoutePlan.Status.PUBLISHED;
            current.publishedAt = OffsetDateTime.now();
        });
        return new Published(planId, publication);
    }

    // ------------------------------------------------------------------ JSON

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Problem.Door fromJson(String door) {
        try {
            return json.readValue(door, Problem.Door.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
