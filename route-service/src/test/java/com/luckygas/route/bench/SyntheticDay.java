package com.luckygas.route.bench;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import com.luckygas.route.planning.Coordinates;
import com.luckygas.route.planning.DayProblem;
import com.luckygas.route.planning.DayStops;
import com.luckygas.route.planning.GreatCircle;
import com.luckygas.route.planning.Inputs;
import com.luckygas.route.planning.RoutingSettings;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.VehicleKind;
import com.luckygas.route.planning.domain.Visit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A realistic Lucky Gas day, reproducible from a seed: orders for homes and restaurants within
 * about 8 km of a depot, one in twenty reachable only by scooter and one in ten only by car, 40 %
 * with a two-hour window; drivers in cars (40 cylinders / 1,500 kg) and scooters (3 / 60 kg).
 * {@link #oneDepot} is issue 6's day (one depot in 桃園, one trip a vehicle, no breaks);
 * {@link #twoDepots} is issue 15's (桃園 and 中壢, reloads at the depot, a 30-minute break between
 * 11:30 and 13:30), and {@link #afternoon} the same day at 13:00 with every driver out and new
 * orders to fit in.
 */
final class SyntheticDay {

    static final Coordinates DEPOT = new Coordinates(24.9937, 121.3010);
    static final Coordinates SECOND_DEPOT = new Coordinates(24.9576, 121.2250);
    static final LocalDate DATE = LocalDate.of(2026, 11, 23);
    static final long RELOAD_SECONDS = 600;

    static final RoutingSettings DEFAULTS = new RoutingSettings() {
        public double roadFactor() { return 1.3; }
        public double carKmh() { return 28; }
        public double scooterKmh() { return 22; }
        public Duration stopBase() { return Duration.ofMinutes(4); }
        public Duration stopPerCylinder() { return Duration.ofMinutes(1); }
        public Duration maxSolve() { return Duration.ofSeconds(30); }
        public Duration reload() { return Duration.ofSeconds(RELOAD_SECONDS); }
        public Optional<String> osrmUrl() { return Optional.empty(); }
    };

    static final Map<String, Inputs.Product> PRODUCTS = Map.of(
            "R50", new Inputs.Product("R50", "50公斤", "CYLINDER", BigDecimal.valueOf(50), true),
            "R20", new Inputs.Product("R20", "20公斤", "CYLINDER", BigDecimal.valueOf(20), true),
            "R16", new Inputs.Product("R16", "16公斤", "CYLINDER", BigDecimal.valueOf(16), true));

    /** One depot's day: its drivers and its orders as stops. */
    record DepotDay(String name, Coordinates depot, List<DayProblem.Vehicle> vehicles, List<DayProblem.PlannedStop> stops,
                    long reloadSeconds) {

        DayProblem problem(Map<String, DayProblem.Progress> progress, int nowS, Map<String, List<Long>> assignment) {
            return DayProblem.assemble(depot, vehicles, stops, progress, nowS, reloadSeconds,
                    places -> GreatCircle.matrix(places, DEFAULTS), ConstraintWeightOverrides.none(), assignment, Map.of());
        }

        DayProblem problem() {
            return problem(Map.of(), 0, Map.of());
        }
    }

    /** Issue 6's day: one depot, one trip a vehicle, no breaks. */
    static DayProblem oneDepot(int orders, int cars, int scooters, long seed) {
        Random random = new Random(seed);
        List<DayProblem.Vehicle> vehicles = vehicles("D", cars, scooters, 0);
        return new DepotDay("桃園", DEPOT, vehicles, stops(random, DEPOT, 1, orders, vehicles), RouteVehicle.NO_RELOADS).problem();
    }

    /** Issue 15's day: {@code orders} split between 桃園 and 中壢, the vehicles too; reloads and breaks. */
    static List<DepotDay> twoDepots(int orders, int cars, int scooters, long seed) {
        Random random = new Random(seed);
        int carsA = (cars + 1) / 2;
        int scootersA = (scooters + 1) / 2;
        List<DayProblem.Vehicle> a = vehicles("A", carsA, scootersA, 30);
        List<DayProblem.Vehicle> b = vehicles("B", cars - carsA, scooters - scootersA, 30);
        int ordersA = orders / 2;
        return List.of(new DepotDay("桃園", DEPOT, a, stops(random, DEPOT, 1, ordersA, a), RELOAD_SECONDS),
                new DepotDay("中壢", SECOND_DEPOT, b, stops(random, SECOND_DEPOT, 10_001, orders - ordersA, b), RELOAD_SECONDS));
    }

    /**
     * {@code count} more orders around the depot (ids from {@code firstId}), as urgent ones taken
     * at {@code nowS}: a window that would close within two hours is dropped (the customer said
     * "today"; with every driver out, a new stop waits for a driver to finish what he carries and
     * reload).
     */
    static List<DayProblem.PlannedStop> more(DepotDay day, long firstId, int count, long seed, int nowS) {
        return stops(new Random(seed), day.depot(), firstId, count, day.vehicles()).stream()
                .map(s -> s.due() < nowS + 2 * 3600 ? new DayProblem.PlannedStop(s.orderId(), s.customerId(), s.at(), s.cylinders(),
                        s.loadKg(), 0, 24 * 3600 - 1, s.service(), s.access(), s.reason(), s.door()) : s)
                .toList();
    }

    /**
     * The depot's day at {@code nowS} as if it had gone as {@code solved} planned: stops served
     * before then are finished, the rest of the trip under way is carried, later trips assigned;
     * the new stops join, free. Every driver with a route has set out.
     */
    static DayProblem afternoon(DepotDay day, com.luckygas.route.planning.domain.RoutePlanSolution solved, int nowS,
                                List<DayProblem.PlannedStop> added) {
        Map<String, DayProblem.Progress> progress = new LinkedHashMap<>();
        Map<String, List<Long>> assigned = new LinkedHashMap<>();
        for (RouteVehicle v : solved.getVehicles()) {
            List<DayProblem.Finished> finished = new ArrayList<>();
            List<Long> carried = new ArrayList<>();
            List<Long> later = new ArrayList<>();
            int tripUnderWay = 0;
            Integer breakS = null;
            for (Stop s : v.getStops()) {
                Visit visit = s.getVisit();
                if (visit.breakStart() >= 0) {
                    breakS = (int) visit.breakStart();
                }
                long id = Long.parseLong(s.getId());
                if (visit.serviceStart() < nowS) {
                    finished.add(new DayProblem.Finished(id, true, (int) visit.departure(), null, visit.trip()));
                    tripUnderWay = visit.trip();
                } else if (visit.trip() == tripUnderWay || visit.trip() == firstTripStartedBefore(v, nowS)) {
                    carried.add(id);
                    tripUnderWay = visit.trip();
                } else {
                    later.add(id);
                }
            }
            if (!finished.isEmpty() || !carried.isEmpty()) {
                progress.put(v.getId(), new DayProblem.Progress(finished, carried, Math.max(1, tripUnderWay), 8 * 3600, breakS));
            }
            assigned.put(v.getId(), later);
        }
        List<DayProblem.PlannedStop> stops = new ArrayList<>(day.stops());
        stops.addAll(added);
        return new DepotDay(day.name(), day.depot(), day.vehicles(), stops, day.reloadSeconds()).problem(progress, nowS, assigned);
    }

    /** The trip that had left the depot by {@code nowS} without any of its stops served yet, or -1. */
    private static int firstTripStartedBefore(RouteVehicle v, int nowS) {
        for (Stop s : v.getStops()) {
            Visit visit = s.getVisit();
            if (visit.leftDepot() >= 0 && visit.leftDepot() < nowS && visit.serviceStart() >= nowS) {
                return visit.trip();
            }
        }
        return -1;
    }

    private static List<DayProblem.Vehicle> vehicles(String prefix, int cars, int scooters, int breakMinutes) {
        List<DayProblem.Vehicle> vehicles = new ArrayList<>();
        for (int i = 0; i < cars + scooters; i++) {
            boolean car = i < cars;
            vehicles.add(new DayProblem.Vehicle(prefix + (i + 1), "Driver " + prefix + (i + 1), (long) i + 1, prefix + "-" + i,
                    car ? VehicleKind.CAR : VehicleKind.SCOOTER, car ? 40 : 3, BigDecimal.valueOf(car ? 1500 : 60),
                    LocalTime.of(8, 0), LocalTime.of(18, 0), LocalTime.of(11, 30), LocalTime.of(13, 30), breakMinutes, true));
        }
        return vehicles;
    }

    private static List<DayProblem.PlannedStop> stops(Random random, Coordinates depot, long firstId, int orders,
                                                      List<DayProblem.Vehicle> vehicles) {
        Map<Long, Inputs.Customer> customers = new HashMap<>();
        List<Inputs.Order> list = new ArrayList<>();
        for (long id = firstId; id < firstId + orders; id++) {
            double r = 8_000 * Math.sqrt(random.nextDouble());
            double angle = random.nextDouble() * 2 * Math.PI;
            double lat = depot.latitude() + r * Math.cos(angle) / 111_000;
            double lon = depot.longitude() + r * Math.sin(angle) / (111_000 * Math.cos(Math.toRadians(depot.latitude())));
            double kindDraw = random.nextDouble();
            String access = kindDraw < 0.05 ? "SCOOTER" : kindDraw < 0.15 ? "CAR" : "ANY";
            boolean restaurant = "CAR".equals(access) || random.nextDouble() < 0.15;
            customers.put(id, new Inputs.Customer(id, "C" + id, "客戶" + id, List.of("0912345678"), "桃園市",
                    "桃園區", BigDecimal.valueOf(lat), BigDecimal.valueOf(lon), List.of(), null, null, access, null, true));
            int quantity = restaurant ? 1 + random.nextInt(3) : 1;
            String product = restaurant ? "R50" : random.nextBoolean() ? "R20" : "R16";
            if ("SCOOTER".equals(access)) {
                product = "R20";
                quantity = 1;
            }
            LocalTime from = null;
            LocalTime to = null;
            if (random.nextDouble() < 0.4) {
                int start = 8 + random.nextInt(8);
                from = LocalTime.of(start, 0);
                to = LocalTime.of(start + 2, 0);
            }
            list.add(new Inputs.Order(id, id, "C" + id, "客戶" + id, "桃園區", DATE, from, to, "PENDING", 800L * quantity,
                    "CASH", null, null, null, null, null, null, null,
                    List.of(new Inputs.OrderItem(product, BigDecimal.valueOf(quantity), BigDecimal.valueOf(800)))));
        }
        return DayStops.of(DATE, list, customers, PRODUCTS, vehicles, DEFAULTS, Map.of());
    }
}
