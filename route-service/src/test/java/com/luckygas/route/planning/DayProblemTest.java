package com.luckygas.route.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import com.luckygas.route.planning.domain.Access;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.VehicleKind;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The solver's view of a day's stops. */
class DayProblemTest {

    @Test
    void ordersOnlySomeVehiclesMayTakeComeFirstForTheConstructionHeuristicEachAtItsOwnPlace() {
        Coordinates depot = new Coordinates(25.0, 121.3);
        List<DayProblem.Vehicle> vehicles = List.of(
                new DayProblem.Vehicle("D1", "Car", 1L, "P-1", VehicleKind.CAR, 40, BigDecimal.valueOf(1500),
                        LocalTime.of(8, 0), LocalTime.of(18, 0), LocalTime.of(11, 30), LocalTime.of(13, 30), 30, true),
                new DayProblem.Vehicle("D2", "Scooter", 2L, "P-2", VehicleKind.SCOOTER, 3, BigDecimal.valueOf(60),
                        LocalTime.of(8, 0), LocalTime.of(18, 0), LocalTime.of(11, 30), LocalTime.of(13, 30), 30, true));
        List<DayProblem.PlannedStop> stops = List.of(
                stop(1, Access.ANY, 0.001), stop(2, Access.SCOOTER, 0.002), stop(3, Access.ANY, 0.003),
                stop(4, Access.CAR, 0.004), stop(5, Access.SCOOTER, 0.005));
        DayProblem problem = DayProblem.assemble(depot, vehicles, stops, Map.of(), 0, 600,
                places -> GreatCircle.matrix(places, TravelAndInputsTest.SETTINGS), ConstraintWeightOverrides.none(), Map.of(),
                Map.of());
        List<Stop> order = problem.solution().getStops();
        assertEquals(List.of("2", "4", "5", "1", "3"), order.stream().map(Stop::getId).toList());
        // each stop keeps its own place in the matrix (place i is order i; 0 is the depot)
        assertEquals(List.of(2, 4, 5, 1, 3), order.stream().map(Stop::getLocation).toList());
    }

    private static DayProblem.PlannedStop stop(long id, Access access, double north) {
        return new DayProblem.PlannedStop(id, id, new Coordinates(25.0 + north, 121.3), 1, BigDecimal.valueOf(20),
                0, 24 * 3600 - 1, 300, access, null, null);
    }
}
