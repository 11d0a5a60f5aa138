package com.luckygas.route.bench;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import com.luckygas.route.planning.Coordinates;
import com.luckygas.route.planning.GreatCircle;
import com.luckygas.route.planning.Inputs;
import com.luckygas.route.planning.Problem;
import com.luckygas.route.planning.RoutingSettings;
import com.luckygas.route.planning.domain.VehicleKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A realistic Lucky Gas day, reproducible from a seed: orders for homes and restaurants within
 * about 8 km of a depot in 桃園, one in twenty reachable only by scooter and one in ten only by car,
 * 40 % with a two-hour window; drivers in cars (40 cylinders / 1,500 kg) and scooters (3 / 60 kg).
 */
final class SyntheticDay {

    static final Coordinates DEPOT = new Coordinates(24.9937, 121.3010);
    static final LocalDate DATE = LocalDate.of(2026, 11, 23);

    static final RoutingSettings DEFAULTS = new RoutingSettings() {
        public double roadFactor() { return 1.3; }
        public double carKmh() { return 28; }
        public double scooterKmh() { return 22; }
        public Duration stopBase() { return Duration.ofMinutes(4); }
        public Duration stopPerCylinder() { return Duration.ofMinutes(1); }
        public Duration maxSolve() { return Duration.ofSeconds(30); }
        public Optional<String> osrmUrl() { return Optional.empty(); }
    };

    static Problem problem(int orders, int cars, int scooters, long seed) {
        Random random = new Random(seed);
        List<Problem.Vehicle> vehicles = new ArrayList<>();
        for (int i = 0; i < cars + scooters; i++) {
            boolean car = i < cars;
            vehicles.add(new Problem.Vehicle("D" + (i + 1), "Driver " + (i + 1), (long) i + 1, "P-" + i,
                    car ? VehicleKind.CAR : VehicleKind.SCOOTER, car ? 40 : 3, BigDecimal.valueOf(car ? 1500 : 60),
                    LocalTime.of(8, 0), LocalTime.of(18, 0)));
        }
        Map<Long, Inputs.Customer> customers = new HashMap<>();
        List<Inputs.Order> list = new ArrayList<>();
        for (long id = 1; id <= orders; id++) {
            double r = 8_000 * Math.sqrt(random.nextDouble());
            double angle = random.nextDouble() * 2 * Math.PI;
            double lat = DEPOT.latitude() + r * Math.cos(angle) / 111_000;
            double lon = DEPOT.longitude() + r * Math.sin(angle) / (111_000 * Math.cos(Math.toRadians(DEPOT.latitude())));
            double kindDraw = random.nextDouble();
            String access = kindDraw < 0.05 ? "SCOOTER" : kindDraw < 0.15 ? "CAR" : "ANY";
            boolean restaurant = "CAR".equals(access) || random.nextDouble() < 0.15;
            customers.put(id, new Inputs.Customer(id, "C" + id, "客戶" + id, List.of("0912345678"), "桃園市",
                    "桃園區", BigDecimal.valueOf(lat), BigDecimal.valueOf(lon), List.of(), null, access, null, true));
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
                    "CASH", null, null, null, List.of(new Inputs.OrderItem(product, BigDecimal.valueOf(quantity), BigDecimal.valueOf(800)))));
        }
        Map<String, Inputs.Product> products = Map.of(
                "R50", new Inputs.Product("R50", "50公斤", "CYLINDER", BigDecimal.valueOf(50), true),
                "R20", new Inputs.Product("R20", "20公斤", "CYLINDER", BigDecimal.valueOf(20), true),
                "R16", new Inputs.Product("R16", "16公斤", "CYLINDER", BigDecimal.valueOf(16), true));
        List<Problem.PlannedStop> stops = Problem.stops(DATE, list, customers, products, vehicles, DEFAULTS);
        return Problem.assemble(DEPOT, vehicles, stops, places -> GreatCircle.matrix(places, DEFAULTS),
                ConstraintWeightOverrides.none(), Map.of());
    }
}
