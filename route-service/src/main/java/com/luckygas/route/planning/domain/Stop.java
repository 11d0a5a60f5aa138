package com.luckygas.route.planning.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;

/**
 * One order to deliver: where, how much, when the customer accepts it, which vehicles reach the
 * door. Times are seconds from the plan day's midnight (benchmarks use their own unit). The
 * solver places it in a {@link RouteVehicle}'s list; the arrival time follows from the stops before.
 */
@PlanningEntity
public class Stop {

    private String id;
    private int location;
    private int cylinders;
    /** Load in tenths of a kilogram, to compare with the vehicle's capacity exactly. */
    private long loadDecikg;
    /** Earliest start of service. */
    private long readyTime;
    /** Latest start of service. */
    private long dueTime;
    private long serviceDuration;
    private Access access;

    private RouteVehicle vehicle;
    private Stop previous;
    private Stop next;
    private Long arrivalTime;

    public Stop() {
    }

    public Stop(String id, int location, int cylinders, long loadDecikg, long readyTime, long dueTime,
                long serviceDuration, Access access) {
        this.id = id;
        this.location = location;
        this.cylinders = cylinders;
        this.loadDecikg = loadDecikg;
        this.readyTime = readyTime;
        this.dueTime = dueTime;
        this.serviceDuration = serviceDuration;
        this.access = access;
    }

    @ShadowSources({"vehicle", "previous.arrivalTime"})
    public Long arrivalTimeSupplier() {
        if (vehicle == null) {
            return null;
        }
        if (previous == null) {
            return vehicle.getStartTime() + vehicle.time(vehicle.getDepot(), location);
        }
        Long departure = previous.getDepartureTime();
        return departure == null ? null : departure + vehicle.time(previous.location, location);
    }

    /** When service starts: on arrival, or when the customer's window opens. */
    public Long getServiceStart() {
        return arrivalTime == null ? null : Math.max(arrivalTime, readyTime);
    }

    public Long getDepartureTime() {
        Long start = getServiceStart();
        return start == null ? null : start + serviceDuration;
    }

    /** Seconds past the latest start of service (0 when on time). */
    public long getLateness() {
        Long start = getServiceStart();
        return start == null ? 0 : Math.max(0, start - dueTime);
    }

    /** Back at the depot after this (the last) stop. */
    public Long getReturnTime() {
        Long departure = getDepartureTime();
        return departure == null || vehicle == null ? null : departure + vehicle.time(location, vehicle.getDepot());
    }

    @PlanningId
    public String getId() {
        return id;
    }

    public int getLocation() {
        return location;
    }

    public int getCylinders() {
        return cylinders;
    }

    public long getLoadDecikg() {
        return loadDecikg;
    }

    public long getReadyTime() {
        return readyTime;
    }

    public long getDueTime() {
        return dueTime;
    }

    public long getServiceDuration() {
        return serviceDuration;
    }

    public Access getAccess() {
        return access;
    }

    @InverseRelationShadowVariable(sourceVariableName = "stops")
    public RouteVehicle getVehicle() {
        return vehicle;
    }

    public void setVehicle(RouteVehicle vehicle) {
        this.vehicle = vehicle;
    }

    @PreviousElementShadowVariable(sourceVariableName = "stops")
    public Stop getPrevious() {
        return previous;
    }

    public void setPrevious(Stop previous) {
        this.previous = previous;
    }

    @NextElementShadowVariable(sourceVariableName = "stops")
    public Stop getNext() {
        return next;
    }

    public void setNext(Stop next) {
        this.next = next;
    }

    @ShadowVariable(supplierName = "arrivalTimeSupplier")
    public Long getArrivalTime() {
        return arrivalTime;
    }

    public void setArrivalTime(Long arrivalTime) {
        this.arrivalTime = arrivalTime;
    }

    @Override
    public String toString() {
        return id;
    }
}
