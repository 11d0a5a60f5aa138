package com.luckygas.route.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import com.luckygas.route.planning.domain.Access;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.Visit;
import com.luckygas.route.planning.domain.VehicleKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A depot's day as the solver sees it, at a moment of that day: the drivers with their vehicles,
 * every order of the depot's territory as a stop (those that cannot be planned carry the reason),
 * what each driver has already done and carries, and the Timefold solution over the stops still
 * free to plan. Built from what delivery-service and customer-service answer ({@link DayStops}),
 * or rebuilt from a stored plan with the day's latest state.
 * <p>
 * A driver who has set out goes on from where he is: his delivered and failed stops are history,
 * the stops he carries follow in their order from his last stop (place and time, never before
 * now), and only then may the solver give him more, after a reload at the depot. A driver still
 * at the depot starts at the later of his shift's start and now.
 */
public final class DayProblem {

    /** A driver with his vehicle; {@code takesNew} false: in the plan only for what he did or carries. */
    public record Vehicle(String driverId, String driverName, Long vehicleId, String plate, VehicleKind kind,
                          int capacityCylinders, BigDecimal capacityKg, LocalTime shiftStart, LocalTime shiftEnd,
                          LocalTime breakFrom, LocalTime breakUntil, int breakMinutes, boolean takesNew) {
    }

    /** What the driver needs at the door. */
    public record Door(String customerCode, String customerName, String address, List<String> phones,
                       String deliveryNotes, String orderNotes, List<Inputs.OrderItem> items, String paymentMethod,
                       long cashToCollect, LocalTime windowStart, LocalTime windowEnd) {
    }

    /** One order of the day, plannable ({@code reason == null}) or not. Times in seconds of the day. */
    public record PlannedStop(long orderId, long customerId, Coordinates at, int cylinders, BigDecimal loadKg,
                              int ready, int due, int service, Access access, String reason, Door door) {

        /** The load in tenths of a kilogram, rounded up: how the solver compares it with a vehicle's capacity. */
        public long decikg() {
            return loadKg.movePointRight(1).setScale(0, RoundingMode.CEILING).longValue();
        }
    }

    /** A stop a driver has delivered ({@code delivered}) or failed, and when (seconds of the day, and the instant). */
    public record Finished(long orderId, boolean delivered, int atS, OffsetDateTime at, Integer trip) {
    }

    /**
     * What a driver has done and carries when the plan is made: finished stops in the order they
     * happened, the stops he set out with in the order he drives them, his current trip, when he
     * set out, and when the plan he drives placed his break (seconds of the day; a break placed
     * before now is taken).
     */
    public record Progress(List<Finished> finished, List<Long> carried, int trip, Integer outS, Integer breakS) {

        public static final Progress NONE = new Progress(List.of(), List.of(), 0, null, null);

        /** He has left the depot today: what is still to come needs a reload first. */
        public boolean setOut() {
            return !finished.isEmpty() || !carried.isEmpty();
        }
    }

    /** A stop a driver carries, with its times as he goes on from where he is ({@code visit} null: no place to go to). */
    public record CarriedStop(long orderId, Visit visit) {
    }

    /**
     * One driver's day in the problem: his progress, the stops he carries with their times, and the
     * solver's vehicle for the rest (in the solution only when he takes new stops).
     */
    public record Route(Vehicle vehicle, Progress progress, int startS, List<CarriedStop> carried, RouteVehicle solverVehicle,
                        RouteVehicle carrier) {

        /** Back at the depot when nothing follows what he carries. */
        public Long returnAfterCarried() {
            for (int i = carried.size() - 1; i >= 0; i--) {
                if (carried.get(i).visit() != null) {
                    return carrier.returnAfter(carried.get(i).visit());
                }
            }
            return null;
        }
    }

    private final Coordinates depot;
    private final List<Route> routes;
    private final Map<Long, PlannedStop> stops;
    private final Map<Long, Integer> locations;
    private final TravelMatrix matrix;
    private final RoutePlanSolution solution;
    private final Map<Long, String> takenBack;

    private DayProblem(Coordinates depot, List<Route> routes, Map<Long, PlannedStop> stops, Map<Long, Integer> locations,
                       TravelMatrix matrix, RoutePlanSolution solution, Map<Long, String> takenBack) {
        this.depot = depot;
        this.routes = routes;
        this.stops = stops;
        this.locations = locations;
        this.matrix = matrix;
        this.solution = solution;
        this.takenBack = takenBack;
    }

    /** Orders the office took from the driver who set out with them (order → that driver). */
    public Map<Long, String> takenBack() {
        return takenBack;
    }

    public Coordinates depot() {
        return depot;
    }

    public List<Route> routes() {
        return routes;
    }

    public List<Vehicle> vehicles() {
        return routes.stream().map(Route::vehicle).toList();
    }

    public List<PlannedStop> stops() {
        return List.copyOf(stops.values());
    }

    public PlannedStop stop(long orderId) {
        return stops.get(orderId);
    }

    /** The stop's place in the matrix (0 is the depot), or null when it has no coordinates. */
    public Integer location(long orderId) {
        return locations.get(orderId);
    }

    public TravelMatrix matrix() {
        return matrix;
    }

    public RoutePlanSolution solution() {
        return solution;
    }

    /**
     * The solver's view of the day: location 0 is the depot, then each stop with coordinates in
     * turn. {@code progress}: what each driver has done and carries (none for a plan of a coming
     * day); {@code nowS}: the moment of the day the plan starts from (0 for a coming day).
     * {@code assignment} (driver id → order ids in order) puts the free stops on routes: a stored
     * plan rebuilt, or a re-plan starting from the routes published.
     */
    public static DayProblem assemble(Coordinates depot, List<Vehicle> vehicles, List<PlannedStop> stops,
                                      Map<String, Progress> progress, int nowS, long reloadSeconds,
                                      Function<List<Coordinates>, TravelMatrix> matrixSource,
                                      ConstraintWeightOverrides<HardMediumSoftLongScore> weights,
                                      Map<String, List<Long>> assignment, Map<Long, String> takenBack) {
        Map<Long, PlannedStop> byId = new LinkedHashMap<>();
        stops.forEach(s -> byId.put(s.orderId(), s));
        java.util.Set<Long> taken = new java.util.HashSet<>();
        progress.values().forEach(p -> {
            p.finished().forEach(f -> taken.add(f.orderId()));
            taken.addAll(p.carried());
        });
        List<Coordinates> places = new ArrayList<>();
        places.add(depot);
        Map<Long, Integer> locations = new HashMap<>();
        for (PlannedStop s : stops) {
            if (s.at() != null && (s.reason() == null || taken.contains(s.orderId()))) {
                locations.put(s.orderId(), places.size());
                places.add(s.at());
            }
        }
        TravelMatrix matrix = matrixSource.apply(places);
        Map<Long, Stop> free = new LinkedHashMap<>();
        for (PlannedStop s : stops) {
            if (s.reason() == null && s.at() != null && !taken.contains(s.orderId())) {
                free.put(s.orderId(), new Stop(String.valueOf(s.orderId()), locations.get(s.orderId()), s.cylinders(),
                        s.decikg(), s.ready(), s.due(), s.service(), s.access()));
            }
        }
        List<Route> routes = new ArrayList<>();
        List<RouteVehicle> solverVehicles = new ArrayList<>();
        for (Vehicle v : vehicles) {
            Progress p = progress.getOrDefault(v.driverId(), Progress.NONE);
            Route route = route(v, p, byId, locations, nowS, reloadSeconds, matrix);
            routes.add(route);
            if (v.takesNew()) {
                List<Stop> initial = new ArrayList<>();
                for (Long orderId : assignment.getOrDefault(v.driverId(), List.of())) {
                    Stop stop = free.get(orderId);
                    if (stop != null && !initial.contains(stop)) {
                        initial.add(stop);
                    }
                }
                route.solverVehicle().setStops(initial);
                solverVehicles.add(route.solverVehicle());
            }
        }
        // The construction heuristic inserts the stops in this order: orders only some vehicles may
        // take (scooter-only, car-only) first, so that the few scooters' room is not already
        // filled by orders any car could take (docs/benchmarks.md, issue 6: the day's unplanned
        // orders were scooter-only ones that local search could no longer fit in).
        List<Stop> insertionOrder = new ArrayList<>(free.values());
        insertionOrder.sort(Comparator.comparingInt(stop -> stop.getAccess() == Access.ANY ? 1 : 0));
        RoutePlanSolution solution = new RoutePlanSolution(solverVehicles, insertionOrder, weights);
        return new DayProblem(depot, routes, byId, locations, matrix, solution, Map.copyOf(takenBack));
    }

    /** A driver's day from now: where and when the rest starts, the times of what he carries, the vehicle for the rest. */
    private static Route route(Vehicle v, Progress p, Map<Long, PlannedStop> stops, Map<Long, Integer> locations,
                               int nowS, long reloadSeconds, TravelMatrix matrix) {
        int start = Math.max(v.shiftStart().toSecondOfDay(), nowS);
        long breakFrom = v.breakFrom() == null ? 0 : v.breakFrom().toSecondOfDay();
        long breakUntil = v.breakUntil() == null ? 0 : v.breakUntil().toSecondOfDay();
        long breakSeconds = v.breakMinutes() * 60L;
        int at = 0;
        if (p.setOut()) {
            if (p.outS() != null) {
                start = Math.max(start, p.outS());
            }
            for (Finished f : p.finished()) {
                Integer place = locations.get(f.orderId());
                if (place != null) {
                    at = place;
                }
                start = Math.max(start, f.atS());
            }
        }
        boolean breakPending = breakSeconds > 0 && start <= breakUntil;
        if (p.setOut() && p.breakS() != null && p.breakS() <= start) {
            // his plan placed the break before now: taken, or he is on it
            breakPending = false;
            start = (int) Math.max(start, p.breakS() + breakSeconds);
        }
        // past the break's latest start with nothing known of it: he has had it (or the day no longer leaves room)
        RouteVehicle carrier = vehicle(v, matrix).startingAt(at, start, false, Math.max(1, p.trip()))
                .withBreak(breakFrom, breakUntil, breakSeconds, breakPending);
        List<CarriedStop> carried = new ArrayList<>();
        Visit last = null;
        for (Long orderId : p.carried()) {
            PlannedStop s = stops.get(orderId);
            Integer place = locations.get(orderId);
            if (s == null || place == null) {
                carried.add(new CarriedStop(orderId, null));
                continue;
            }
            last = carrier.visit(last, place, s.ready(), s.service(), s.cylinders(), s.decikg(), false);
            carried.add(new CarriedStop(orderId, last));
        }
        RouteVehicle rest = vehicle(v, matrix).reloading(reloadSeconds);
        if (p.setOut()) {
            rest.startingAt(last == null ? at : last.location(), last == null ? start : last.departure(), true,
                    Math.max(1, p.trip()) + 1);
        } else {
            rest.startingAt(0, start, false, 1);
        }
        rest.withBreak(breakFrom, breakUntil, breakSeconds, last == null ? breakPending : last.breakPending());
        return new Route(v, p, start, carried, rest, carrier);
    }

    private static RouteVehicle vehicle(Vehicle v, TravelMatrix matrix) {
        return new RouteVehicle(v.driverId(), v.kind(), v.capacityCylinders(), v.capacityKg().movePointRight(1).longValue(),
                0, v.shiftStart().toSecondOfDay(), v.shiftEnd().toSecondOfDay(), matrix);
    }
}
