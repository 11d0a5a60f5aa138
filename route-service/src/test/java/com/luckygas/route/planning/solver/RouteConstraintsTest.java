package com.luckygas.route.planning.solver;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import com.luckygas.route.planning.domain.Access;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per constraint, in Timefold's constraint-verifier style: a tiny situation and the exact
 * penalty it must cost. Location 0 is the depot; travel between neighbouring locations is 100 s.
 */
class RouteConstraintsTest {

    static final ConstraintVerifier<RouteConstraints, RoutePlanSolution> VERIFIER =
            ConstraintVerifier.build(new RouteConstraints(), RoutePlanSolution.class, RouteVehicle.class, Stop.class);

    /** |i - j| × 100 seconds (and metres) between locations i and j. */
    static final TravelMatrix LINE = com.luckygas.route.planning.domain.Lines.line(6);

    static RouteVehicle vehicle(VehicleKind kind, int cylinders, long kg, long end) {
        return new RouteVehicle("D1", kind, cylinders, kg * 10, 0, 0, end, LINE);
    }

    static Stop stop(String id, int location, int cylinders, long kg) {
        return new Stop(id, location, cylinders, kg * 10, 0, 1_000_000, 0, Access.ANY);
    }

    static Stop stop(String id, int location, long ready, long due, long service, Access access) {
        return new Stop(id, location, 1, 200, ready, due, service, access);
    }

    /** Puts the stops on the vehicle in order and lets Timefold compute the shadow variables. */
    static List<Object> route(RouteVehicle vehicle, Stop... stops) {
        vehicle.setStops(new ArrayList<>(List.of(stops)));
        List<Object> all = new ArrayList<>(List.of(stops));
        all.add(vehicle);
        SolutionManager.updateShadowVariables(RoutePlanSolution.class, all.toArray());
        return all;
    }

    @Test
    void capacityInCylindersPenalisesTheExcess() {
        RouteVehicle scooter = vehicle(VehicleKind.SCOOTER, 3, 1000, 100_000);
        VERIFIER.verifyThat(RouteConstraints::capacityCylinders)
                .given(route(scooter, stop("a", 1, 2, 40), stop("b", 2, 3, 60)).toArray())
                .penalizesBy(2);
        RouteVehicle car = vehicle(VehicleKind.CAR, 5, 1000, 100_000);
        VERIFIER.verifyThat(RouteConstraints::capacityCylinders)
                .given(route(car, stop("a", 1, 2, 40), stop("b", 2, 3, 60)).toArray())
                .penalizesBy(0);
    }

    @Test
    void aVehicleThatReloadsIsOverCapacityOnlyByWhatOneTripCannotHold() {
        RouteVehicle scooter = vehicle(VehicleKind.SCOOTER, 3, 1000, 100_000).reloading(600);
        // 2 + 3 cylinders: a reload between them, each trip within the 3 cylinders
        VERIFIER.verifyThat(RouteConstraints::capacityCylinders)
                .given(route(scooter, stop("a", 1, 2, 40), stop("b", 2, 3, 60)).toArray())
                .penalizesBy(0);
        // one stop of 5 cylinders is a trip of its own, 2 over
        RouteVehicle another = vehicle(VehicleKind.SCOOTER, 3, 1000, 100_000).reloading(600);
        VERIFIER.verifyThat(RouteConstraints::capacityCylinders)
                .given(route(another, stop("a", 1, 1, 20), stop("big", 2, 5, 100)).toArray())
                .penalizesBy(2);
    }

    @Test
    void theBreakPenalisesTheSecondsItStartsAfterItsLatestStart() {
        // busy at a until 100 + 400 = 500; the break may start from 100, at the latest 200: 300 s late
        RouteVehicle car = vehicle(VehicleKind.CAR, 20, 1000, 100_000).withBreak(100, 200, 60, true);
        VERIFIER.verifyThat(RouteConstraints::breakTime)
                .given(route(car, stop("a", 1, 0, 100_000, 400, Access.ANY), stop("b", 2, 0, 100_000, 0, Access.ANY)).toArray())
                .penalizesBy(300);
        RouteVehicle onTime = vehicle(VehicleKind.CAR, 20, 1000, 100_000).withBreak(100, 2000, 60, true);
        VERIFIER.verifyThat(RouteConstraints::breakTime)
                .given(route(onTime, stop("a", 1, 0, 100_000, 400, Access.ANY), stop("b", 2, 0, 100_000, 0, Access.ANY)).toArray())
                .penalizesBy(0);
    }

    @Test
    void capacityInKgPenalisesTheExcessInWholeKg() {
        RouteVehicle car = vehicle(VehicleKind.CAR, 20, 100, 100_000);
        VERIFIER.verifyThat(RouteConstraints::capacityKg)
                .given(route(car, stop("a", 1, 2, 100), stop("b", 2, 1, 50)).toArray())
                .penalizesBy(50);
    }

    @Test
    void scooterOnlyAndCarOnlyCustomers() {
        RouteVehicle car = vehicle(VehicleKind.CAR, 20, 1000, 100_000);
        VERIFIER.verifyThat(RouteConstraints::vehicleAccess)
                .given(route(car, stop("alley", 1, 0, 100_000, 0, Access.SCOOTER),
                        stop("any", 2, 0, 100_000, 0, Access.ANY), stop("road", 3, 0, 100_000, 0, Access.CAR)).toArray())
                .penalizesBy(1000);
        RouteVehicle scooter = vehicle(VehicleKind.SCOOTER, 20, 1000, 100_000);
        VERIFIER.verifyThat(RouteConstraints::vehicleAccess)
                .given(route(scooter, stop("alley", 1, 0, 100_000, 0, Access.SCOOTER),
                        stop("road", 3, 0, 100_000, 0, Access.CAR)).toArray())
                .penalizesBy(1000);
    }

    @Test
    void timeWindowPenalisesSecondsLate() {
        RouteVehicle car = vehicle(VehicleKind.CAR, 20, 1000, 100_000);
        // a: arrives 100, waits for 500, serves 60 → leaves 560; b: arrives 660, due 600 → 60 s late
        VERIFIER.verifyThat(RouteConstraints::timeWindow)
                .given(route(car, stop("a", 1, 500, 1000, 60, Access.ANY), stop("b", 2, 0, 600, 0, Access.ANY)).toArray())
                .penalizesBy(60);
    }

    @Test
    void shiftEndPenalisesTheReturnAfterTheShift() {
        RouteVehicle car = vehicle(VehicleKind.CAR, 20, 1000, 700);
        // out 300 (location 3), serve 200, back 300 → at the depot at 800, 100 after the shift
        VERIFIER.verifyThat(RouteConstraints::shiftEnd)
                .given(route(car, stop("a", 3, 0, 100_000, 200, Access.ANY)).toArray())
                .penalizesBy(100);
    }

    @Test
    void everyUnplannedOrderCostsOneMediumPoint() {
        RouteVehicle car = vehicle(VehicleKind.CAR, 20, 1000, 100_000);
        Stop planned = stop("a", 1, 1, 20);
        List<Object> facts = route(car, planned);
        facts.add(stop("b", 2, 1, 20));
        facts.add(stop("c", 3, 1, 20));
        VERIFIER.verifyThat(RouteConstraints::unassigned).given(facts.toArray()).penalizesBy(2);
    }

    @Test
    void travelCountsEveryLegAndTheWayBack() {
        RouteVehicle car = vehicle(VehicleKind.CAR, 20, 1000, 100_000);
        // 0 → 2 → 1 → 0: 200 + 100 + 100
        VERIFIER.verifyThat(RouteConstraints::travel)
                .given(route(car, stop("a", 2, 1, 20), stop("b", 1, 1, 20)).toArray())
                .penalizesBy(400);
    }

    @Test
    void latenessMarginPenalisesArrivingJustBeforeTheWindowCloses() {
        RouteVehicle car = vehicle(VehicleKind.CAR, 20, 1000, 100_000);
        // arrives at 100; window closes at 700 → 600 s of slack, 300 s short of the 900 s margin
        VERIFIER.verifyThat(RouteConstraints::latenessMargin)
                .given(route(car, stop("a", 1, 0, 700, 0, Access.ANY)).toArray())
                .penalizesBy(RouteConstraints.MARGIN_SECONDS - 600);
        VERIFIER.verifyThat(RouteConstraints::latenessMargin)
                .given(route(vehicle(VehicleKind.CAR, 20, 1000, 100_000), stop("b", 1, 0, 5000, 0, Access.ANY)).toArray())
                .penalizesBy(0);
    }

    @Test
    void balancedWorkloadPrefersEvenRoutes() {
        List<Object> even = new ArrayList<>(route(new RouteVehicle("D1", VehicleKind.CAR, 20, 10_000, 0, 0, 100_000, LINE),
                stop("a", 1, 1, 20)));
        even.addAll(route(new RouteVehicle("D2", VehicleKind.CAR, 20, 10_000, 0, 0, 100_000, LINE), stop("c", 1, 1, 20)));
        // loads 200 and 200 (0→1→0 each): nothing to balance
        VERIFIER.verifyThat(RouteConstraints::balance).given(even.toArray()).penalizesBy(0);
        List<Object> skewed = new ArrayList<>(route(new RouteVehicle("D1", VehicleKind.CAR, 20, 10_000, 0, 0, 100_000, LINE),
                stop("x", 5, 1, 20)));
        skewed.addAll(route(new RouteVehicle("D2", VehicleKind.CAR, 20, 10_000, 0, 0, 100_000, LINE), stop("y", 1, 1, 20)));
        // loads 1000 and 200: mean 600, unfairness = sqrt((400² + 400²)) = 565.68… → 565
        VERIFIER.verifyThat(RouteConstraints::balance).given(skewed.toArray()).penalizesBy(565);
    }
}
