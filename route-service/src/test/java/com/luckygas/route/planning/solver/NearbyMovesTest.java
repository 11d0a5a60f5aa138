package com.luckygas.route.planning.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.luckygas.route.planning.domain.Access;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The local search's moves between near stops (solverConfig.xml uses them beside Timefold's own). */
class NearbyMovesTest {

    @Test
    void eachStopListsItsNearestStopsNearestFirst() {
        // depot at 0, stops at places 1..5 on a line, one unit apart
        int n = 6;
        long[] d = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = Math.abs(i - j);
            }
        }
        Stop[] stops = new Stop[5];
        for (int i = 0; i < 5; i++) {
            stops[i] = new Stop(String.valueOf(i + 1), i + 1, 1, 0, 0, 1000, 0, Access.ANY);
        }
        int[][] nearest = NearbyMoves.nearest(stops, TravelMatrix.uniform(n, d), 3);
        assertArrayEquals(new int[] {1, 2, 3}, nearest[0]); // place 1: places 2, 3, 4
        assertArrayEquals(new int[] {1, 3, 0}, nearest[2]); // place 3: 2 and 4 (1 away), then 1
        assertEquals(3, nearest[4].length);
    }

    @Test
    void theSolverConfigurationUsesThem() {
        SolverConfig config = SolverConfig.createFromXmlResource("solverConfig.xml");
        LocalSearchPhaseConfig local = config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance).map(LocalSearchPhaseConfig.class::cast)
                .findFirst().orElseThrow();
        UnionMoveSelectorConfig union = (UnionMoveSelectorConfig) local.getMoveSelectorConfig();
        assertTrue(union.getMoveSelectorList().stream().anyMatch(m -> m instanceof MoveIteratorFactoryConfig f
                && f.getMoveIteratorFactoryClass() == NearbyMoves.class));
    }

    /**
     * Timefold's full assertion mode recomputes the score from scratch after every move and its
     * undo and compares: a move that changed the routes without telling the solver, or undid
     * itself wrongly, fails here. Capacity (4 × 20 cylinders for about 80 ordered) and the time
     * windows are tight, so hard constraints are in play and stops may stay unplanned.
     */
    @Test
    void theMovesKeepTheScoreAndEveryStopOnce() {
        RoutePlanSolution problem = randomProblem(40, 4, 7);
        SolverConfig config = SolverConfig.createFromXmlResource("solverConfig.xml")
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withStepCountLimit(400));
        RoutePlanSolution solved = SolverFactory.<RoutePlanSolution>create(config).buildSolver().solve(problem);

        Set<String> seen = new HashSet<>();
        for (RouteVehicle vehicle : solved.getVehicles()) {
            for (Stop stop : vehicle.getStops()) {
                assertTrue(seen.add(stop.getId()), "stop " + stop.getId() + " planned twice");
                assertSame(vehicle, stop.getVehicle());
            }
        }
        long unplanned = solved.getStops().stream().filter(s -> s.getVehicle() == null).count();
        assertEquals(solved.getStops().size(), seen.size() + unplanned);
    }

    /** Random places on a 100 × 100 square, depot in the middle, windows of 200 on a day of 1000. */
    static RoutePlanSolution randomProblem(int stopCount, int vehicleCount, long seed) {
        Random random = new Random(seed);
        int n = stopCount + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        x[0] = 50;
        y[0] = 50;
        for (int i = 1; i < n; i++) {
            x[i] = random.nextDouble() * 100;
            y[i] = random.nextDouble() * 100;
        }
        long[] d = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = Math.round(Math.hypot(x[i] - x[j], y[i] - y[j]));
            }
        }
        TravelMatrix matrix = TravelMatrix.uniform(n, d);
        List<Stop> stops = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            long ready = random.nextInt(800);
            stops.add(new Stop(String.valueOf(i), i, 1 + random.nextInt(3), 0, ready, ready + 200, 10, Access.ANY));
        }
        List<RouteVehicle> vehicles = new ArrayList<>();
        for (int v = 0; v < vehicleCount; v++) {
            vehicles.add(new RouteVehicle("V" + v, VehicleKind.CAR, 20, Long.MAX_VALUE / 4, 0, 0, 1000, matrix));
        }
        return new RoutePlanSolution(vehicles, stops, ConstraintWeightOverrides.none());
    }
}
