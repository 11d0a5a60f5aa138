package com.luckygas.route.bench;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import com.luckygas.route.planning.domain.Access;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import com.luckygas.route.planning.solver.RouteConstraints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CVRPLIB (.vrp, EUC_2D) or Solomon (.txt) instance as a {@link RoutePlanSolution}, with the
 * distance convention the published costs use: CVRPLIB rounds each arc to the nearest integer;
 * Solomon distance-only optima truncate each arc to one decimal (here: tenths, as integers).
 */
record VrpInstance(String name, int customers, double scale, TravelMatrix matrix, RoutePlanSolution solution) {

    /** The CVRP/VRPTW objective is distance alone: the day-planning soft extras weigh nothing. */
    static ConstraintWeightOverrides<HardMediumSoftLongScore> distanceOnly() {
        return ConstraintWeightOverrides.of(Map.of(
                RouteConstraints.LATENESS_MARGIN, HardMediumSoftLongScore.ZERO,
                RouteConstraints.BALANCE, HardMediumSoftLongScore.ZERO));
    }

    static VrpInstance read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = file.getFileName().toString().replaceFirst("\\.(vrp|txt)$", "");
        return lines.stream().anyMatch(l -> l.contains("NODE_COORD_SECTION")) ? cvrp(name, lines) : solomon(name, lines);
    }

    private static VrpInstance cvrp(String name, List<String> lines) {
        int dimension = 0;
        int capacity = 0;
        List<double[]> coords = new ArrayList<>();
        List<Integer> demands = new ArrayList<>();
        String section = "";
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("DIMENSION")) {
                dimension = Integer.parseInt(line.split(":")[1].trim());
            } else if (line.startsWith("CAPACITY")) {
                capacity = Integer.parseInt(line.split(":")[1].trim());
            } else if (line.endsWith("_SECTION") || line.equals("EOF")) {
                section = line;
            } else if (section.equals("NODE_COORD_SECTION")) {
                String[] p = line.split("\\s+");
                coords.add(new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2])});
            } else if (section.equals("DEMAND_SECTION")) {
                demands.add(Integer.parseInt(line.split("\\s+")[1]));
            }
        }
        if (coords.size() != dimension || demands.size() != dimension) {
            throw new IllegalArgumentException(name + ": expected " + dimension + " nodes");
        }
        long[] d = new long[dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                d[i * dimension + j] = (long) Math.floor(euclid(coords.get(i), coords.get(j)) + 0.5);
            }
        }
        TravelMatrix matrix = TravelMatrix.uniform(dimension, d);
        int total = demands.stream().mapToInt(Integer::intValue).sum();
        Matcher k = Pattern.compile("-k(\\d+)").matcher(name);
        int fleet = Math.max(k.find() ? Integer.parseInt(k.group(1)) : 0, (total + capacity - 1) / capacity) + 4;
        List<Stop> stops = new ArrayList<>();
        for (int i = 1; i < dimension; i++) {
            stops.add(new Stop(String.valueOf(i), i, demands.get(i), 0, 0, Long.MAX_VALUE / 4, 0, Access.ANY));
        }
        return new VrpInstance(name, dimension - 1, 1, matrix,
                new RoutePlanSolution(vehicles(fleet, capacity, Long.MAX_VALUE / 4, matrix), stops, distanceOnly()));
    }

    private static VrpInstance solomon(String name, List<String> lines) {
        int fleet = 0;
        int capacity = 0;
        List<long[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("NUMBER")) {
                String[] p = lines.get(i + 1).trim().split("\\s+");
                fleet = Integer.parseInt(p[0]);
                capacity = Integer.parseInt(p[1]);
            } else if (line.matches("\\d+(\\s+\\d+(\\.\\d+)?){6}")) {
                String[] p = line.split("\\s+");
                long[] row = new long[7];
                for (int c = 0; c < 7; c++) {
                    row[c] = Math.round(Double.parseDouble(p[c]));
                }
                rows.add(row);
            }
        }
        int n = rows.size();
        long[] d = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = euclid(new double[] {rows.get(i)[1], rows.get(i)[2]}, new double[] {rows.get(j)[1], rows.get(j)[2]});
                d[i * n + j] = (long) Math.floor(10 * e);
            }
        }
        TravelMatrix matrix = TravelMatrix.uniform(n, d);
        List<Stop> stops = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            long[] r = rows.get(i);
            stops.add(new Stop(String.valueOf(i), i, (int) r[3], 0, 10 * r[4], 10 * r[5], 10 * r[6], Access.ANY));
        }
        return new VrpInstance(name, n - 1, 10, matrix,
                new RoutePlanSolution(vehicles(fleet, capacity, 10 * rows.get(0)[5], matrix), stops, distanceOnly()));
    }

    private static List<RouteVehicle> vehicles(int fleet, int capacity, long end, TravelMatrix matrix) {
        List<RouteVehicle> vehicles = new ArrayList<>();
        for (int v = 0; v < fleet; v++) {
            vehicles.add(new RouteVehicle("V" + (v + 1), VehicleKind.CAR, capacity, Long.MAX_VALUE / 4, 0, 0, end, matrix));
        }
        return vehicles;
    }

    private static double euclid(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
