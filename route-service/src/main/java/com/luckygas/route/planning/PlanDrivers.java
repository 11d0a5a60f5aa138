package com.luckygas.route.planning;

import com.luckygas.common.Problem.Violation;
import com.luckygas.common.ProblemException;
import com.luckygas.route.Depot;
import com.luckygas.route.Driver;
import com.luckygas.route.Vehicle;
import com.luckygas.route.planning.domain.VehicleKind;
import com.luckygas.route.planning.store.RoutePlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The drivers a depot's plan takes, with their vehicles: those asked for, or by default every
 * active driver with a vehicle based at the depot (with a single depot, also those based
 * nowhere); and, not to lose what they carry, every driver who has already delivered or set out
 * with the depot's orders that day (in the plan for that only, unless asked for). Needs a
 * transaction.
 */
@ApplicationScoped
public class PlanDrivers {

    /** The ids of the active depots. */
    public static Set<Long> activeDepots() {
        return Depot.<Depot>list("active", true).stream().map(d -> d.id).collect(Collectors.toSet());
    }

    public List<DayProblem.Vehicle> forPlan(LocalDate date, Depot depot, List<String> driverIds, Collection<String> withProgress) {
        List<Driver> drivers;
        List<Violation> problems = new ArrayList<>();
        if (driverIds == null) {
            boolean onlyDepot = activeDepots().equals(Set.of(depot.id));
            drivers = Driver.list("active = true and vehicleId is not null and (depotId = ?1 or (depotId is null and ?2 = true)) "
                    + "order by id", depot.id, onlyDepot);
        } else {
            drivers = new ArrayList<>();
            Map<String, Long> elsewhere = publishedElsewhere(date, depot.id);
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
                } else if (d.depotId != null && !d.depotId.equals(depot.id)) {
                    problems.add(new Violation(field, "is based at another depot (" + depotName(d.depotId) + ")"));
                } else if (elsewhere.containsKey(d.id)) {
                    problems.add(new Violation(field, "is on the published plan " + elsewhere.get(d.id)
                            + " of another depot for " + date));
                } else {
                    drivers.add(d);
                }
            }
        }
        Map<Long, Vehicle> byId = vehiclesOf(drivers);
        List<DayProblem.Vehicle> vehicles = new ArrayList<>();
        for (Driver d : drivers) {
            Vehicle v = byId.get(d.vehicleId);
            if (v == null || !v.active) {
                problems.add(new Violation("driverIds", "driver " + d.id + "'s vehicle is inactive"));
                continue;
            }
            if (driverIds != null && v.depotId != null && !v.depotId.equals(depot.id)) {
                problems.add(new Violation("driverIds", "driver " + d.id + "'s vehicle " + v.plate + " is based at another depot ("
                        + depotName(v.depotId) + ")"));
                continue;
            }
            vehicles.add(vehicle(d, v, true));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(new com.luckygas.common.Problem("about:blank", "Bad Request", 400,
                    "Some drivers cannot be planned.", problems));
        }
        if (vehicles.isEmpty() && withProgress.isEmpty()) {
            throw ProblemException.invalidField("driverIds", "no active driver with a vehicle to plan for"
                    + (driverIds == null ? " at depot " + depot.name : ""));
        }
        vehicles.addAll(forProgress(withProgress, vehicles));
        return vehicles;
    }

    /** Drivers with done or carried stops who are not in {@code planned}: in the plan for those only. */
    public List<DayProblem.Vehicle> forProgress(Collection<String> withProgress, List<DayProblem.Vehicle> planned) {
        Set<String> in = planned.stream().map(DayProblem.Vehicle::driverId).collect(Collectors.toSet());
        List<String> missing = withProgress.stream().filter(id -> !in.contains(id)).sorted().toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        Map<String, Driver> drivers = Driver.<Driver>list("id in ?1", missing).stream().collect(Collectors.toMap(d -> d.id, d -> d));
        Map<Long, Vehicle> vehicles = vehiclesOf(drivers.values());
        List<DayProblem.Vehicle> closed = new ArrayList<>();
        for (String id : missing) {
            Driver d = drivers.get(id);
            if (d == null) {
                // a driver delivery-service knows and route-service does not: his stops still show
                d = new Driver();
                d.id = id;
                d.name = id;
            }
            closed.add(vehicle(d, d.vehicleId == null ? null : vehicles.get(d.vehicleId), false));
        }
        return closed;
    }

    private static DayProblem.Vehicle vehicle(Driver d, Vehicle v, boolean takesNew) {
        return new DayProblem.Vehicle(d.id, d.name, v == null ? null : v.id, v == null ? null : v.plate,
                v == null ? VehicleKind.CAR : VehicleKind.valueOf(v.kind.name()), v == null ? 0 : v.capacityCylinders,
                v == null ? BigDecimal.ZERO : v.capacityKg, d.shiftStart, d.shiftEnd, d.breakFrom, d.breakUntil, d.breakMinutes,
                takesNew);
    }

    private static Map<Long, Vehicle> vehiclesOf(Collection<Driver> drivers) {
        List<Long> ids = drivers.stream().map(d -> d.vehicleId).filter(java.util.Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Map.of() : Vehicle.<Vehicle>list("id in ?1", ids).stream().collect(Collectors.toMap(v -> v.id, v -> v));
    }

    /** Drivers on another depot's published plan of the date: driver id → plan id. */
    private static Map<String, Long> publishedElsewhere(LocalDate date, long depotId) {
        List<Object[]> rows = RoutePlan.getEntityManager().createQuery("""
                select r.driverId, p.id from RoutePlan p, PlanRoute r
                where r.planId = p.id and p.planDate = ?1 and p.depotId <> ?2 and p.status = ?3 and r.takesNew = true""",
                Object[].class).setParameter(1, date).setParameter(2, depotId).setParameter(3, RoutePlan.Status.PUBLISHED)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1], (a, b) -> a));
    }

    private static String depotName(long id) {
        Depot depot = Depot.findById(id);
        return depot == null ? String.valueOf(id) : depot.name;
    }
}
