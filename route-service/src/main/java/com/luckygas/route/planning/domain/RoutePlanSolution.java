package com.luckygas.route.planning.domain;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/**
 * A day's planning problem and, once solved, its routes. Score levels: hard = what must hold
 * (capacity, access, time windows, shift end), medium = orders left unplanned, soft = travel,
 * lateness margin and workload balance.
 * <p>
 * The planning annotations (here and on the entities) are on the public getters, not the private
 * fields, so that the solver reaches them through generated accessors also outside Quarkus (the
 * VRP benchmark); the Quarkus extension generates those at build time either way.
 */
@PlanningSolution
public class RoutePlanSolution {

    private List<RouteVehicle> vehicles;
    private List<Stop> stops;
    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides;
    private HardMediumSoftLongScore score;

    public RoutePlanSolution() {
    }

    public RoutePlanSolution(List<RouteVehicle> vehicles, List<Stop> stops,
                             ConstraintWeightOverrides<HardMediumSoftLongScore> weights) {
        this.vehicles = vehicles;
        this.stops = stops;
        this.constraintWeightOverrides = weights;
    }

    @PlanningEntityCollectionProperty
    public List<RouteVehicle> getVehicles() {
        return vehicles;
    }

    public void setVehicles(List<RouteVehicle> vehicles) {
        this.vehicles = vehicles;
    }

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    public List<Stop> getStops() {
        return stops;
    }

    public void setStops(List<Stop> stops) {
        this.stops = stops;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    @PlanningScore
    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
