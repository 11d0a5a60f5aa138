package com.luckygas.route.planning.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import com.luckygas.route.planning.domain.Access;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-plan simulated-annealing temperature and the configuration copies that carry it. */
class TemperatureTest {

    /** A depot and three stops on a line, 10 × unit apart. */
    private static RoutePlanSolution line(long unit) {
        int n = 4;
        long[] d = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = Math.abs(i - j) * 10 * unit;
            }
        }
        TravelMatrix matrix = TravelMatrix.uniform(n, d);
        List<Stop> stops = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            stops.add(new Stop(String.valueOf(i), i, 1, 0, 0, Long.MAX_VALUE / 4, 0, Access.ANY));
        }
        RouteVehicle vehicle = new RouteVehicle("V1", VehicleKind.CAR, 10, Long.MAX_VALUE / 4, 0, 0, Long.MAX_VALUE / 4, matrix);
        return new RoutePlanSolution(List.of(vehicle), stops, ConstraintWeightOverrides.none());
    }

    @Test
    void typicalLegIsTheMeanCostToTheNearestPlaces() {
        // stop 1: 10, 10, 20; stop 2: 20, 10, 10; stop 3: 30, 20, 10 (only three other places each)
        assertEquals((40.0 / 3 + 40.0 / 3 + 20) / 3, Temperature.typicalLeg(line(1)), 1e-9);
    }

    @Test
    void startingTemperatureFollowsTheCostScaleInHalfPowersOfTwo() {
        assertEquals(8, Temperature.startingSoft(line(1)));     // 0.5 × 15.6 = 7.8 → 2^3
        assertEquals(724, Temperature.startingSoft(line(100))); // 0.5 × 1556 = 778 → 2^9.5
    }

    @Test
    void aPlanWithoutStopsGetsTheLowestTemperature() {
        RoutePlanSolution empty = line(1);
        empty.setStops(List.of());
        assertEquals(1, Temperature.startingSoft(empty));
    }

    @Test
    void theCopyCarriesTheTemperatureAndTheBaseIsUnchanged() {
        SolverConfig base = SolverConfig.createFromXmlResource("solverConfig.xml");
        String before = annealing(base);
        SolverConfig copy = SolverFactories.withTemperature(base, 37);
        assertEquals("0hard/0medium/37soft", annealing(copy));
        assertEquals(before, annealing(base));
        assertEquals(base.getPhaseConfigList().size(), copy.getPhaseConfigList().size());
    }

    private static String annealing(SolverConfig config) {
        return config.getPhaseConfigList().stream().filter(LocalSearchPhaseConfig.class::isInstance)
                .map(p -> ((LocalSearchPhaseConfig) p).getAcceptorConfig().getSimulatedAnnealingStartingTemperature())
                .findFirst().orElseThrow();
    }
}
