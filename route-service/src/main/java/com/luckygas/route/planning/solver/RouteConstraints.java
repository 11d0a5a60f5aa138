package com.luckygas.route.planning.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.loadBalance;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What makes a day's routes good. Hard: vehicle capacity on each trip (cylinders and kg), vehicle
 * access, customers' time windows, the driver's break within its window, the driver's shift end. Medium: every order planned. Soft: travel
 * (time, or the benchmark's distance), a margin before each window closes, balanced work.
 */
public class RouteConstraints implements ConstraintProvider {

    public static final String CAPACITY_CYLINDERS = "Vehicle capacity (cylinders)";
    public static final String CAPACITY_KG = "Vehicle capacity (kg)";
    public static final String VEHICLE_ACCESS = "Vehicle access";
    public static final String TIME_WINDOW = "Customer time window";
    public static final String SHIFT_END = "Driver shift end";
    public static final String BREAK = "Driver break";
    public static final String UNASSIGNED = "Order not planned";
    public static final String TRAVEL = "Travel";
    public static final String LATENESS_MARGIN = "Lateness margin";
    public static final String BALANCE = "Balanced workload";

    /** Arriving closer than this to the end of a window costs soft points (seconds). */
    public static final long MARGIN_SECONDS = 15 * 60;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                capacityCylinders(factory), capacityKg(factory), vehicleAccess(factory), timeWindow(factory),
                breakTime(factory), shiftEnd(factory), unassigned(factory), travel(factory), latenessMargin(factory), balance(factory)
        };
    }

    /*
     * Capacity, travel and the workload balance are route totals ({@link RouteVehicle}): a move
     * re-evaluates them once per changed route. Grouping the stops by vehicle instead re-evaluated
     * them for every stop whose arrival time moved, which made up a large part of each move's cost.
     */

    /** Cylinders beyond the vehicle's capacity on any one trip (a vehicle that may not reload makes one trip). */
    Constraint capacityCylinders(ConstraintFactory factory) {
        return factory.forEach(RouteVehicle.class)
                .filter(vehicle -> vehicle.getCylindersOverCapacity() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, RouteVehicle::getCylindersOverCapacity)
                .asConstraint(CAPACITY_CYLINDERS);
    }

    /** Kilograms (whole, rounded up) beyond the vehicle's capacity on any one trip. */
    Constraint capacityKg(ConstraintFactory factory) {
        return factory.forEach(RouteVehicle.class)
                .filter(vehicle -> vehicle.getDecikgOverCapacity() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, vehicle -> (vehicle.getDecikgOverCapacity() + 9) / 10)
                .asConstraint(CAPACITY_KG);
    }

    Constraint vehicleAccess(ConstraintFactory factory) {
        return factory.forEach(Stop.class)
                .filter(stop -> !stop.getAccess().allows(stop.getVehicle().getKind()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, stop -> 1000L)
                .asConstraint(VEHICLE_ACCESS);
    }

    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Stop.class)
                .filter(stop -> stop.getLateness() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Stop::getLateness)
                .asConstraint(TIME_WINDOW);
    }

    /** The driver's break started after its latest start (seconds late). */
    Constraint breakTime(ConstraintFactory factory) {
        return factory.forEach(Stop.class)
                .filter(stop -> stop.getVisit() != null && stop.getVisit().breakLateness() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, stop -> stop.getVisit().breakLateness())
                .asConstraint(BREAK);
    }

    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(Stop.class)
                .filter(stop -> stop.getNext() == null && stop.getReturnTime() != null
                        && stop.getReturnTime() > stop.getVehicle().getEndTime())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        stop -> stop.getReturnTime() - stop.getVehicle().getEndTime())
                .asConstraint(SHIFT_END);
    }

    Constraint unassigned(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Stop.class)
                .filter(stop -> stop.getVehicle() == null)
                .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                .asConstraint(UNASSIGNED);
    }

    /*
     * Travel and the workload balance both need a used route's travel cost. Both streams start
     * with the same filter and mapping instances, so Timefold builds one node for them (it shares
     * nodes whose lambdas are the same instance) and a changed route's legs are summed once, not
     * once for each constraint.
     */
    private static final Predicate<RouteVehicle> USED = vehicle -> !vehicle.getStops().isEmpty();
    private static final Function<RouteVehicle, RouteTotals> TOTALS = RouteTotals::of;

    /** A used route's travel cost and its driver's work (service time plus travel cost). */
    record RouteTotals(RouteVehicle vehicle, long travel, long work) {
        static RouteTotals of(RouteVehicle vehicle) {
            long travel = vehicle.getTravelCost();
            return new RouteTotals(vehicle, travel, vehicle.getServiceDuration() + travel);
        }
    }

    Constraint travel(ConstraintFactory factory) {
        return factory.forEach(RouteVehicle.class)
                .filter(USED)
                .map(TOTALS)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, RouteTotals::travel)
                .asConstraint(TRAVEL);
    }

    Constraint latenessMargin(ConstraintFactory factory) {
        return factory.forEach(Stop.class)
                .filter(stop -> stop.getServiceStart() != null && stop.getLateness() == 0
                        && stop.getDueTime() - stop.getServiceStart() < MARGIN_SECONDS)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        stop -> MARGIN_SECONDS - (stop.getDueTime() - stop.getServiceStart()))
                .asConstraint(LATENESS_MARGIN);
    }

    /** Spread the work (service and travel time) evenly over the drivers who go out. */
    Constraint balance(ConstraintFactory factory) {
        return factory.forEach(RouteVehicle.class)
                .filter(USED)
                .map(TOTALS)
                .groupBy(loadBalance(RouteTotals::vehicle, RouteTotals::work))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, balance -> balance.unfairness().longValue())
                .asConstraint(BALANCE);
    }
}
