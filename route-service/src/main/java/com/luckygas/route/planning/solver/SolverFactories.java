package com.luckygas.route.planning.solver;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Solver factories for solverConfig.xml with the simulated-annealing starting temperature a plan
 * needs ({@link Temperature}): one factory per temperature, built the first time a plan needs it
 * and kept (temperatures come in half powers of two, so a service sees a handful). The service
 * and the VRP benchmark both solve through this.
 */
public final class SolverFactories {

    private final SolverConfig base;
    private final ConcurrentMap<Long, SolverFactory<RoutePlanSolution>> byTemperature = new ConcurrentHashMap<>();

    /**
     * Also builds one factory from the configuration as it is and drops it: this loads and
     * initialises the solver's classes once, up front (as the Timefold extension's own factory did
     * at start), so that the first plan of each temperature pays milliseconds, not a cold start.
     */
    public SolverFactories(SolverConfig base) {
        this.base = base;
        SolverFactory.create(base.copyConfig()).buildSolver();
    }

    /** The factory for a plan: its own starting temperature. */
    public SolverFactory<RoutePlanSolution> forPlan(RoutePlanSolution solution) {
        return forTemperature(Temperature.startingSoft(solution));
    }

    public SolverFactory<RoutePlanSolution> forTemperature(long soft) {
        return byTemperature.computeIfAbsent(soft, t -> SolverFactory.create(withTemperature(base, t)));
    }

    /** A copy of the configuration whose simulated-annealing phases start at this many soft points. */
    static SolverConfig withTemperature(SolverConfig base, long soft) {
        SolverConfig copy = base.copyConfig();
        List<PhaseConfig> phases = new ArrayList<>();
        for (PhaseConfig phase : copy.getPhaseConfigList()) {
            PhaseConfig own = (PhaseConfig) phase.copyConfig();
            if (own instanceof LocalSearchPhaseConfig local && local.getAcceptorConfig() != null
                    && local.getAcceptorConfig().getSimulatedAnnealingStartingTemperature() != null) {
                LocalSearchAcceptorConfig acceptor = local.getAcceptorConfig().copyConfig();
                acceptor.setSimulatedAnnealingStartingTemperature("0hard/0medium/" + soft + "soft");
                local.setAcceptorConfig(acceptor);
            }
            phases.add(own);
        }
        copy.setPhaseConfigList(phases);
        return copy;
    }
}
