package com.luckygas.route.planning.solver;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import java.time.Duration;

/**
 * How long a plan may solve, from its size: a handful of stops is settled in tens of
 * milliseconds, a day of 150 orders in under ten seconds; never longer than the caller's limit.
 * The solver also stops early once the best score has not improved for a quarter of that time.
 * The service and the VRP benchmark use this same rule.
 */
public final class SolveLimits {

    private SolveLimits() {
    }

    /**
     * 95 ms a stop, at most 9.5 s up to a 150-order day (inside the 10 s a day may take), then
     * 135 ms for each stop beyond (300 stops: about 30 s); never under a second so that even a
     * cold JVM finishes the construction of a first full plan; never over the caller's limit.
     */
    public static Duration spent(int stops, Duration max) {
        long millis = stops <= 150 ? Math.min(95L * stops, 9_500) : 9_500 + 135L * (stops - 150);
        Duration bySize = Duration.ofMillis(Math.max(1000, millis));
        return bySize.compareTo(max) < 0 ? bySize : max;
    }

    /** Stop once the best plan has not improved for this long: 30 ms for a handful of stops. */
    public static Duration unimproved(int stops, Duration spent) {
        if (stops <= 20) {
            return Duration.ofMillis(30);
        }
        return spent.dividedBy(4);
    }

    public static TerminationConfig termination(int stops, Duration max) {
        Duration spent = spent(stops, max);
        return new TerminationConfig().withSpentLimit(spent).withUnimprovedSpentLimit(unimproved(stops, spent));
    }

    public static SolverConfigOverride<RoutePlanSolution> override(int stops, Duration max) {
        return new SolverConfigOverride<RoutePlanSolution>().withTerminationConfig(termination(stops, max));
    }

    /**
     * A re-plan during the day starts from the routes drivers were given, with only the new orders
     * to insert: a third of a new plan's time (at least a second), so that the
     * office has its answer in a few seconds; stopping, as always, once it no longer improves.
     */
    public static Duration replanSpent(int stops, Duration max) {
        Duration third = spent(stops, max).dividedBy(3);
        Duration atLeast = third.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : third;
        return atLeast.compareTo(max) < 0 ? atLeast : max;
    }

    public static SolverConfigOverride<RoutePlanSolution> replan(int stops, Duration max) {
        Duration spent = replanSpent(stops, max);
        return new SolverConfigOverride<RoutePlanSolution>().withTerminationConfig(
                new TerminationConfig().withSpentLimit(spent).withUnimprovedSpentLimit(unimproved(stops, spent)));
    }
}
