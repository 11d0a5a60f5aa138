package com.luckygas.route.planning;

import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.solver.SolverFactories;
import com.luckygas.route.planning.solver.Temperature;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The background solvers: solverConfig.xml (as the Timefold extension reads it) with each plan's
 * own simulated-annealing starting temperature ({@link Temperature}); one {@link SolverManager}
 * per temperature, created when first needed and closed at shutdown, with two solving threads:
 * two depots plan their day at the same time (the machines have two cores; a third waits). Built
 * with the planner at start (a singleton), so the solver's classes are loaded before any plan.
 */
@Singleton
public class Solvers {

    private final SolverFactories factories;
    private final ConcurrentMap<Long, SolverManager<RoutePlanSolution, Long>> managers = new ConcurrentHashMap<>();

    Solvers(SolverConfig config) {
        this.factories = new SolverFactories(config);
    }

    public SolverManager<RoutePlanSolution, Long> forPlan(RoutePlanSolution solution) {
        return managers.computeIfAbsent(Temperature.startingSoft(solution), t -> SolverManager.create(
                factories.forTemperature(t), new SolverManagerConfig().withParallelSolverCount("2")));
    }

    @PreDestroy
    void close() {
        managers.values().forEach(SolverManager::close);
    }
}
