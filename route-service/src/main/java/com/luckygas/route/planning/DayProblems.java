package com.luckygas.route.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import com.luckygas.common.ProblemException;
import com.luckygas.route.Depot;
import com.luckygas.route.planning.store.PlanStop;
import com.luckygas.route.planning.store.RoutePlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a {@link DayProblem} at the present moment of the day (the business clock, Asia/Taipei):
 * for a new plan from the day's orders, or from a stored plan for a change by hand, in both cases
 * with each driver's progress as delivery-service knows it now.
 */
@ApplicationScoped
public class DayProblems {

    private final Clock clock;
    private final RoutingSettings settings;
    private final Travel travel;
    private final PlanStore store;
    private final PlanDrivers drivers;

    DayProblems(Clock clock, RoutingSettings settings, Travel travel, PlanStore store, PlanDrivers drivers) {
        this.clock = clock;
        this.settings = settings;
        this.travel = travel;
        this.store = store;
        this.drivers = drivers;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The moment of {@code date} a plan starts from: now for today, the day's start for a coming day. */
    public int nowS(LocalDate date) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (date.isAfter(now.toLocalDate())) {
            return 0;
        }
        if (date.isBefore(now.toLocalDate())) {
            return 24 * 3600 - 1;
        }
        return now.toLocalTime().toSecondOfDay();
    }

    /**
     * The problem from stops and vehicles: {@code orders} (as delivery-service shows them now) say
     * each driver's progress, {@code routes} the order of his stops as last planned, and
     * {@code breaks} where it placed their breaks, {@code assignment} where the free stops start; {@code takenBack} (order → driver) are orders
     * the office took from the driver who set out with them: free again. Drivers with progress
     * and no route join, for their own stops only.
     */
    public DayProblem assemble(LocalDate date, Coordinates depot, List<DayProblem.Vehicle> vehicles,
                               List<DayProblem.PlannedStop> stops, Collection<Inputs.Order> orders,
                               Map<String, List<Long>> routes, Map<String, Integer> breaks, Map<String, List<Long>> assignment,
                               Map<Long, String> takenBack) {
        Set<Long> ids = new HashSet<>();
        stops.forEach(s -> ids.add(s.orderId()));
        List<Inputs.Order> ofPlan = orders.stream().filter(o -> ids.contains(o.id()))
                .filter(o -> !("OUT_FOR_DELIVERY".equals(o.status()) && o.driverId() != null
                        && o.driverId().equals(takenBack.get(o.id()))))
                .toList();
        Map<String, DayProblem.Progress> progress = DayInputs.progress(date, ofPlan, routes, breaks);
        List<DayProblem.Vehicle> all = new ArrayList<>(vehicles);
        all.addAll(drivers.forProgress(progress.keySet(), vehicles));
        return DayProblem.assemble(depot, all, stops, progress, nowS(date), settings.reload().toSeconds(), travel::matrix,
                ConstraintWeightOverrides.none(), assignment, takenBack);
    }

    /**
     * A stored plan as a problem again, from now: its stops and drivers, each driver's route as
     * stored for the order of what he carries and where the rest starts, his progress from
     * {@code orders}; {@code extra} stops join (an urgent order). Needs a transaction.
     */
    public DayProblem rebuild(RoutePlan plan, Collection<Inputs.Order> orders, List<DayProblem.PlannedStop> extra,
                              Map<String, List<Long>> routes, Map<Long, String> takenBack) {
        Depot depot = Depot.findById(plan.depotId);
        List<DayProblem.PlannedStop> stops = new ArrayList<>(store.rows(plan.id).stream().map(store::stopOf).toList());
        stops.addAll(extra);
        return assemble(plan.planDate, new Coordinates(depot.latitude.doubleValue(), depot.longitude.doubleValue()),
                store.vehicles(plan.id), stops, orders, routes, store.breaks(plan.id), routes, takenBack);
    }

    /** A stored plan's routes (driver → order ids) and the orders it took from drivers who carried them. Needs a transaction. */
    public record Stored(List<PlanStop> rows, Map<String, List<Long>> routes, Map<Long, String> takenBack) {
    }

    public Stored stored(long planId) {
        List<PlanStop> rows = store.rows(planId);
        Map<Long, String> takenBack = new LinkedHashMap<>();
        rows.stream().filter(r -> r.takenFrom != null).forEach(r -> takenBack.put(r.orderId, r.takenFrom));
        return new Stored(rows, PlanStore.routesOf(rows), takenBack);
    }

    /** A plan of a day gone by is history: it no longer changes. */
    public void requireNotPast(LocalDate date) {
        if (date.isBefore(today())) {
            throw ProblemException.conflict("The plan is for " + date + ", a day gone by; it no longer changes.");
        }
    }
}
