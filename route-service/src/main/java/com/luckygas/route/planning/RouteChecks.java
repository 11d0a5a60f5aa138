package com.luckygas.route.planning;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.DefaultConstraintJustification;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.Visit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** What a plan's score says in the office's words: the hard constraints broken, and why an order stayed unplanned. */
@ApplicationScoped
public class RouteChecks {

    /** A broken hard constraint: which, on whose route, which orders, how badly. */
    public record Broken(String constraint, String driverId, List<Long> orderIds, long penalty) {
    }

    private final SolutionManager<RoutePlanSolution, HardMediumSoftLongScore> solutionManager;

    RouteChecks(SolutionManager<RoutePlanSolution, HardMediumSoftLongScore> solutionManager) {
        this.solutionManager = solutionManager;
    }

    /** Computes the solution's times and score (after a change by hand, or for a plan with nothing to solve). */
    public HardMediumSoftLongScore update(RoutePlanSolution solution) {
        return solutionManager.update(solution);
    }

    /** The hard constraints a solution breaks, one entry per match (empty when it is feasible). */
    public List<Broken> broken(RoutePlanSolution solution) {
        if (solution.getScore() != null && solution.getScore().hardScore() >= 0) {
            return List.of();
        }
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutionManager.analyze(solution, ScoreAnalysisFetchPolicy.FETCH_ALL);
        List<Broken> broken = new ArrayList<>();
        analysis.constraintMap().values().forEach(constraint -> {
            if (constraint.score().hardScore() >= 0 || constraint.matches() == null) {
                return;
            }
            constraint.matches().forEach(match -> {
                List<Long> orders = new ArrayList<>();
                String driver = null;
                if (match.justification() instanceof DefaultConstraintJustification j) {
                    for (Object fact : j.getFacts()) {
                        if (fact instanceof Stop s) {
                            orders.add(Long.parseLong(s.getId()));
                            driver = s.getVehicle() == null ? driver : s.getVehicle().getId();
                        } else if (fact instanceof RouteVehicle v) {
                            driver = v.getId();
                        }
                    }
                }
                broken.add(new Broken(constraint.constraintRef().constraintName(), driver, orders,
                        -match.score().hardScore()));
            });
        });
        return broken;
    }

    /** Why the solver left a plannable order out. */
    public String unplannedReason(Stop stop, RoutePlanSolution solution) {
        List<RouteVehicle> allowed = solution.getVehicles().stream()
                .filter(v -> stop.getAccess().allows(v.getKind())).toList();
        if (allowed.isEmpty()) {
            return "no planned vehicle reaches this customer";
        }
        boolean reachable = allowed.stream().anyMatch(v -> {
            Visit alone = v.visit(null, stop);
            return alone.serviceStart() <= stop.getDueTime() && v.returnAfter(alone) <= v.getEndTime();
        });
        if (!reachable) {
            return "its time window cannot be reached within any driver's shift";
        }
        return "no room left on the day's routes (vehicle capacity, time windows or shift end)";
    }
}
