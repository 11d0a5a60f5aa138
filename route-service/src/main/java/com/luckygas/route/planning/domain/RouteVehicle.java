package com.luckygas.route.planning.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * One driver with his vehicle for the day: the route the solver builds is {@link #getStops()}, from
 * the depot and back, between the start and end of his shift.
 */
@PlanningEntity
public class RouteVehicle {

    private String id;
    private VehicleKind kind;
    private int capacityCylinders;
    private long capacityDecikg;
    private int depot;
    private long startTime;
    private long endTime;
    private TravelMatrix matrix;

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
        this.startTime = startTime;
        this.endTime = endTime;
        this.matrix = matrix;
    }

    public long time(int from, int to) {
        return matrix.time(kind, from, to);
    }

    public long cost(int from, int to) {
        return matrix.cost(kind, from, to);
    }

    /*
     * Route totals, computed from the list when a constraint asks: the solver re-evaluates a
     * vehicle's constraints once when its list changes, whereas constraints over the stops are
     * re-evaluated for every stop whose arrival time the change moves.
     */

    /** Cylinders on board (all stops of the route). */
    public int getCylinders() {
        int sum = 0;
        for (Stop s : stops) {
            sum += s.getCylinders();
        }
        return sum;
    }

    /** Load on board in tenths of a kilogram. */
    public long getLoadDecikg() {
        long sum = 0;
        for (Stop s : stops) {
            sum += s.getLoadDecikg();
        }
        return sum;
    }

    /** Travel cost from the depot through every stop and back (0 for an empty route). */
    public long getTravelCost() {
        if (stops.isEmpty()) {
            return 0;
        }
        long sum = 0;
        int at = depot;
        for (Stop s : stops) {
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

    public long getStartTime() {
        return startTime;
    }

    public long getEndTime() {
        return endTime;
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
