package com.luckygas.route.bench;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import com.luckygas.route.planning.DayProblem;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.solver.SolveLimits;
import com.luckygas.route.planning.solver.Temperature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Issue 15's day (route-service/bench/vrp --day): two depots (桃園, 中壢) with 150 orders, 5 cars and
 * 3 scooters that reload at their depot, breaks and time windows; both depots' plans solved at
 * the same time, as the service does (two solver threads). Then the same day at 13:00 with every
 * driver out: what each delivered is history, what he carries stays his, 10 new orders come in,
 * and both depots plan again from the routes they had.
 */
final class RunningDayBench {

    private RunningDayBench() {
    }

    record Solved(SyntheticDay.DepotDay day, DayProblem problem, RoutePlanSolution solution, double ms) {

        long unplanned() {
            return solution.getStops().stream().filter(s -> s.getVehicle() == null).count()
                    + problem.stops().stream().filter(s -> s.reason() != null).count();
        }

        /** The orders the solver left out: id (access, cylinders, window in minutes of the day). */
        String left() {
            StringBuilder out = new StringBuilder();
            for (var st : solution.getStops()) {
                if (st.getVehicle() == null) {
                    out.append(' ').append(st.getId()).append('(').append(st.getAccess()).append(",cyl ").append(st.getCylinders())
                            .append(",win ").append(st.getReadyTime() / 60).append('-').append(st.getDueTime() / 60).append(')');
                }
            }
            return out.toString();
        }

        String trips() {
            StringBuilder out = new StringBuilder();
            for (RouteVehicle v : solution.getVehicles()) {
                int trips = v.getStops().isEmpty() ? 0 : v.getStops().get(v.getStops().size() - 1).getVisit().trip();
                out.append(v.getId()).append(' ').append(v.getKind() == com.luckygas.route.planning.domain.VehicleKind.SCOOTER
                        ? "scooter" : "car").append(' ').append(v.getStops().size()).append(" stops/").append(trips)
                        .append(" trips; ");
            }
            return out.toString();
        }
    }

    static void run(Duration max, int runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Double> day = new ArrayList<>();
            List<Double> replan = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                long seed = 42 + r;
                List<SyntheticDay.DepotDay> depots = SyntheticDay.twoDepots(150, 5, 3, seed);
                long start = System.nanoTime();
                List<Solved> morning = both(pool, depots, d -> d.problem(), (d, p) -> SolveLimits.override(
                        p.solution().getStops().size(), max));
                double wall = (System.nanoTime() - start) / 1e6;
                day.add(wall);
                long unplanned = morning.stream().mapToLong(Solved::unplanned).sum();
                System.out.printf(Locale.ROOT, "two depots, 150 orders, 5 cars + 3 scooters (reloads, breaks), seed %d: %.0f ms "
                                + "wall (%s), %d unplanned, scores %s / %s%n  %s%n  %s%n", seed, wall,
                        morning.stream().map(s -> String.format(Locale.ROOT, "%s %.0f ms", s.day().name(), s.ms()))
                                .reduce((a, b) -> a + ", " + b).orElse(""),
                        unplanned, morning.get(0).solution().getScore(), morning.get(1).solution().getScore(),
                        morning.get(0).trips(), morning.get(1).trips());

                int nowS = 13 * 3600;
                List<DayProblem> afternoons = new ArrayList<>();
                for (int d = 0; d < depots.size(); d++) {
                    Solved m = morning.get(d);
                    afternoons.add(SyntheticDay.afternoon(m.day(), m.solution(), nowS,
                            SyntheticDay.more(m.day(), 50_001 + 100L * d, 5, seed * 31 + d, nowS)));
                }
                start = System.nanoTime();
                List<Solved> again = both(pool, depots, d -> afternoons.get(depots.indexOf(d)),
                        (d, p) -> SolveLimits.replan(p.solution().getStops().size(), max));
                wall = (System.nanoTime() - start) / 1e6;
                replan.add(wall);
                long out = afternoons.stream().flatMap(p -> p.routes().stream()).filter(rt -> rt.progress().setOut()).count();
                long carried = afternoons.stream().flatMap(p -> p.routes().stream()).mapToLong(rt -> rt.carried().size()).sum();
                System.out.printf(Locale.ROOT, "  re-plan at 13:00, %d of 8 drivers out carrying %d stops, 10 new orders: %.0f ms wall, "
                                + "%d unplanned%s (%d stops to place), scores %s / %s%n", out, carried, wall,
                        again.stream().mapToLong(Solved::unplanned).sum(), again.get(0).left() + again.get(1).left(),
                        again.stream().mapToLong(s -> s.solution().getStops().size()).sum(),
                        again.get(0).solution().getScore(), again.get(1).solution().getScore());
            }
            day.sort(Double::compare);
            replan.sort(Double::compare);
            System.out.printf(Locale.ROOT, "two-depot day: median %.0f ms, max %.0f ms; re-plan at 13:00: median %.0f ms, max %.0f ms%n",
                    day.get(day.size() / 2), day.get(day.size() - 1), replan.get(replan.size() / 2), replan.get(replan.size() - 1));
        } finally {
            pool.shutdown();
        }
    }

    /** Both depots' problems solved at the same time, each with its own temperature and time limit. */
    private static List<Solved> both(ExecutorService pool, List<SyntheticDay.DepotDay> depots,
                                     Function<SyntheticDay.DepotDay, DayProblem> problemOf,
                                     java.util.function.BiFunction<SyntheticDay.DepotDay, DayProblem,
                                             SolverConfigOverride<RoutePlanSolution>> limits) throws Exception {
        List<Future<Solved>> futures = new ArrayList<>();
        for (SyntheticDay.DepotDay d : depots) {
            futures.add(pool.submit(() -> {
                DayProblem problem = problemOf.apply(d);
                RoutePlanSolution solution = problem.solution();
                long start = System.nanoTime();
                RoutePlanSolution solved = VrpBench.FACTORIES.forTemperature(Temperature.startingSoft(solution))
                        .buildSolver(limits.apply(d, problem)).solve(solution);
                return new Solved(d, problem, solved, (System.nanoTime() - start) / 1e6);
            }));
        }
        List<Solved> solved = new ArrayList<>();
        for (Future<Solved> f : futures) {
            solved.add(f.get());
        }
        return solved;
    }
}
