package com.luckygas.route;

import static com.luckygas.route.DepotsTest.depot;
import static com.luckygas.route.DepotsTest.newDriver;
import static com.luckygas.route.PlanningTest.driver;
import static com.luckygas.route.PlanningTest.freshDate;
import static com.luckygas.route.PlanningTest.office;
import static com.luckygas.route.PlanningTest.ready;
import static com.luckygas.route.PlanningTest.vehicle;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.route.planning.DeliveryClient;
import com.luckygas.route.planning.Inputs;
import com.luckygas.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The day in motion: plans made during the day start from now and from what each driver has done
 * and carries; reloads at the depot; breaks; closed days of the month. The business clock is set
 * by the tests (TestClock), the orders move on as drivers act (FakeOtherServices).
 */
@QuarkusTest
class RunningDayTest {

    static final double LAT = 25.0330;
    static final double LON = 121.5654;
    static final ZoneOffset TAIPEI = ZoneOffset.ofHours(8);

    long depotId;
    String area;
    String car;
    String otherCar;
    String scooter;

    @BeforeEach
    void aDepotWithThreeDrivers() {
        String suffix = String.valueOf(PlanningTest.IDS.incrementAndGet());
        depotId = depot("Day " + suffix, LAT, LON);
        area = "大安區" + suffix;
        FakeOtherServices.AREAS.put(area, depotId);
        car = "RC" + suffix;
        otherCar = "RO" + suffix;
        scooter = "RS" + suffix;
        newDriver(car, vehicle("RC-" + suffix, "CAR", 40, 1000), depotId);
        newDriver(otherCar, vehicle("RO-" + suffix, "CAR", 40, 1000), depotId);
        newDriver(scooter, vehicle("RS-" + suffix, "SCOOTER", 3, 60), depotId);
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
        FakeOtherServices.deliveryDown = false;
    }

    long order(LocalDate date, int meters) {
        return DepotsTest.order(area, date, LAT, LON, meters);
    }

    long plan(LocalDate date, List<String> drivers) {
        return office().body(Map.of("date", date.toString(), "depotId", depotId, "driverIds", drivers)).post("/api/routes/plans")
                .then().statusCode(202).extract().<Number>path("id").longValue();
    }

    static OffsetDateTime at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atOffset(TAIPEI);
    }

    static List<Map<String, Object>> route(JsonPath plan, String driverId) {
        return plan.getList("routes.find { it.driverId == '" + driverId + "' }.stops");
    }

    static long id(Map<String, Object> stop) {
        return ((Number) stop.get("orderId")).longValue();
    }

    @Test
    void aReplanDuringTheDayKeepsWhatADriverDidAndCarriesAndStartsFromNow() throws Exception {
        LocalDate date = freshDate();
        TestClock.set(date.atTime(7, 0));
        List<Long> orders = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            orders.add(order(date, 500 * i));
        }
        long morning = plan(date, List.of(car));
        List<Long> planned = route(ready(morning), car).stream().map(RunningDayTest::id).toList();
        assertEquals(5, planned.size());
        office().post("/api/routes/plans/" + morning + "/publish").then().statusCode(200);
        long draft = plan(date, List.of(otherCar)); // made before he sets out, giving his orders to another; never published
        ready(draft);

        // he sets out at 08:05 with all five, delivers the first at 08:30
        FakeOtherServices.setOut(car, date, at(date, 8, 5));
        FakeOtherServices.deliver(planned.get(0), at(date, 8, 30));
        // the plan made before he left no longer describes his day: publishing it is refused
        office().post("/api/routes/plans/" + draft + "/publish").then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].message", containsString(car));
        // the plan he set out with may be published again: harmless
        office().post("/api/routes/plans/" + morning + "/publish").then().statusCode(200);

        // 10:00: an urgent order, and the office plans the day again with both cars
        TestClock.set(date.atTime(10, 0));
        long urgent = order(date, 700);
        long afternoon = plan(date, List.of(car, otherCar));
        JsonPath plan = ready(afternoon);
        List<Map<String, Object>> his = route(plan, car);
        assertEquals(planned.get(0), id(his.get(0)));
        assertEquals("DONE", his.get(0).get("state"), "a delivered stop is history");
        List<Long> carried = his.stream().filter(s -> "CARRIED".equals(s.get("state"))).map(RunningDayTest::id).toList();
        assertEquals(planned.subList(1, 5), carried, "the four he carries stay his, in his order");
        for (Map<String, Object> stop : his.subList(1, his.size())) {
            assertTrue(((String) stop.get("serviceStart")).compareTo("10:00") >= 0, "nothing before now: " + his);
        }
        List<Long> all = new ArrayList<>(his.stream().map(RunningDayTest::id).toList());
        all.addAll(route(plan, otherCar).stream().map(RunningDayTest::id).toList());
        assertTrue(all.contains(urgent), "the urgent order is planned: " + plan.prettify());
        Map<String, Object> urgentStop = his.stream().filter(s -> id(s) == urgent).findFirst()
                .orElseGet(() -> route(plan, otherCar).stream().filter(s -> id(s) == urgent).findFirst().orElseThrow());
        if (his.contains(urgentStop)) {
            assertEquals(Boolean.TRUE, urgentStop.get("reloadBefore"), "cylinders for a new stop come from the depot");
            assertEquals(his.size() - 1, his.indexOf(urgentStop), "after what he carries");
        }
        assertEquals(Boolean.TRUE, plan.get("routes.find { it.driverId == '" + car + "' }.setOut"));

        int calls = FakeOtherServices.PUBLISHED.size();
        office().post("/api/routes/plans/" + afternoon + "/publish").then().statusCode(200);
        DeliveryClient.RouteAssignment sent = FakeOtherServices.PUBLISHED.get(calls).getValue();
        List<DeliveryClient.RouteAssignment.Stop> sentHis = sent.routes().stream().filter(r -> r.driverId().equals(car))
                .findFirst().orElseThrow().stops();
        assertTrue(sentHis.stream().map(DeliveryClient.RouteAssignment.Stop::orderId).toList().containsAll(carried),
                "a publication never drops what he carries");
        assertTrue(sentHis.stream().allMatch(s -> s.eta() != null && s.trip() != null), "each stop with its trip and estimate");

        // his day: every stop, in order, with its state now and times from now
        TestClock.set(date.atTime(10, 5));
        JsonPath day = driver(car).get("/api/routes/plans/" + afternoon + "/routes/" + car).then().statusCode(200)
                .extract().jsonPath();
        List<String> states = day.getList("stops.state");
        assertEquals("DONE", states.get(0));
        assertEquals(null, day.getString("stops[0].arrival"), "a finished stop shows when it happened, not the plan's times");
        assertNotNull(day.getString("stops[0].finishedAt"));
        assertEquals("08:05", day.getString("departAt"), "he left at 08:05");
        assertEquals("NEXT", states.get(1));
        assertTrue(states.subList(2, states.size()).stream().allMatch("TO_COME"::equals), states.toString());
        assertEquals(carried.get(0), day.getLong("nextOrderId"));
        assertTrue(day.getList("stops.orderId", Long.class).containsAll(carried));
        assertTrue(day.getBoolean("live"));
        assertTrue(day.getString("stops[1].arrival").compareTo("10:05") >= 0, day.prettify());

        // he delivers the next one at 10:40: the day moves on from there
        FakeOtherServices.deliver(carried.get(0), at(date, 10, 40));
        TestClock.set(date.atTime(10, 41));
        JsonPath later = driver(car).get("/api/routes/plans/" + afternoon + "/routes/" + car).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("DONE", "DONE", "NEXT"), later.getList("stops.state").subList(0, 3));
        assertTrue(later.getString("stops[2].arrival").compareTo("10:41") >= 0, later.prettify());
        // delivery-service not answering: the day as planned, not an error
        FakeOtherServices.deliveryDown = true;
        driver(car).get("/api/routes/plans/" + afternoon + "/routes/" + car).then().statusCode(200)
                .body("live", equalTo(false)).body("stops.size()", equalTo(his.size()));
    }

    @Test
    void byHandADeliveredStopStaysANewStopComesAfterWhatHeCarriesAndACarriedOneMovesOnlyExplicitly() throws Exception {
        LocalDate date = freshDate();
        TestClock.set(date.atTime(7, 0));
        List<Long> orders = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            orders.add(order(date, 600 * i));
        }
        long planId = plan(date, List.of(car, otherCar));
        JsonPath plan = ready(planId);
        office().post("/api/routes/plans/" + planId + "/publish").then().statusCode(200);
        List<Long> his = route(plan, car).stream().map(RunningDayTest::id).toList();
        List<Long> other = route(plan, otherCar).stream().map(RunningDayTest::id).toList();
        List<Long> mine = his.isEmpty() ? other : his;
        String who = his.isEmpty() ? otherCar : car;
        String notWho = his.isEmpty() ? car : otherCar;
        FakeOtherServices.setOut(who, date, at(date, 8, 0));
        FakeOtherServices.deliver(mine.get(0), at(date, 8, 20));
        TestClock.set(date.atTime(9, 0));
        long version = office().get("/api/routes/plans/" + planId).then().extract().jsonPath().getLong("version");

        office().body(Map.of("orderId", mine.get(0), "driverId", notWho)).post("/api/routes/plans/" + planId + "/moves").then()
                .statusCode(400).body("violations[0].field", equalTo("orderId"))
                .body("violations[0].message", containsString("was delivered at 08:20"));
        long urgent = order(date, 900);
        if (mine.size() > 1) {
            office().body(Map.of("orderId", urgent, "driverId", who, "position", 2)).post("/api/routes/plans/" + planId + "/moves")
                    .then().statusCode(400).body("violations[0].field", equalTo("position"));
        }
        office().get("/api/routes/plans/" + planId).then().body("version", equalTo((int) version));

        if (mine.size() > 1) {
            // the office takes a carried stop from him and gives it to the other driver, who fetches it at the depot
            long handed = mine.get(1);
            JsonPath moved = office().body(Map.of("orderId", handed, "driverId", notWho)).post("/api/routes/plans/" + planId + "/moves")
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(route(moved.setRootPath("plan"), notWho).stream().anyMatch(s -> id(s) == handed));
            DeliveryClient.RouteAssignment sent = FakeOtherServices.PUBLISHED.get(FakeOtherServices.PUBLISHED.size() - 1).getValue();
            assertEquals(List.of(new DeliveryClient.RouteAssignment.TakenBack(handed, who)), sent.takenBack());
            assertEquals(notWho, FakeOtherServices.ORDERS.get(handed).driverId());
            assertEquals("ASSIGNED", FakeOtherServices.ORDERS.get(handed).status());
        }
    }

    @Test
    void aDriverOnlyDeliveryServiceKnowsKeepsTheStopsHeCarriesInThePlan() throws Exception {
        LocalDate date = freshDate();
        TestClock.set(date.atTime(9, 0));
        long mine = order(date, 500);
        long handed = order(date, 900);
        // the office gave one order by hand to a driver route-service has no record of, and he set out with it
        String ghost = "GHOST" + car;
        FakeOtherServices.ORDERS.put(handed, FakeOtherServices.with(FakeOtherServices.ORDERS.get(handed), "OUT_FOR_DELIVERY",
                ghost, null, null, null, at(date, 8, 30), null));
        JsonPath plan = ready(plan(date, List.of(car)));
        assertEquals(List.of(handed), route(plan, ghost).stream().map(RunningDayTest::id).toList(), plan.prettify());
        assertEquals(List.of(mine), route(plan, car).stream().map(RunningDayTest::id).toList());
    }

    @Test
    void aScooterOfThreeCylindersReloadsToServeTwentyCustomersAndTakesItsBreak() throws Exception {
        LocalDate date = freshDate();
        for (int i = 0; i < 20; i++) {
            order(date, 300 + 150 * i);
        }
        long planId = plan(date, List.of(scooter));
        JsonPath plan = ready(planId);
        assertEquals(List.of(), plan.getList("unplannedOrders"), plan.prettify());
        List<Map<String, Object>> stops = route(plan, scooter);
        assertEquals(20, stops.size());
        List<Map<String, Object>> trips = plan.getList("routes.find { it.driverId == '" + scooter + "' }.trips");
        assertTrue(trips.size() >= 7, "20 cylinders, 3 a trip: " + trips);
        for (Map<String, Object> trip : trips) {
            assertTrue(((Number) trip.get("cylinders")).intValue() <= 3, trips.toString());
            assertNotNull(trip.get("departAt"));
            assertNotNull(trip.get("returnAt"));
        }
        assertTrue(plan.getBoolean("feasible"));
        String breakStart = plan.getString("routes.find { it.driverId == '" + scooter + "' }.breakStart");
        String breakEnd = plan.getString("routes.find { it.driverId == '" + scooter + "' }.breakEnd");
        assertNotNull(breakStart, "a day over noon has its break");
        assertTrue(breakStart.compareTo("11:30") >= 0 && breakStart.compareTo("13:30") <= 0, breakStart);
        for (Map<String, Object> stop : stops) {
            String from = (String) stop.get("serviceStart");
            String to = (String) stop.get("departure");
            assertTrue(to.compareTo(breakStart) <= 0 || from.compareTo(breakEnd) >= 0,
                    "no stop is served during the break " + breakStart + "–" + breakEnd + ": " + stop);
        }
    }

    @Test
    void aCustomerClosedOnTheFifteenthIsNotPlannedThenAndTextNotUnderstoodLeavesItOpen() throws Exception {
        LocalDate date = freshDate().withDayOfMonth(15);
        long closed = order(date, 500);
        long unclear = order(date, 800);
        Inputs.Customer c = FakeOtherServices.CUSTOMERS.get(FakeOtherServices.ORDERS.get(closed).customerId());
        FakeOtherServices.CUSTOMERS.put(c.id(), new Inputs.Customer(c.id(), c.code(), c.shortName(), c.phones(), c.address(),
                c.area(), c.latitude(), c.longitude(), c.acceptedHours(), "每月1,15日",
                new Inputs.ClosedDaysReading(List.of(), List.of(1, 15), true, List.of()), c.vehicleAccess(), null, true));
        Inputs.Customer u = FakeOtherServices.CUSTOMERS.get(FakeOtherServices.ORDERS.get(unclear).customerId());
        FakeOtherServices.CUSTOMERS.put(u.id(), new Inputs.Customer(u.id(), u.code(), u.shortName(), u.phones(), u.address(),
                u.area(), u.latitude(), u.longitude(), u.acceptedHours(), "初一十五",
                new Inputs.ClosedDaysReading(List.of(), List.of(), false, List.of("初一十五")), u.vehicleAccess(), null, true));
        JsonPath plan = ready(plan(date, List.of(car)));
        assertEquals(List.of(unclear), route(plan, car).stream().map(RunningDayTest::id).toList());
        assertEquals(closed, plan.getLong("unplannedOrders[0].orderId"));
        assertTrue(plan.getString("unplannedOrders[0].reason").startsWith("customer is closed on the 15th of the month (每月1,15日)"),
                plan.getString("unplannedOrders[0].reason"));
    }

    @Test
    void aBreakOutsideTheShiftIsRefusedNamingTheField() {
        String suffix = String.valueOf(PlanningTest.IDS.incrementAndGet());
        office().body(Map.of("id", "B" + suffix, "name", "早班", "shiftStart", "06:00", "shiftEnd", "12:00",
                        "breakFrom", "11:30", "breakUntil", "13:30")).post("/api/drivers").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("breakUntil"));
        office().body(Map.of("id", "B" + suffix, "name", "早班", "shiftStart", "09:00", "shiftEnd", "18:00",
                        "breakFrom", "08:00", "breakUntil", "10:00")).post("/api/drivers").then().statusCode(400)
                .body("violations[0].field", equalTo("breakFrom"));
        office().body(Map.of("id", "B" + suffix, "name", "早班", "shiftStart", "06:00", "shiftEnd", "12:00",
                        "breakFrom", "09:00", "breakUntil", "10:00", "breakMinutes", 20)).post("/api/drivers").then()
                .statusCode(201).body("breakMinutes", equalTo(20)).body("breakFrom", equalTo("09:00:00"));
        office().get("/api/drivers/B" + suffix).then().statusCode(200).body("breakUntil", equalTo("10:00:00"));
    }
}
