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
 * solver places it in a {@link RouteVehicle}'s list; its {@link Visit} (times, trip, break) follows
 * from the stops before, by the vehicle's rules ({@link RouteVehicle#visit}).
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
    private Visit visit;

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

    @ShadowSources({"vehicle", "previous.visit"})
    public Visit visitSupplier() {
        if (vehicle == null) {
            return null;
        }
        if (previous == null) {
            return vehicle.visit(null, this);
        }
        Visit before = previous.getVisit();
        return before == null ? null : vehicle.visit(before, this);
    }

    public Long getArrivalTime() {
        return visit == null ? null : visit.arrival();
    }

    /** When service starts: on arrival, when the customer's window opens, or after a break taken while waiting. */
    public Long getServiceStart() {
        return visit == null ? null : visit.serviceStart();
    }

    public Long getDepartureTime() {
        return visit == null ? null : visit.departure();
    }

    /** Seconds past the latest start of service (0 when on time). */
    public long getLateness() {
        return visit == null ? 0 : visit.lateness(dueTime);
    }

    /** Back at the depot after this (the last) stop. */
    public Long getReturnTime() {
        return visit == null || vehicle == null ? null : vehicle.returnAfter(visit);
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

    @ShadowVariable(supplierName = "visitSupplier")
    public Visit getVisit() {
        return visit;
    }

    public void setVisit(Visit visit) {
        this.visit = visit;
    }

    @Override
    public String toString() {
        return id;
    }
}
