package com.luckygas.route.planning.solver;

import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import java.util.Arrays;
import java.util.List;

/**
 * The simulated-annealing starting temperature of a plan, from its own travel costs: a fixed
 * number of soft points is too hot for a problem whose legs cost a few units and too cold for
 * one whose legs cost hundreds (CVRPLIB E and X instances, Solomon in tenths, a day in seconds).
 */
public final class Temperature {

    /**
     * The starting temperature in soft points is this share of the plan's typical leg (measured
     * on CVRPLIB E/X and Solomon R/RC/C instances at 10 s: 0.25, 0.35, 0.5, 0.7, 1 and 2; 0.5 was
     * the best over all of them, docs/benchmarks.md).
     */
    public static final double FACTOR = 0.5;

    /** How many nearest places make a stop's "typical leg". */
    static final int NEIGHBOURS = 5;

    private Temperature() {
    }

    /**
     * The starting temperature (soft points) for a plan: {@link #FACTOR} times its typical leg,
     * rounded to a power of the square root of two (so that plans of one kind share a solver
     * factory), at least 1.
     */
    public static long startingSoft(RoutePlanSolution solution) {
        double t = FACTOR * typicalLeg(solution);
        if (t <= 1) {
            return 1;
        }
        long halfPowers = Math.round(2 * Math.log(t) / Math.log(2));
        return Math.max(1, Math.round(Math.pow(2, halfPowers / 2.0)));
    }

    /**
     * The mean over the stops of the average travel cost to their {@value #NEIGHBOURS} nearest
     * other places (the depot included): the cost of a leg a good route actually drives.
     */
    public static double typicalLeg(RoutePlanSolution solution) {
        List<Stop> stops = solution.getStops();
        if (stops.isEmpty() || solution.getVehicles().isEmpty()) {
            return 0;
        }
        RouteVehicle vehicle = solution.getVehicles().get(0);
        int[] places = new int[stops.size() + 1];
        places[0] = vehicle.getDepot();
        for (int i = 0; i < stops.size(); i++) {
            places[i + 1] = stops.get(i).getLocation();
        }
        double total = 0;
        long[] costs = new long[places.length - 1];
        for (int i = 1; i < places.length; i++) {
            int n = 0;
            for (int j = 0; j < places.length; j++) {
                if (j != i) {
                    costs[n++] = Math.min(vehicle.cost(places[i], places[j]), vehicle.cost(places[j], places[i]));
                }
            }
            int k = Math.min(NEIGHBOURS, n);
            if (k == 0) {
                continue;
            }
            Arrays.sort(costs, 0, n);
            long sum = 0;
            for (int m = 0; m < k; m++) {
                sum += costs[m];
            }
            total += (double) sum / k;
        }
        return total / stops.size();
    }
}
