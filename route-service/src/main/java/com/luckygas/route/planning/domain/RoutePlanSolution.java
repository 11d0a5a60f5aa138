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
 */
@PlanningSolution
public class RoutePlanSolution {

    @PlanningEntityCollectionProperty
    private List<RouteVehicle> vehicles;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Stop> stops;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public RoutePlanSolution() {
    }

    public RoutePlanSolution(List<RouteVehicle> vehicles, List<Stop> stops,
                             ConstraintWeightOverrides<HardMediumSoftLongScore> weights) {
        this.vehicles = vehicles;
        this.stops = stops;
        this.constraintWeightOverrides = weights;
    }

    public List<RouteVehicle> getVehicles() {
        return vehicles;
    }

    public void setVehicles(List<RouteVehicle> vehicles) {
        this.vehicles = vehicles;
    }

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

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
