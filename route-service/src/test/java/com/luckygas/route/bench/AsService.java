package com.luckygas.route.bench;

import ai.timefold.solver.core.api.domain.common.DomainAccessType;
import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.domain.solution.cloner.FieldAccessingSolutionCloner;
import ai.timefold.solver.core.impl.domain.solution.cloner.gizmo.GizmoSolutionClonerFactory;
import ai.timefold.solver.core.impl.domain.solution.descriptor.SolutionDescriptor;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;

/**
 * The solver as the service runs it, for the benchmarks, which run as plain {@code java} mains:
 * <ul>
 * <li>Logging at INFO (Quarkus' default). Without Quarkus the JBoss log manager on the classpath
 * has no configuration and reports TRACE as enabled, so Timefold formatted a trace line for
 * every evaluated move (the move's {@code toString()}, the score) and dropped it.</li>
 * <li>Domain access through generated accessors ({@link DomainAccessType#GIZMO}), which the
 * Timefold Quarkus extension sets for the service (generated at build time there). A plain
 * {@code SolverConfig} reads the planning variables by reflection through method handles.</li>
 * </ul>
 * The benchmarks generate those accessors at run time (JVM only, test code); the service's
 * own code does not. Only the solution cloner (used once per new best solution) stays
 * reflective here: generated at run time it would need public fields, which the extension's
 * build-time one does not.
 */
final class AsService {

    private AsService() {
    }

    /**
     * solverConfig.xml as the service's Timefold extension configures it; with
     * {@code -Dbench.plain=true} as before (unconfigured logging, reflection), for comparison.
     */
    static SolverConfig solverConfig() {
        if (Boolean.getBoolean("bench.plain")) {
            return SolverConfig.createFromXmlResource("solverConfig.xml");
        }
        // -Dbench.solverConfig=FILE: another configuration to compare with (experiments only)
        String file = System.getProperty("bench.solverConfig");
        LogContext.getLogContext().getLogger("").setLevel(Level.INFO);
        SolutionDescriptor<RoutePlanSolution> descriptor =
                SolutionDescriptor.buildSolutionDescriptor(RoutePlanSolution.class, RouteVehicle.class, Stop.class);
        SolutionCloner<RoutePlanSolution> cloner = new FieldAccessingSolutionCloner<>(descriptor);
        SolverConfig config = file == null ? SolverConfig.createFromXmlResource("solverConfig.xml")
                : SolverConfig.createFromXmlFile(new java.io.File(file));
        return config
                .withDomainAccessType(DomainAccessType.GIZMO)
                .withGizmoSolutionClonerMap(Map.of(GizmoSolutionClonerFactory.getGeneratedClassName(descriptor), cloner));
    }
}
