package com.luckygas.route.planning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.solver.SolutionManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules that make a route's times ({@link RouteVehicle#visit}): reloads at the depot, the
 * break, a route that starts where a driver already out stands. Location 0 is the depot; travel
 * between neighbouring locations on the line is 100 s.
 */
class VisitRulesTest {

    static final TravelMatrix LINE = Lines.line(8);

    static Stop stop(String id, int location, int cylinders, long ready, long service) {
        return new Stop(id, location, cylinders, cylinders * 200L, ready, 1_000_000, service, Access.ANY);
    }

    static void route(RouteVehicle vehicle, Stop... stops) {
        vehicle.setStops(new ArrayList<>(List.of(stops)));
        List<Object> all = new ArrayList<>(List.of(stops));
        all.add(vehicle);
        SolutionManager.updateShadowVariables(RoutePlanSolution.class, all.toArray());
    }

    @Test
    void aScooterGoesBackToReloadWhenTheNextStopDoesNotFitAndNumbersItsTrips() {
        RouteVehicle scooter = new RouteVehicle("S", VehicleKind.SCOOTER, 3, 600, 0, 0, 100_000, LINE).reloading(60);
        Stop a = stop("a", 1, 2, 0, 10);
        Stop b = stop("b", 2, 1, 0, 10);
        Stop c = stop("c", 3, 1, 0, 10);
        route(scooter, a, b, c);
        // a (2) and b (1) fill the 3 cylinders; c needs a reload: b → depot 200 s, reload 60, depot → c 300
        assertFalse(b.getVisit().reloadBefore());
        assertEquals(1, b.getVisit().trip());
        assertTrue(c.getVisit().reloadBefore());
        assertEquals(2, c.getVisit().trip());
        assertEquals(b.getDepartureTime() + 200 + 60, c.getVisit().leftDepot());
        assertEquals(b.getDepartureTime() + 200 + 60 + 300, c.getArrivalTime());
        assertEquals(1, c.getVisit().tripCylinders(), "the new trip carries c's cylinder only");
        assertEquals(0, scooter.getCylindersOverCapacity());
        // travel: 0→1 100, 1→2 100, 2→0 200, 0→3 300, back 300
        assertEquals(1000, scooter.getTravelCost());
    }

    @Test
    void withoutReloadsTheWholeRouteIsOneTripAndTheExcessIsCounted() {
        RouteVehicle car = new RouteVehicle("C", VehicleKind.CAR, 3, 600, 0, 0, 100_000, LINE);
        Stop a = stop("a", 1, 2, 0, 10);
        Stop b = stop("b", 2, 2, 0, 10);
        route(car, a, b);
        assertFalse(b.getVisit().reloadBefore());
        assertEquals(1, car.getCylindersOverCapacity());
    }

    @Test
    void theBreakIsTakenAtTheFirstFreeMomentOnceItMayStart() {
        RouteVehicle car = new RouteVehicle("C", VehicleKind.CAR, 20, 6000, 0, 0, 100_000, LINE)
                .withBreak(1000, 2000, 500, true);
        Stop a = stop("a", 1, 1, 0, 950);  // served 100..1050: the break may start at 1000, he is busy until 1050
        Stop b = stop("b", 2, 1, 0, 10);
        route(car, a, b);
        assertEquals(-1, a.getVisit().breakStart());
        assertEquals(1050, b.getVisit().breakStart(), "right after a, before driving on");
        assertEquals(1050 + 500 + 100, b.getArrivalTime());
        assertFalse(b.getVisit().breakPending());
        assertEquals(0, b.getVisit().breakLateness());
    }

    @Test
    void aWaitForTheCustomersWindowHoldsTheBreak() {
        RouteVehicle car = new RouteVehicle("C", VehicleKind.CAR, 20, 6000, 0, 900, 100_000, LINE)
                .withBreak(1000, 2000, 300, true);
        Stop a = stop("a", 1, 1, 1500, 10); // arrives 1000, window opens 1500: the break (1000..1300) goes into the wait
        route(car, a);
        assertEquals(1000, a.getVisit().breakStart());
        assertEquals(1500, a.getServiceStart(), "the wait was longer than the break");
        Stop late = stop("late", 1, 1, 1100, 10); // window opens 1100: break 1000..1300, service after it
        route(new RouteVehicle("D", VehicleKind.CAR, 20, 6000, 0, 900, 100_000, LINE).withBreak(1000, 2000, 300, true), late);
        assertEquals(1300, late.getServiceStart());
    }

    @Test
    void aBreakThatCannotStartInItsWindowIsLateByTheSeconds() {
        RouteVehicle car = new RouteVehicle("C", VehicleKind.CAR, 20, 6000, 0, 0, 100_000, LINE)
                .withBreak(100, 200, 60, true);
        Stop a = stop("a", 1, 1, 0, 400); // busy 100..500: the break starts at 500, 300 s after its latest start
        Stop b = stop("b", 2, 1, 0, 10);
        route(car, a, b);
        assertEquals(500, b.getVisit().breakStart());
        assertEquals(300, b.getVisit().breakLateness());
    }

    @Test
    void aDriverAlreadyOutGoesOnFromWhereHeIsAndReloadsBeforeANewStop() {
        // at location 5 at 3000 (his last stop), break already taken; the new stop at 1 needs cylinders from the depot
        RouteVehicle out = new RouteVehicle("C", VehicleKind.CAR, 20, 6000, 0, 0, 100_000, LINE).reloading(60)
                .startingAt(5, 3000, true, 3);
        Stop a = stop("a", 1, 1, 0, 10);
        route(out, a);
        assertTrue(a.getVisit().reloadBefore());
        assertEquals(3, a.getVisit().trip());
        assertEquals(3000 + 500 + 60, a.getVisit().leftDepot());
        assertEquals(3000 + 500 + 60 + 100, a.getArrivalTime());
        assertEquals(500 + 100 + 100, out.getTravelCost(), "5 → depot → 1 → depot");
    }
}
