package com.luckygas.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.route.planning.DeliveryClient;
import com.luckygas.route.planning.Inputs;
import com.luckygas.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Planning a day end to end inside route-service: inputs read from (fake) delivery- and
 * customer-service, solved by Timefold, stored, published, changed by hand, an urgent order
 * recommended, and each driver seeing his own stops only. Each test plans its own date.
 */
@QuarkusTest
class PlanningTest {

    static final Coordinates DEPOT = new Coordinates(25.0330, 121.5654);
    static final AtomicLong IDS = new AtomicLong(10_000);
    static final AtomicLong DAYS = new AtomicLong(0);

    record Coordinates(double lat, double lon) {
    }

    long depotId;
    String area;
    String car;
    String scooter;

    static RequestSpecification office() {
        return given().auth().oauth2(TestTokens.office()).contentType(ContentType.JSON);
    }

    static RequestSpecification driver(String id) {
        return given().auth().oauth2(TestTokens.driver(id)).contentType(ContentType.JSON);
    }

    /** Each test its own depot, with its own area (its territory) and a car and a scooter driver based there. */
    @BeforeEach
    void fleet() {
        FakeOtherServices.deliveryDown = false;
        FakeOtherServices.publishingDown = false;
        com.luckygas.testing.TestClock.reset();
        String suffix = String.valueOf(IDS.incrementAndGet());
        depotId = office().body(Map.of("name", "Depot " + suffix, "latitude", DEPOT.lat(), "longitude", DEPOT.lon()))
                .post("/api/routes/depots").then().statusCode(201).extract().<Number>path("id").longValue();
        area = "信義區" + suffix;
        FakeOtherServices.AREAS.put(area, depotId);
        long carId = vehicle("CAR-" + suffix, "CAR", 40, 1000);
        long scooterId = vehicle("SCT-" + suffix, "SCOOTER", 3, 60);
        car = "C" + suffix;
        scooter = "S" + suffix;
        office().body(Map.of("id", car, "name", "Car driver", "vehicleId", carId, "shiftStart", "08:00", "shiftEnd", "18:00",
                "depotId", depotId)).post("/api/drivers").then().statusCode(201);
        office().body(Map.of("id", scooter, "name", "Scooter driver", "vehicleId", scooterId, "shiftStart", "08:00",
                "shiftEnd", "18:00", "depotId", depotId)).post("/api/drivers").then().statusCode(201);
    }

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        com.luckygas.testing.TestClock.reset();
    }

    static long vehicle(String plate, String kind, int cylinders, double kg) {
        return office().body(Map.of("plate", plate, "kind", kind, "capacityCylinders", cylinders, "capacityKg", kg))
                .post("/api/vehicles").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    /**
     * A customer of this test's area about {@code meters} east of the depot, with an order for the
     * date; {@code closedDays} (closed on the date's weekday) as customer-service reads it.
     */
    long order(LocalDate date, int meters, String access, String product, int quantity, LocalTime from, LocalTime to,
               String closedDays, boolean withCoordinates) {
        Inputs.ClosedDaysReading reading = closedDays == null ? null
                : new Inputs.ClosedDaysReading(List.of(date.getDayOfWeek()), List.of(), true, List.of());
        return order(area, date, meters, access, product, quantity, from, to, closedDays, reading, withCoordinates);
    }

    static long order(String area, LocalDate date, int meters, String access, String product, int quantity, LocalTime from,
                      LocalTime to, String closedDays, Inputs.ClosedDaysReading reading, boolean withCoordinates) {
        long id = IDS.incrementAndGet();
        double lon = DEPOT.lon() + meters / (111_000 * Math.cos(Math.toRadians(DEPOT.lat())));
        FakeOtherServices.CUSTOMERS.put(id, new Inputs.Customer(id, "K" + id, "客戶" + id, List.of("0912345678"),
                "台北市信義區" + id + "號", area, withCoordinates ? BigDecimal.valueOf(DEPOT.lat()) : null,
                withCoordinates ? BigDecimal.valueOf(lon) : null, List.of(), closedDays, reading, access, "後門", true));
        FakeOtherServices.ORDERS.put(id, new Inputs.Order(id, id, "K" + id, "客戶" + id, area, date, from, to, "PENDING",
                900L * quantity, "CASH", "請按電鈴", null, null, null, null, null, null,
                List.of(new Inputs.OrderItem(product, BigDecimal.valueOf(quantity), BigDecimal.valueOf(900)))));
        return id;
    }

    long order(LocalDate date, int meters, String access) {
        return order(date, meters, access, "R20", 1, null, null, null, true);
    }

    /** A date no other test uses, on a weekday other than Sunday. */
    static LocalDate freshDate() {
        LocalDate date = LocalDate.of(2030, 1, 1).plusDays(DAYS.incrementAndGet() * 7);
        return date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? date.plusDays(1) : date;
    }

    long plan(LocalDate date) {
        return office().body(Map.of("date", date.toString(), "depotId", depotId, "driverIds", List.of(car, scooter)))
                .post("/api/routes/plans").then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/routes/plans/"))
                .extract().<Number>path("id").longValue();
    }

    static JsonPath ready(long planId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonPath plan = office().get("/api/routes/plans/" + planId).then().statusCode(200).extract().jsonPath();
            if (!"SOLVING".equals(plan.getString("status"))) {
                return plan;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("plan " + planId + " still solving after 30 s");
    }

    static List<Long> stopsOf(JsonPath plan, String driverId) {
        return stopsOf(plan, "", driverId);
    }

    static List<Long> stopsOf(JsonPath plan, String prefix, String driverId) {
        List<Long> ids = new ArrayList<>();
        for (Object o : plan.getList(prefix + "routes.find { it.driverId == '" + driverId + "' }.stops.orderId")) {
            ids.add(((Number) o).longValue());
        }
        return ids;
    }

    @Test
    void aDayIsPlannedRespectingAccessCapacityAndWindowsAndTheRestIsExplained() throws Exception {
        LocalDate date = freshDate();
        long alley = order(date, 900, "SCOOTER");
        long restaurant = order(date, 1500, "CAR", "R50", 3, null, null, null, true);
        long morning = order(date, 2500, "ANY", "R20", 1, LocalTime.of(9, 0), LocalTime.of(10, 0), null, true);
        long any1 = order(date, 600, "ANY");
        long any2 = order(date, 3000, "ANY");
        long noPlace = order(date, 0, "ANY", "R20", 1, null, null, null, false);
        String weekday = date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        long closed = order(date, 1200, "ANY", "R20", 1, null, null, weekday, true);
        long tooBig = order(date, 800, "SCOOTER", "R50", 2, null, null, null, true);

        long planId = plan(date);
        JsonPath plan = ready(planId);
        assertEquals("READY", plan.getString("status"));
        assertTrue(plan.getBoolean("feasible"), plan.prettify());

        List<Long> carStops = stopsOf(plan, car);
        List<Long> scooterStops = stopsOf(plan, scooter);
        Set<Long> planned = new HashSet<>(carStops);
        planned.addAll(scooterStops);
        assertEquals(carStops.size() + scooterStops.size(), planned.size(), "no order planned twice");
        assertEquals(Set.of(alley, restaurant, morning, any1, any2), planned);
        assertTrue(scooterStops.contains(alley), "the alley is reached by scooter only");
        assertTrue(carStops.contains(restaurant), "three 50 kg cylinders go by car");

        Map<String, String> reasons = new java.util.HashMap<>();
        for (Map<String, Object> u : plan.<Map<String, Object>>getList("unplannedOrders")) {
            reasons.put(String.valueOf(u.get("orderId")), (String) u.get("reason"));
        }
        assertEquals(Set.of(String.valueOf(noPlace), String.valueOf(closed), String.valueOf(tooBig)), reasons.keySet());
        assertEquals("customer has no coordinates", reasons.get(String.valueOf(noPlace)));
        assertTrue(reasons.get(String.valueOf(closed)).startsWith("customer is closed on"), reasons.toString());
        assertTrue(reasons.get(String.valueOf(tooBig)).startsWith("more than any vehicle"), reasons.toString());

        // planned times: in order, inside the window, from the shift start
        List<Map<String, Object>> carRoute = plan.getList("routes.find { it.driverId == '" + car + "' }.stops");
        String previous = "08:00";
        for (Map<String, Object> stop : carRoute) {
            String arrival = (String) stop.get("arrival");
            assertTrue(arrival.compareTo(previous) >= 0, "arrivals in order: " + carRoute);
            assertTrue(((String) stop.get("serviceStart")).compareTo((String) stop.get("windowStart")) >= 0);
            assertTrue(((String) stop.get("serviceStart")).compareTo((String) stop.get("windowEnd")) <= 0);
            assertTrue(((Number) stop.get("legDistanceMeters")).longValue() > 0);
            previous = (String) stop.get("departure");
        }
        Map<String, Object> morningStop = carRoute.stream().filter(s -> ((Number) s.get("orderId")).longValue() == morning)
                .findFirst().orElseGet(() -> plan.<Map<String, Object>>getList("routes.find { it.driverId == '" + scooter
                        + "' }.stops").stream().filter(s -> ((Number) s.get("orderId")).longValue() == morning).findFirst().orElseThrow());
        assertTrue(((String) morningStop.get("serviceStart")).compareTo("09:00") >= 0);
        assertTrue(((String) morningStop.get("serviceStart")).compareTo("10:00") <= 0);
        assertEquals("後門", plan.getString("routes.find { it.driverId == '" + car + "' }.stops[0].door.deliveryNotes"));
        assertTrue(plan.getLong("distanceMeters") > 0);
    }

    @Test
    void aDayWithoutOrdersIsAnEmptyPlanNotAnError() throws Exception {
        LocalDate date = freshDate();
        long planId = plan(date);
        JsonPath plan = ready(planId);
        assertEquals("READY", plan.getString("status"));
        assertEquals(0, plan.getList("unplannedOrders").size());
        assertEquals(List.of(0, 0), plan.getList("routes.stopCount"));
    }

    @Test
    void badRequestsAreProblems() {
        LocalDate date = freshDate();
        office().body(Map.of("date", date.toString(), "depotId", 999_999)).post("/api/routes/plans").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("depotId"))
                .body("violations[0].message", equalTo("no such depot"));
        office().body(Map.of("date", date.toString(), "depotId", depotId, "driverIds", List.of(car, "NOBODY")))
                .post("/api/routes/plans").then().statusCode(400).body("violations[0].field", equalTo("driverIds[1]"))
                .body("violations[0].message", equalTo("no such driver"));
        office().body(Map.of("depotId", depotId)).post("/api/routes/plans").then().statusCode(400)
                .body("violations.field", hasItem("date"));
        office().body(Map.of("date", "2030-02-30", "depotId", depotId)).post("/api/routes/plans").then().statusCode(400)
                .contentType("application/problem+json");
        office().get("/api/routes/plans/987654").then().statusCode(404).contentType("application/problem+json");
        driver(car).body(Map.of("date", date.toString(), "depotId", depotId)).post("/api/routes/plans").then().statusCode(403);
    }

    /**
     * A plan of the day stored as SOLVING with a 30 s limit, started {@code secondsAgo} ago, as the
     * instance solving it keeps it until its solver ends.
     */
    long solvingPlan(LocalDate date, int secondsAgo) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number)
                com.luckygas.route.planning.store.RoutePlan.getEntityManager().createNativeQuery("""
                        INSERT INTO route.route_plan (plan_date, depot_id, status, max_solve_seconds, created_by, created_at)
                        VALUES (:date, :depot, 'SOLVING', 30, 'office', now() - make_interval(secs => :ago)) RETURNING id""")
                        .setParameter("date", date).setParameter("depot", depotId).setParameter("ago", secondsAgo)
                        .getSingleResult()).longValue());
    }

    @Test
    void aSecondPlanForADayThatIsSolvingIsAConflict() throws Exception {
        LocalDate date = freshDate();
        order(date, 500, "ANY");
        // the day's plan is being solved, started a moment ago (here or on another instance: the check reads the
        // stored status). Stored directly rather than by a real solve: the solver stops once the plan no longer
        // improves, possibly before a second request arrives, which would then rightly be accepted.
        long solving = solvingPlan(date, 0);
        office().body(Map.of("date", date.toString(), "depotId", depotId)).post("/api/routes/plans").then()
                .statusCode(409).contentType("application/problem+json");
        office().get("/api/routes/plans/" + solving).then().statusCode(200).body("status", equalTo("SOLVING"));
        // once its solver is done, the day can be planned again
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                com.luckygas.route.planning.store.RoutePlan.update("status = ?1 where id = ?2",
                        com.luckygas.route.planning.store.RoutePlan.Status.READY, solving));
        assertEquals("READY", ready(plan(date)).getString("status"));
    }

    @Test
    void aPlanLostWhileSolvingIsFailedAfterItsTimeLimitAndTheDayCanBePlannedAgain() throws Exception {
        LocalDate date = freshDate();
        order(date, 500, "ANY");
        // as if the instance solving it had stopped: SOLVING, started ten minutes ago with a 30 s limit
        long lost = solvingPlan(date, 600);
        long fresh = plan(date);
        assertEquals("READY", ready(fresh).getString("status"));
        office().get("/api/routes/plans/" + lost).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("failure", startsWith("the service stopped"));
    }

    @Test
    void anUnreachableDeliveryServiceIsA503AndNoPlan() {
        LocalDate date = freshDate();
        order(date, 500, "ANY");
        FakeOtherServices.deliveryDown = true;
        try {
            office().body(Map.of("date", date.toString(), "depotId", depotId)).post("/api/routes/plans").then()
                    .statusCode(503).contentType("application/problem+json");
        } finally {
            FakeOtherServices.deliveryDown = false;
        }
        office().queryParam("date", date.toString()).get("/api/routes/plans").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void publishingAssignsEveryPlannedOrderInOneCallAndDriversSeeOnlyTheirOwnDay() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
        // the morning of today, whatever the hour the suite runs: at 17:55 the 08:00–18:00 shifts have no time left
        com.luckygas.testing.TestClock.set(today.atTime(8, 0));
        long alley = order(today, 700, "SCOOTER");
        long road = order(today, 1600, "CAR", "R50", 2, null, null, null, true);
        order(today, 2100, "ANY");
        long planId = plan(today);
        JsonPath plan = ready(planId);
        int before = FakeOtherServices.PUBLISHED.size();

        JsonPath published = office().post("/api/routes/plans/" + planId + "/publish").then().statusCode(200)
                .body("plan.status", equalTo("PUBLISHED")).extract().jsonPath();
        assertEquals(before + 1, FakeOtherServices.PUBLISHED.size(), "one call to delivery-service");
        Map.Entry<String, DeliveryClient.RouteAssignment> call = FakeOtherServices.PUBLISHED.get(before);
        assertEquals("OFFICE", call.getKey(), "published with the user's own token");
        assertEquals(planId, call.getValue().routeId());
        assertEquals(stopsOf(plan, car), call.getValue().routes().stream().filter(r -> r.driverId().equals(car))
                .findFirst().orElseThrow().stops().stream().map(DeliveryClient.RouteAssignment.Stop::orderId).toList());
        assertEquals(3, published.getInt("publication.assigned"));
        // publishing again is harmless: the same assignment
        office().post("/api/routes/plans/" + planId + "/publish").then().statusCode(200);
        assertEquals(call.getValue(), FakeOtherServices.PUBLISHED.get(before + 1).getValue());

        JsonPath carDay = driver(car).get("/api/routes/my/today").then().statusCode(200).extract().jsonPath();
        assertEquals(planId, carDay.getLong("planId"));
        List<Long> carIds = carDay.getList("stops.orderId", Long.class);
        assertEquals(stopsOf(plan, car), carIds);
        assertTrue(carIds.contains(road));
        assertEquals("台北市信義區" + road + "號", carDay.getString("stops.find { it.orderId == " + road + " }.door.address"));
        assertEquals(1800, carDay.getLong("stops.find { it.orderId == " + road + " }.door.cashToCollect"));
        assertNotNull(carDay.getString("departAt"));
        // a customer due a gas installation check: his stop says so, the others do not
        FakeOtherServices.safetyCheckDue(road, true);
        carIds.stream().filter(id -> id != road).forEach(id -> FakeOtherServices.safetyCheckDue(id, false));
        JsonPath flagged = driver(car).get("/api/routes/my/today").then().statusCode(200).extract().jsonPath();
        assertEquals(Boolean.TRUE, flagged.get("stops.find { it.orderId == " + road + " }.door.safetyCheckDue"));
        assertEquals(carIds.size() - 1, flagged.getList("stops.findAll { it.door.safetyCheckDue == false }").size());
        assertEquals("台北市信義區" + road + "號", flagged.getString("stops.find { it.orderId == " + road + " }.door.address"),
                "the rest of the door as planned");

        JsonPath scooterDay = driver(scooter).get("/api/routes/my/today").then().statusCode(200).extract().jsonPath();
        List<Long> scooterIds = scooterDay.getList("stops.orderId", Long.class);
        assertTrue(scooterIds.contains(alley));
        assertFalse(scooterIds.stream().anyMatch(carIds::contains), "nothing of the other driver's route");

        driver(scooter).get("/api/routes/plans/" + planId + "/routes/" + car).then().statusCode(404);
        driver(scooter).get("/api/routes/plans/" + planId).then().statusCode(403);
        driver(car).get("/api/routes/plans/" + planId + "/routes/" + car).then().statusCode(200)
                .body("stops.size()", equalTo(carIds.size()));
        office().get("/api/routes/plans/" + planId + "/routes/" + car).then().statusCode(200);
        driver("NOBODY").get("/api/routes/my/today").then().statusCode(200).body("stops.size()", equalTo(0))
                .body("planId", equalTo(null));
    }

    @Test
    void aStopMovedByHandIsRetimedAndBrokenConstraintsAreReported() throws Exception {
        LocalDate date = freshDate();
        long a = order(date, 800, "ANY", "R20", 2, null, null, null, true);
        long b = order(date, 1800, "ANY", "R20", 2, null, null, null, true);
        long c = order(date, 2600, "CAR", "R20", 1, null, null, null, true);
        long planId = plan(date);
        JsonPath plan = ready(planId);
        assertTrue(stopsOf(plan, car).contains(c));

        // the car-only customer onto the scooter, first: access broken, and reported
        JsonPath moved = office().body(Map.of("orderId", c, "driverId", scooter, "position", 1))
                .post("/api/routes/plans/" + planId + "/moves").then().statusCode(200).extract().jsonPath();
        assertEquals(c, moved.getLong("plan.routes.find { it.driverId == '" + scooter + "' }.stops[0].orderId"));
        assertTrue(moved.getList("broken.constraint").contains("Vehicle access"), moved.prettify());
        assertEquals(scooter, moved.getString("broken.find { it.constraint == 'Vehicle access' }.driverId"));
        assertFalse(moved.getBoolean("plan.feasible"));
        assertFalse(stopsOf(moved, "plan.", car).contains(c));
        // the first stop's times follow from the shift start and the leg from the depot
        String arrival = moved.getString("plan.routes.find { it.driverId == '" + scooter + "' }.stops[0].arrival");
        long leg = moved.getLong("plan.routes.find { it.driverId == '" + scooter + "' }.stops[0].legDurationSeconds");
        assertEquals(LocalTime.of(8, 0).plusSeconds(leg).plusSeconds(30).withSecond(0).toString(), arrival);

        // and back: feasible again
        JsonPath back = office().body(Map.of("orderId", c, "driverId", car))
                .post("/api/routes/plans/" + planId + "/moves").then().statusCode(200).extract().jsonPath();
        assertTrue(back.getList("broken").isEmpty(), back.prettify());
        assertTrue(back.getBoolean("plan.feasible"));
        // off every route: listed as unplanned
        office().body(Map.of("orderId", a)).post("/api/routes/plans/" + planId + "/moves").then().statusCode(200)
                .body("plan.unplannedOrders.orderId", hasItem((int) a));
        office().body(Map.of("orderId", b, "driverId", "NOBODY")).post("/api/routes/plans/" + planId + "/moves").then()
                .statusCode(400).body("violations[0].field", equalTo("driverId"));
        office().body(Map.of("orderId", b, "driverId", car, "position", 99)).post("/api/routes/plans/" + planId + "/moves")
                .then().statusCode(400).body("violations[0].field", equalTo("position"));
    }

    @Test
    void aMoveOnAPlanChangedSinceItWasReadIsRefusedAndAFailedRepublishIsSaid() throws Exception {
        LocalDate date = freshDate();
        long a = order(date, 800, "ANY", "R20", 2, null, null, null, true);
        long b = order(date, 1800, "ANY", "R20", 2, null, null, null, true);
        long planId = plan(date);
        long seen = ready(planId).getLong("version");
        office().body(Map.of("orderId", a, "driverId", car, "version", seen)).post("/api/routes/plans/" + planId + "/moves")
                .then().statusCode(200).body("notPublished", equalTo(null));
        // a second office user's move, made on the plan as it was before the first one: refused, not stored over it
        office().body(Map.of("orderId", b, "driverId", scooter, "version", seen)).post("/api/routes/plans/" + planId + "/moves")
                .then().statusCode(409).contentType("application/problem+json").body("violations[0].field", equalTo("version"));
        JsonPath now = office().get("/api/routes/plans/" + planId).then().statusCode(200).extract().jsonPath();
        assertTrue(now.getLong("version") > seen);
        assertTrue(stopsOf(now, car).contains(a));

        // a published plan whose re-publication fails: the move is saved, and the answer says it is not published
        office().post("/api/routes/plans/" + planId + "/publish").then().statusCode(200);
        FakeOtherServices.publishingDown = true;
        try {
            JsonPath moved = office().body(Map.of("orderId", b, "driverId", car)).post("/api/routes/plans/" + planId + "/moves")
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(moved.getString("notPublished").contains("publish the plan again"), moved.prettify());
            assertTrue(stopsOf(moved, "plan.", car).contains(b));
        } finally {
            FakeOtherServices.publishingDown = false;
        }
        // delivery-service not answering at all: the drivers' state cannot be known, so no move is made
        long before = office().get("/api/routes/plans/" + planId).then().extract().jsonPath().getLong("version");
        FakeOtherServices.deliveryDown = true;
        try {
            office().body(Map.of("orderId", b, "driverId", scooter)).post("/api/routes/plans/" + planId + "/moves")
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            FakeOtherServices.deliveryDown = false;
        }
        assertEquals(before, office().get("/api/routes/plans/" + planId).then().extract().jsonPath().getLong("version"));
        JsonPath republished = office().body(Map.of("orderId", b, "driverId", car)).post("/api/routes/plans/" + planId + "/moves")
                .then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertNull(republished.getString("notPublished"));
    }

    @Test
    void anUrgentOrderIsRecommendedTheBestPlacesAndInserted() throws Exception {
        LocalDate date = freshDate();
        order(date, 500, "ANY");
        order(date, 1500, "ANY");
        order(date, 2500, "CAR", "R50", 1, null, null, null, true);
        long planId = plan(date);
        ready(planId);
        long urgent = order(date, 1000, "CAR", "R50", 1, null, null, null, true);

        JsonPath options = office().body(Map.of("orderId", urgent))
                .post("/api/routes/plans/" + planId + "/recommendations").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> list = options.getList("options");
        assertFalse(list.isEmpty());
        Map<String, Object> best = list.get(0);
        assertEquals(car, best.get("driverId"), "a car-only customer goes on the car: " + list);
        assertEquals(true, best.get("feasible"));
        assertEquals(1, ((Number) best.get("mediumDelta")).longValue(), "one more order planned");
        for (int i = 1; i < list.size(); i++) {
            long[] previous = delta(list.get(i - 1));
            long[] next = delta(list.get(i));
            assertTrue(java.util.Arrays.compare(previous, next) >= 0, "best first: " + list);
        }

        JsonPath inserted = office().body(Map.of("orderId", urgent, "driverId", car, "position", best.get("position")))
                .post("/api/routes/plans/" + planId + "/moves").then().statusCode(200).extract().jsonPath();
        assertTrue(stopsOf(inserted, "plan.", car).contains(urgent));
        assertTrue(inserted.getBoolean("plan.feasible"));
        office().body(Map.of("orderId", urgent)).post("/api/routes/plans/" + planId + "/recommendations").then()
                .statusCode(409);
        office().body(Map.of("orderId", 55_555_555)).post("/api/routes/plans/" + planId + "/recommendations").then()
                .statusCode(400).body("violations[0].field", equalTo("orderId"));
        // delivery-service failing: a 503 problem naming it, not its 500 passed on
        FakeOtherServices.deliveryDown = true;
        try {
            office().body(Map.of("orderId", 55_555_555)).post("/api/routes/plans/" + planId + "/recommendations").then()
                    .statusCode(503).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("delivery-service"));
        } finally {
            FakeOtherServices.deliveryDown = false;
        }
    }

    static long[] delta(Map<String, Object> option) {
        return new long[] {((Number) option.get("hardDelta")).longValue(), ((Number) option.get("mediumDelta")).longValue(),
                ((Number) option.get("softDelta")).longValue()};
    }
}
