package com.luckygas.route.bench;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import com.luckygas.route.planning.DayProblem;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.solver.SolveLimits;
import com.luckygas.route.planning.solver.SolverFactories;
import com.luckygas.route.planning.solver.Temperature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The planner against published results: solves CVRPLIB / Solomon instances with the service's
 * own solver configuration (solverConfig.xml, SolveLimits) and prints cost, gap to the best
 * known, vehicles and time; writes each solution as a CVRPLIB .sol so that anyone can re-check
 * the cost. Also times a realistic day and a 10-stop plan. Run: route-service/bench/vrp --help.
 */
public final class VrpBench {

    public static void main(String[] args) throws Exception {
        Duration max = Duration.ofSeconds(30);
        Path solDir = null;
        boolean day = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--max-seconds" -> max = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--sol" -> solDir = Path.of(args[++i]);
                case "--day" -> day = true;
                case "--help" -> {
                    System.out.println("usage: vrp [--max-seconds N] [--sol DIR] [--day] [FILE.vrp|FILE.txt|DIR]...");
                    return;
                }
                default -> {
                    Path p = Path.of(args[i]);
                    if (Files.isDirectory(p)) {
                        try (Stream<Path> s = Files.list(p)) {
                            s.filter(f -> f.toString().endsWith(".vrp") || f.toString().matches(".*/[A-Z]+\\d+\\.txt"))
                                    .sorted().forEach(files::add);
                        }
                    } else {
                        files.add(p);
                    }
                }
            }
        }
        if (solDir != null) {
            Files.createDirectories(solDir);
        }
        if (!files.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-12s %5s %10s %10s %7s %5s %7s %6s %8s %9s %4s %s%n",
                    "instance", "n", "cost", "best", "gap%", "veh", "time s", "SA T0", "moves/s", "moves/cpu", "cpu", "feasible");
        }
        for (Path file : files) {
            VrpInstance instance = VrpInstance.read(file);
            Double best = bestKnown(file, instance.name());
            long temperature = temperature(instance.solution());
            long start = System.nanoTime();
            RoutePlanSolution solved = solve(instance.solution(), instance.customers(), max);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cost = cost(solved, instance.matrix()) / instance.scale();
            long used = solved.getVehicles().stream().filter(v -> !v.getStops().isEmpty()).count();
            HardMediumSoftLongScore score = solved.getScore();
            boolean feasible = score.hardScore() == 0 && score.mediumScore() == 0;
            System.out.printf(Locale.ROOT, "%-12s %5d %10.1f %10s %7s %5d %7.1f %6d %8d %9d %3.0f%% %s%n", instance.name(), instance.customers(),
                    cost, best == null ? "-" : String.format(Locale.ROOT, "%.1f", best),
                    best == null ? "-" : String.format(Locale.ROOT, "%.2f", 100 * (cost - best) / best), used, seconds, temperature, lastMoveSpeed,
                    lastMovesPerCpuSecond, 100 * lastCpuShare,
                    feasible ? "yes" : "NO " + score);
            if (solDir != null) {
                writeSol(solDir.resolve(instance.name() + ".sol"), solved, cost, instance.scale());
            }
        }
        if (day) {
            timeDay("realistic day, one depot, one trip each, no breaks (150 orders, 5 cars + 3 scooters)", 150, 5, 3, max, 3);
            timeDay("10-stop plan (2 cars)", 10, 2, 0, max, 20);
            RunningDayBench.run(max, 3);
        }
    }

    /**
     * As in the service: one factory per simulated-annealing starting temperature, built when a
     * plan first needs it (its time is in the measured time) and kept; each solve gets its own
     * time limits.
     */
    static final SolverFactories FACTORIES =
            new SolverFactories(AsService.solverConfig());

    /**
     * The last solve: moves evaluated a second (Timefold's move evaluation speed, by the wall
     * clock), moves per second of the solving thread's own CPU time (not lowered by other work
     * on the machine), and the share of the wall time that thread was on a CPU.
     */
    static long lastMoveSpeed;
    static long lastMovesPerCpuSecond;
    static double lastCpuShare;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static RoutePlanSolution solve(RoutePlanSolution problem, int stops, Duration max) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        Solver<RoutePlanSolution> solver = FACTORIES.forTemperature(temperature(problem))
                .buildSolver(SolveLimits.override(stops, max));
        RoutePlanSolution solved = solver.solve(problem);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        DefaultSolver<RoutePlanSolution> timefold = (DefaultSolver<RoutePlanSolution>) solver;
        lastMoveSpeed = timefold.getMoveEvaluationSpeed();
        lastMovesPerCpuSecond = cpu == 0 ? 0 : Math.round(timefold.getMoveEvaluationCount() * 1e9 / cpu);
        lastCpuShare = (double) cpu / wall;
        return solved;
    }

    /**
     * The plan's starting temperature as the service derives it; {@code -Dbench.temperatureScale=X}
     * multiplies it (experiments only).
     */
    static long temperature(RoutePlanSolution problem) {
        double scale = Double.parseDouble(System.getProperty("bench.temperatureScale", "1"));
        return Math.max(1, Math.round(Temperature.startingSoft(problem) * scale));
    }

    private static void timeDay(String label, int orders, int cars, int scooters, Duration max, int runs) {
        double[] times = new double[runs];
        long[] speeds = new long[runs];
        List<String> scores = new ArrayList<>();
        RoutePlanSolution last = null;
        DayProblem problem = null;
        for (int r = 0; r < runs; r++) {
            problem = SyntheticDay.oneDepot(orders, cars, scooters, 42 + r);
            long start = System.nanoTime();
            last = solve(problem.solution(), orders, max);
            times[r] = (System.nanoTime() - start) / 1e6;
            speeds[r] = lastMoveSpeed;
            scores.add(last.getScore().toString());
        }
        Arrays.sort(times);
        Arrays.sort(speeds);
        long used = last.getVehicles().stream().filter(v -> !v.getStops().isEmpty()).count();
        long unplanned = last.getStops().stream().filter(s -> s.getVehicle() == null).count()
                + problem.stops().stream().filter(s -> s.reason() != null).count();
        System.out.printf(Locale.ROOT, "%s: %d runs, median %.0f ms, max %.0f ms, median %d moves/s; last: score %s, %d routes, %d unplanned%n",
                label, runs, times[runs / 2], times[runs - 1], speeds[runs / 2], last.getScore(), used, unplanned);
        if (runs <= 5) {
            System.out.println("  scores by seed from 42: " + String.join(", ", scores));
        }
    }

    /** The routes' length by the instance's own arc costs, computed from the routes alone. */
    static long cost(RoutePlanSolution solution, TravelMatrix matrix) {
        long total = 0;
        for (RouteVehicle v : solution.getVehicles()) {
            int at = v.getDepot();
            for (Stop s : v.getStops()) {
                total += matrix.distance(at, s.getLocation());
                at = s.getLocation();
            }
            total += matrix.distance(at, v.getDepot());
        }
        return total;
    }

    private static void writeSol(Path file, RoutePlanSolution solution, double cost, double scale) throws IOException {
        StringBuilder out = new StringBuilder();
        int k = 1;
        for (RouteVehicle v : solution.getVehicles()) {
            if (!v.getStops().isEmpty()) {
                out.append("Route #").append(k++).append(": ")
                        .append(v.getStops().stream().map(Stop::getId).collect(Collectors.joining(" "))).append('\n');
            }
        }
        out.append("Cost ").append(scale == 1 ? String.valueOf(Math.round(cost)) : String.format(Locale.ROOT, "%.1f", cost)).append('\n');
        Files.writeString(file, out);
    }

    /** The best-known cost from bks.csv beside the instance (CVRPLIB bks_cost; Solomon distance-only optimum). */
    private static Double bestKnown(Path file, String name) throws IOException {
        Path bks = file.resolveSibling("bks.csv");
        if (!Files.exists(bks)) {
            return null;
        }
        List<String> lines = Files.readAllLines(bks);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int column = header.contains("bks_cost") ? header.indexOf("bks_cost") : header.indexOf("distmin_opt_distance_trunc1");
        Map<String, String> byName = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            byName.put(cells[0], cells[column]);
        }
        String value = byName.get(name);
        return value == null || value.isBlank() ? null : Double.valueOf(value);
    }
}
