package com.luckygas.route.planning.domain;

/**
 * Where a route stands once a stop is served, and when: the times of the stop and what the next
 * stop's times follow from (the load of the trip so far, whether the break is still to come).
 * Times are seconds from the plan day's midnight (benchmarks use their own unit).
 *
 * @param location       the stop's place in the plan's travel matrix
 * @param arrival        arrival at the stop
 * @param serviceStart   start of service: on arrival, when the window opens, or after a break taken while waiting
 * @param departure      end of service
 * @param trip           the trip (1, 2, …: departures from the depot) the stop is served on
 * @param reloadBefore   the vehicle went back to the depot to reload between the previous stop and this one
 * @param leftDepot      when the vehicle left the depot for this stop (the first stop of a trip), else -1
 * @param tripCylinders  cylinders of this trip's stops so far, this one included (0 for a vehicle that never
 *                       reloads: its load is the route's total)
 * @param tripDecikg     their load in tenths of a kilogram (likewise)
 * @param breakStart     when the driver's break started, if he took it since the previous stop, else -1
 * @param breakPending   the break is still to come after this stop
 * @param breakLateness  seconds the break started after its latest start (0 when on time or none taken here)
 */
public record Visit(int location, long arrival, long serviceStart, long departure, int trip, boolean reloadBefore,
                    long leftDepot, int tripCylinders, long tripDecikg, long breakStart, boolean breakPending,
                    long breakLateness) {

    /** Seconds past the latest start of service (0 when on time). */
    public long lateness(long dueTime) {
        return Math.max(0, serviceStart - dueTime);
    }
}
