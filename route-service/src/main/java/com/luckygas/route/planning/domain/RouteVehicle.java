package com.luckygas.route.planning.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * One driver with his vehicle for the day: the route the solver builds is {@link #getStops()}, from
 * where he starts (the depot, or where a driver already out stands) and back to the depot, between
 * the start and end of his shift.
 * <p>
 * The day's rules that make the times of a route (see {@link #visit}): a vehicle allowed to reload
 * goes back to the depot when the next stop would not fit in what is left of its load (several trips
 * a day); a driver takes his break at the first moment he is free once its earliest start has come
 * (after a stop, or while waiting for a customer's window). Benchmarks and plain VRP instances leave
 * both out: one trip, no break.
 */
@PlanningEntity
public class RouteVehicle {

    /** Reloads not allowed: one trip, the whole route within the vehicle's capacity. */
    public static final long NO_RELOADS = -1;

    private String id;
    private VehicleKind kind;
    private int capacityCylinders;
    private long capacityDecikg;
    private int depot;
    private long startTime;
    private long endTime;
    private TravelMatrix matrix;

    /** Where and when the route starts: the depot at the shift's start, or where a driver already out stands now. */
    private int startLocation;
    /** The first stop needs a depot visit first: the driver is out, carrying other customers' cylinders or none. */
    private boolean reloadFirst;
    private int firstTrip = 1;
    private long reloadSeconds = NO_RELOADS;
    private long breakEarliest;
    private long breakLatest;
    private long breakSeconds;
    private boolean breakPendingAtStart;

    private List<Stop> stops = new ArrayList<>();

    public RouteVehicle() {
    }

    public RouteVehicle(String id, VehicleKind kind, int capacityCylinders, long capacityDecikg, int depot,
                        long startTime, long endTime, TravelMatrix matrix) {
        this.id = id;
        this.kind = kind;
        this.capacityCylinders = capacityCylinders;
        this.capacityDecikg = capacityDecikg;
        this.depot = depot;
        this.startLocation = depot;
        this.startTime = startTime;
        this.endTime = endTime;
        this.matrix = matrix;
    }

    /** Allows trips back to the depot to reload, each costing the travel there and {@code seconds}. */
    public RouteVehicle reloading(long seconds) {
        this.reloadSeconds = seconds;
        return this;
    }

    /**
     * The route starts at {@code location} at {@code time} instead of the depot at the shift's
     * start; {@code reloadFirst} when the driver must go back to the depot before any stop of this
     * route; stops are on trips numbered from {@code firstTrip}.
     */
    public RouteVehicle startingAt(int location, long time, boolean reloadFirst, int firstTrip) {
        this.startLocation = location;
        this.startTime = time;
        this.reloadFirst = reloadFirst;
        this.firstTrip = firstTrip;
        return this;
    }

    /** A break of {@code seconds} starting between {@code earliest} and {@code latest}; {@code pending}: not taken yet. */
    public RouteVehicle withBreak(long earliest, long latest, long seconds, boolean pending) {
        this.breakEarliest = earliest;
        this.breakLatest = latest;
        this.breakSeconds = seconds;
        this.breakPendingAtStart = pending && seconds > 0;
        return this;
    }

    public long time(int from, int to) {
        return matrix.time(kind, from, to);
    }

    public long cost(int from, int to) {
        return matrix.cost(kind, from, to);
    }

    /**
     * The visit of {@code stop} after {@code previous} (null: the stop is the route's first). The one
     * place where the day's rules make times: a reload when the stop does not fit in what is left of
     * the trip's load (or when the route must start with one), the break at the first free moment
     * after its earliest start, the travel, the customer's window.
     */
    public Visit visit(Visit previous, Stop stop) {
        boolean reload;
        if (previous == null) {
            reload = reloadFirst;
        } else {
            reload = reloadSeconds >= 0 && previous.tripCylinders() > 0
                    && (previous.tripCylinders() + stop.getCylinders() > capacityCylinders
                    || previous.tripDecikg() + stop.getLoadDecikg() > capacityDecikg);
        }
        return visit(previous, stop.getLocation(), stop.getReadyTime(), stop.getServiceDuration(), stop.getCylinders(),
                stop.getLoadDecikg(), reload);
    }

    /**
     * The visit of a place after {@code previous} (null: from the route's start), reloading first when
     * {@code reload} says so (the driver's day re-times a published route with its reloads as planned).
     */
    public Visit visit(Visit previous, int location, long ready, long service, int cylinders, long decikg, boolean reload) {
        int at = previous == null ? startLocation : previous.location();
        long free = previous == null ? startTime : previous.departure();
        boolean pending = previous == null ? breakPendingAtStart : previous.breakPending();
        int trip = previous == null ? firstTrip : previous.trip() + (reload ? 1 : 0);
        int tripCylinders = previous == null || reload ? 0 : previous.tripCylinders();
        long tripDecikg = previous == null || reload ? 0 : previous.tripDecikg();
        long breakStart = -1;
        long breakLateness = 0;
        if (pending && free >= breakEarliest) {
            // free once the break may start: he takes it now, before driving on
            breakStart = free;
            breakLateness = Math.max(0, free - breakLatest);
            free += breakSeconds;
            pending = false;
        }
        long leftDepot = -1;
        long arrival;
        if (reload) {
            leftDepot = free + time(at, depot) + Math.max(0, reloadSeconds);
            arrival = leftDepot + time(depot, location);
        } else {
            if (at == depot && previous == null) {
                leftDepot = free;
            }
            arrival = free + time(at, location);
        }
        long start = Math.max(arrival, ready);
        if (pending && start > arrival && Math.max(arrival, breakEarliest) < start) {
            // waiting for the customer's window once the break may start: the break goes into the wait
            breakStart = Math.max(arrival, breakEarliest);
            breakLateness = Math.max(0, breakStart - breakLatest);
            start = Math.max(start, breakStart + breakSeconds);
            pending = false;
        }
        if (reloadSeconds < 0) {
            // one trip: the load is a route total (getCylindersOverCapacity); kept out of the visit so that a change
            // of load early in the route does not re-time every stop after it when the times themselves are unchanged
            return new Visit(location, arrival, start, start + service, trip, reload, leftDepot, 0, 0, breakStart, pending,
                    breakLateness);
        }
        return new Visit(location, arrival, start, start + service, trip, reload, leftDepot, tripCylinders + cylinders,
                tripDecikg + decikg, breakStart, pending, breakLateness);
    }

    /** Back at the depot after {@code last} (the break, if still to come and due, is taken first). */
    public long returnAfter(Visit last) {
        long free = last.departure();
        if (last.breakPending() && free >= breakEarliest) {
            free += breakSeconds;
        }
        return free + time(last.location(), depot);
    }

    /** When the break starts if it is still to come after {@code last}, else -1. */
    public long breakAfter(Visit last) {
        return last.breakPending() && last.departure() >= breakEarliest ? last.departure() : -1;
    }

    /*
     * Route totals, computed from the list when a constraint asks: the solver re-evaluates a
     * vehicle's constraints once when its list changes, whereas constraints over the stops are
     * re-evaluated for every stop whose arrival time the change moves.
     */

    /** Cylinders beyond the capacity, summed over the trips (without reloads: the whole route is one trip). */
    public int getCylindersOverCapacity() {
        return hasTrips() ? (int) overCapacity(Visit::tripCylinders, capacityCylinders)
                : Math.max(0, getCylinders() - capacityCylinders);
    }

    /** Tenths of a kilogram beyond the capacity, summed over the trips. */
    public long getDecikgOverCapacity() {
        return hasTrips() ? overCapacity(Visit::tripDecikg, capacityDecikg) : Math.max(0, getLoadDecikg() - capacityDecikg);
    }

    /** Over the trips: what each carries (its last stop's trip load) beyond the capacity. */
    private long overCapacity(java.util.function.ToLongFunction<Visit> load, long capacity) {
        long over = 0;
        for (int i = 0; i < stops.size(); i++) {
            Visit visit = stops.get(i).getVisit();
            if (visit != null && (i + 1 == stops.size() || reloadsBefore(stops.get(i + 1)))) {
                over += Math.max(0, load.applyAsLong(visit) - capacity);
            }
        }
        return over;
    }

    /** The route may go back to the depot between stops (else it is one trip, as in plain VRP instances). */
    private boolean hasTrips() {
        return reloadSeconds >= 0 || reloadFirst;
    }

    private static boolean reloadsBefore(Stop stop) {
        Visit visit = stop.getVisit();
        return visit != null && visit.reloadBefore();
    }

    /** Cylinders on board over the day (all stops of the route, every trip). */
    public int getCylinders() {
        int sum = 0;
        for (Stop s : stops) {
            sum += s.getCylinders();
        }
        return sum;
    }

    /** Load over the day in tenths of a kilogram. */
    public long getLoadDecikg() {
        long sum = 0;
        for (Stop s : stops) {
            sum += s.getLoadDecikg();
        }
        return sum;
    }

    /** Travel cost from the route's start through every stop (and the depot between trips) and back (0 for an empty route). */
    public long getTravelCost() {
        if (stops.isEmpty()) {
            return 0;
        }
        long sum = 0;
        int at = startLocation;
        boolean trips = hasTrips();
        for (Stop s : stops) {
            if (trips && reloadsBefore(s)) {
                sum += cost(at, depot);
                at = depot;
            }
            sum += cost(at, s.getLocation());
            at = s.getLocation();
        }
        return sum + cost(at, depot);
    }

    /** Service time of all stops of the route. */
    public long getServiceDuration() {
        long service = 0;
        for (Stop s : stops) {
            service += s.getServiceDuration();
        }
        return service;
    }

    /** Back at the depot: after the last stop, or the start when the route is empty. */
    public long getReturnTime() {
        if (stops.isEmpty()) {
            return startTime;
        }
        Long back = stops.get(stops.size() - 1).getReturnTime();
        return back == null ? startTime : back;
    }

    /** The earliest this vehicle could start serving {@code stop} as its only stop (for explaining an unplanned order). */
    public long earliestStart(Stop stop) {
        return visit(null, stop).serviceStart();
    }

    @PlanningId
    public String getId() {
        return id;
    }

    public VehicleKind getKind() {
        return kind;
    }

    public int getCapacityCylinders() {
        return capacityCylinders;
    }

    public long getCapacityDecikg() {
        return capacityDecikg;
    }

    public int getDepot() {
        return depot;
    }

    public int getStartLocation() {
        return startLocation;
    }

    public long getStartTime() {
        return startTime;
    }

    public long getEndTime() {
        return endTime;
    }

    public boolean isReloadFirst() {
        return reloadFirst;
    }

    public boolean isReloading() {
        return reloadSeconds >= 0;
    }

    public long getReloadSeconds() {
        return reloadSeconds;
    }

    public long getBreakLatest() {
        return breakLatest;
    }

    public TravelMatrix getMatrix() {
        return matrix;
    }

    @PlanningListVariable(allowsUnassignedValues = true)
    public List<Stop> getStops() {
        return stops;
    }

    public void setStops(List<Stop> stops) {
        this.stops = stops;
    }

    @Override
    public String toString() {
        return id;
    }
}
