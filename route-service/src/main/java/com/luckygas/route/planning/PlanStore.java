package com.luckygas.route.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.common.ProblemException;
import com.luckygas.route.planning.DayProblem.CarriedStop;
import com.luckygas.route.planning.DayProblem.Finished;
import com.luckygas.route.planning.DayProblem.PlannedStop;
import com.luckygas.route.planning.DayProblem.Route;
import com.luckygas.route.planning.domain.Access;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import com.luckygas.route.planning.domain.Visit;
import com.luckygas.route.planning.store.PlanRoute;
import com.luckygas.route.planning.store.PlanStop;
import com.luckygas.route.planning.store.RoutePlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plans in the database: a new plan with its drivers and every stop's problem data; a solved or
 * changed plan's routes (history, carried stops, then the planned ones with times, trips and
 * legs), totals and score; and what a stored plan says back (its drivers, stops, and routes in
 * order) for a change by hand or a re-plan. Every method needs a transaction.
 */
@ApplicationScoped
public class PlanStore {

    private final ObjectMapper json;
    private final RouteChecks checks;

    PlanStore(ObjectMapper json, RouteChecks checks) {
        this.json = json;
        this.checks = checks;
    }

    /** Stores a new plan, SOLVING, with one route per driver and every stop's problem data; returns its id. */
    public long persist(LocalDate date, long depotId, String user, Duration maxSolve, DayProblem problem) {
        RoutePlan plan = new RoutePlan();
        plan.planDate = date;
        plan.depotId = depotId;
        plan.status = RoutePlan.Status.SOLVING;
        plan.maxSolveSeconds = (int) Math.max(1, maxSolve.toSeconds());
        plan.createdBy = user;
        plan.persistAndFlush();
        for (Route r : problem.routes()) {
            DayProblem.Vehicle v = r.vehicle();
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
            route.breakFrom = v.breakFrom();
            route.breakUntil = v.breakUntil();
            route.breakMinutes = v.breakMinutes();
            route.takesNew = v.takesNew();
            route.setOut = r.progress().setOut();
            route.startS = r.startS();
            route.persist();
        }
        for (PlannedStop s : problem.stops()) {
            newStop(plan.id, s).persist();
        }
        return plan.id;
    }

    public PlanStop newStop(long planId, PlannedStop s) {
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
     * Stores a solved (or changed) plan: each driver's route in order — his delivered and failed
     * stops as they happened, the stops he carries, then the solver's with their times, trips,
     * reloads and legs — the routes' totals and breaks, the unplanned orders with the reason, the
     * score and the broken constraints.
     */
    public void store(long planId, DayProblem problem, RoutePlanSolution solution, RoutePlan.Status status,
                      List<RouteChecks.Broken> broken) {
        HardMediumSoftLongScore score = solution.getScore();
        Map<String, RouteVehicle> solved = solution.getVehicles().stream().collect(Collectors.toMap(RouteVehicle::getId, v -> v));
        RoutePlan plan = RoutePlan.findById(planId);
        if (plan == null) {
            return;
        }
        Map<Long, PlanStop> stops = PlanStop.<PlanStop>list("planId", planId).stream()
                .collect(Collectors.toMap(s -> s.orderId, s -> s));
        Map<String, PlanRoute> routes = PlanRoute.<PlanRoute>list("planId", planId).stream()
                .collect(Collectors.toMap(r -> r.driverId, r -> r));
        stops.values().forEach(PlanStore::clearRoute);
        problem.takenBack().forEach((orderId, driver) -> {
            PlanStop row = stops.get(orderId);
            if (row != null) {
                row.takenFrom = driver;
            }
        });
        TravelMatrix matrix = problem.matrix();
        long totalDistance = 0;
        long totalDuration = 0;
        for (Route r : problem.routes()) {
            PlanRoute route = routes.get(r.vehicle().driverId());
            RouteWriter writer = new RouteWriter(r, solved.getOrDefault(r.vehicle().driverId(), r.solverVehicle()), route,
                    stops, problem, matrix);
            writer.write();
            totalDistance += route.distanceM;
            totalDuration += route.durationS;
        }
        for (Stop s : solution.getStops()) {
            if (s.getVehicle() == null) {
                stops.get(Long.parseLong(s.getId())).unplannedReason = checks.unplannedReason(s, solution);
            }
        }
        plan.status = status;
        plan.hardScore = score == null ? null : score.hardScore();
        plan.mediumScore = score == null ? null : score.mediumScore();
        plan.softScore = score == null ? null : score.softScore();
        plan.distanceM = totalDistance;
        plan.durationS = totalDuration;
        plan.violations = broken == null || broken.isEmpty() ? null : toJson(broken);
        if (plan.solvedAt == null) {
            plan.solvedAt = OffsetDateTime.now();
        }
    }

    private static void clearRoute(PlanStop row) {
        row.driverId = null;
        row.seq = null;
        row.state = PlanStop.State.PLANNED;
        row.finishedAt = null;
        row.arrivalS = row.startS = row.departureS = null;
        row.legDistanceM = row.legDurationS = null;
        row.trip = null;
        row.reloadBefore = false;
        row.depotDepartureS = row.depotReturnS = null;
        row.takenFrom = null;
    }

    /** Writes one driver's route into its rows and totals. */
    private static final class RouteWriter {
        private final Route r;
        private final RouteVehicle rest;
        private final PlanRoute route;
        private final Map<Long, PlanStop> stops;
        private final DayProblem problem;
        private final TravelMatrix matrix;
        private final VehicleKind kind;
        private int seq;
        private int at;
        private long distance;
        private int cylinders;
        private BigDecimal load = BigDecimal.ZERO;
        private int trips;
        private Integer breakStart;
        private PlanStop previousRow;

        RouteWriter(Route r, RouteVehicle rest, PlanRoute route, Map<Long, PlanStop> stops, DayProblem problem,
                    TravelMatrix matrix) {
            this.r = r;
            this.rest = rest;
            this.route = route;
            this.stops = stops;
            this.problem = problem;
            this.matrix = matrix;
            this.kind = r.vehicle().kind();
        }

        void write() {
            for (Finished f : r.progress().finished()) {
                PlanStop row = stops.get(f.orderId());
                if (row == null) {
                    continue;
                }
                place(row);
                row.state = f.delivered() ? PlanStop.State.DONE : PlanStop.State.FAILED;
                row.finishedAt = f.at();
                row.trip = f.trip();
                Integer location = problem.location(f.orderId());
                if (location != null) {
                    at = location;
                }
                trips = Math.max(trips, f.trip() == null ? 1 : f.trip());
            }
            at = r.carrier().getStartLocation();
            Visit last = null;
            RouteVehicle lastVehicle = r.carrier();
            for (CarriedStop c : r.carried()) {
                PlanStop row = stops.get(c.orderId());
                if (row == null) {
                    continue;
                }
                place(row);
                row.state = PlanStop.State.CARRIED;
                row.trip = Math.max(1, r.progress().trip());
                trips = Math.max(trips, row.trip);
                if (c.visit() != null) {
                    timed(row, c.visit(), r.carrier());
                    last = c.visit();
                }
            }
            if (r.vehicle().takesNew()) {
                if (last == null) {
                    at = rest.getStartLocation();
                }
                for (Stop s : rest.getStops()) {
                    PlanStop row = stops.get(Long.parseLong(s.getId()));
                    place(row);
                    row.state = PlanStop.State.PLANNED;
                    Visit visit = s.getVisit();
                    if (visit != null) {
                        row.trip = visit.trip();
                        trips = Math.max(trips, visit.trip());
                        row.reloadBefore = visit.reloadBefore();
                        row.depotDepartureS = visit.leftDepot() < 0 ? null : Math.toIntExact(visit.leftDepot());
                        if (visit.reloadBefore() && previousRow != null) {
                            previousRow.depotReturnS = Math.toIntExact(visit.leftDepot() - Math.max(0, rest.getReloadSeconds()));
                        }
                        timed(row, visit, rest);
                        last = visit;
                        lastVehicle = rest;
                    }
                }
            }
            Long back = last == null ? null : lastVehicle.returnAfter(last);
            if (last != null) {
                distance += matrix.distance(at, 0);
                if (breakStart == null && lastVehicle.breakAfter(last) >= 0) {
                    breakStart = Math.toIntExact(lastVehicle.breakAfter(last));
                }
                if (previousRow != null) {
                    previousRow.depotReturnS = Math.toIntExact(back);
                }
            }
            route.stopCount = seq;
            route.cylinders = cylinders;
            route.loadKg = load;
            route.distanceM = distance;
            route.returnS = back == null ? null : Math.toIntExact(back);
            route.durationS = back == null ? 0 : back - r.startS();
            route.startS = r.startS();
            route.setOut = r.progress().setOut();
            route.breakStartS = breakStart;
            route.trips = trips;
        }

        private void place(PlanStop row) {
            row.driverId = route.driverId;
            row.seq = ++seq;
            cylinders += row.cylinders;
            load = load.add(row.loadKg);
        }

        /** The stop's times from its visit; the leg from the previous place (through the depot after a reload). */
        private void timed(PlanStop row, Visit visit, RouteVehicle vehicle) {
            int to = visit.location();
            long legDistance;
            long legDuration;
            if (visit.reloadBefore()) {
                legDistance = matrix.distance(at, 0) + matrix.distance(0, to);
                legDuration = matrix.time(kind, at, 0) + matrix.time(kind, 0, to);
            } else {
                legDistance = matrix.distance(at, to);
                legDuration = matrix.time(kind, at, to);
            }
            row.arrivalS = Math.toIntExact(visit.arrival());
            row.startS = Math.toIntExact(visit.serviceStart());
            row.departureS = Math.toIntExact(visit.departure());
            row.legDistanceM = legDistance;
            row.legDurationS = legDuration;
            if (visit.breakStart() >= 0 && breakStart == null) {
                breakStart = Math.toIntExact(visit.breakStart());
            }
            distance += legDistance;
            at = to;
            previousRow = row;
        }
    }

    // ------------------------------------------------------------------ what a stored plan says

    /** The plan, or a 404 problem. */
    public RoutePlan plan(long planId) {
        RoutePlan plan = RoutePlan.findById(planId);
        if (plan == null) {
            throw ProblemException.notFound("There is no route plan " + planId + ".");
        }
        return plan;
    }

    public List<PlanStop> rows(long planId) {
        return PlanStop.list("planId = ?1 order by driverId, seq, orderId", planId);
    }

    /** A stored plan's drivers with their vehicles as planned, by driver id. */
    public List<DayProblem.Vehicle> vehicles(long planId) {
        return PlanRoute.<PlanRoute>list("planId = ?1 order by driverId", planId).stream()
                .map(r -> new DayProblem.Vehicle(r.driverId, r.driverName, r.vehicleId, r.vehiclePlate,
                        VehicleKind.valueOf(r.vehicleKind), r.capacityCylinders, r.capacityKg, r.shiftStart, r.shiftEnd,
                        r.breakFrom, r.breakUntil, r.breakMinutes, r.takesNew))
                .toList();
    }

    /** A stored stop's problem data, as it was when planned. */
    public PlannedStop stopOf(PlanStop r) {
        return new PlannedStop(r.orderId, r.customerId,
                r.latitude == null ? null : new Coordinates(r.latitude.doubleValue(), r.longitude.doubleValue()),
                r.cylinders, r.loadKg, r.readyS, r.dueS, r.serviceS, Access.valueOf(r.access),
                r.plannable ? null : r.unplannedReason, fromJson(r.door));
    }

    /** Each driver's stops in the order of his route (driver id → order ids). */
    public static Map<String, List<Long>> routesOf(List<PlanStop> rows) {
        Map<String, List<Long>> routes = new LinkedHashMap<>();
        rows.stream().filter(r -> r.driverId != null)
                .sorted(java.util.Comparator.comparing((PlanStop r) -> r.driverId).thenComparing(r -> r.seq))
                .forEach(r -> routes.computeIfAbsent(r.driverId, k -> new ArrayList<>()).add(r.orderId));
        return routes;
    }

    /** A plan's routes (driver id → order ids in order) and where it placed each driver's break (seconds of the day). */
    public record Routes(Map<String, List<Long>> routes, Map<String, Integer> breaks) {
        public static final Routes NONE = new Routes(Map.of(), Map.of());
    }

    /** The routes of the depot's latest published plan of the day, none when there is none. */
    public Routes publishedRoutes(LocalDate date, long depotId) {
        RoutePlan published = RoutePlan.find("planDate = ?1 and depotId = ?2 and status = ?3 order by id desc", date, depotId,
                RoutePlan.Status.PUBLISHED).firstResult();
        return published == null ? Routes.NONE : new Routes(routesOf(rows(published.id)), breaks(published.id));
    }

    /** Where a plan placed each driver's break. */
    public Map<String, Integer> breaks(long planId) {
        Map<String, Integer> breaks = new LinkedHashMap<>();
        PlanRoute.<PlanRoute>list("planId", planId).stream().filter(r -> r.breakStartS != null)
                .forEach(r -> breaks.put(r.driverId, r.breakStartS));
        return breaks;
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    DayProblem.Door fromJson(String door) {
        try {
            return json.readValue(door, DayProblem.Door.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
