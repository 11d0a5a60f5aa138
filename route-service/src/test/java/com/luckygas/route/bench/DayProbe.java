package com.luckygas.route.bench;

import com.luckygas.route.planning.DayProblem;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.solver.SolveLimits;
import com.luckygas.route.planning.solver.SolverFactories;
import com.luckygas.route.planning.solver.Temperature;
import java.time.Duration;
import java.util.Locale;

/**
 * Solves the synthetic day for given seeds several times, each run printed on its own line
 * (unplanned orders, score, temperature): for comparing solver settings on the day.
 * Args: seeds (comma-separated) runs [temperature|derived].
 */
public final class DayProbe {

    public static void main(String[] args) {
        SolverFactories factories = new SolverFactories(AsService.solverConfig());
        int runs = Integer.parseInt(args[1]);
        for (String seedText : args[0].split(",")) {
            long seed = Long.parseLong(seedText);
            for (int r = 0; r < runs; r++) {
                DayProblem problem = SyntheticDay.oneDepot(150, 5, 3, seed);
                RoutePlanSolution solution = problem.solution();
                long t = args.length > 2 && !"derived".equals(args[2]) ? Long.parseLong(args[2]) : Temperature.startingSoft(solution);
                long start = System.nanoTime();
                RoutePlanSolution solved = factories.forTemperature(t)
                        .buildSolver(SolveLimits.override(150, Duration.ofSeconds(30))).solve(solution);
                double ms = (System.nanoTime() - start) / 1e6;
                long unplanned = solved.getStops().stream().filter(s -> s.getVehicle() == null).count()
                        + problem.stops().stream().filter(s -> s.reason() != null).count();
                StringBuilder which = new StringBuilder();
                for (Stop s : solved.getStops()) {
                    if (s.getVehicle() == null) {
                        which.append(' ').append(s.getId()).append('(').append(s.getAccess()).append(",cyl ").append(s.getCylinders())
                                .append(",win ").append(s.getReadyTime()).append('-').append(s.getDueTime()).append(')');
                    }
                }
                System.out.printf(Locale.ROOT, "seed %d run %d T0 %d (typical leg %.1f): %d unplanned, score %s, %.0f ms;%s%n",
                        seed, r, t, Temperature.typicalLeg(solution), unplanned, solved.getScore(), ms, which);
            }
        }
    }
}
