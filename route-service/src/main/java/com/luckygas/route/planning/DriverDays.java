package com.luckygas.route.planning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.luckygas.common.calls.ServiceUnavailableException;
import com.luckygas.route.Depot;
import com.luckygas.route.planning.PlanViews.StopView;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.TravelMatrix;
import com.luckygas.route.planning.domain.VehicleKind;
import com.luckygas.route.planning.domain.Visit;
import com.luckygas.route.planning.store.PlanRoute;
import com.luckygas.route.planning.store.PlanStop;
import com.luckygas.route.planning.store.RoutePlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * A driver's day as it stands now: every stop of his route in the published plan, in order, each
 * with its state from delivery-service (DONE, FAILED, NEXT, TO_COME, CANCELLED) and, for those to
 * come, estimated times worked out again from his last stop (place and time) and the clock — his
 * reloads as planned, his break if still to come. When delivery-service does not answer, the
 * plan's own states and times are shown ({@code live} false) rather than nothing.
 */
@ApplicationScoped
public class DriverDays {

    private static final Logger LOG = Logger.getLogger(DriverDays.class);

    /** The driver's day: his stops in order with what he needs at the door, his trips and break, nothing else. */
    public record DriverDay(LocalDate date, Long planId, String driverId, String driverName, String vehiclePlate,
                            String vehicleKind, DepotView depot, String departAt, String returnAt, int cylinders,
                            BigDecimal loadKg, long cashToCollect, boolean live, String asOf, Long nextOrderId,
                            String breakStart, String breakEnd, List<PlanViews.TripView> trips, List<StopView> stops) {
    }

    @Schema(name = "DriverDayDepot")
    public record DepotView(long id, String name, String address, BigDecimal latitude, BigDecimal longitude) {
    }

    private final PlanViews views;
    private final DeliveryClient delivery;
    private final DayProblems problems;
    private final Travel travel;
    private final RoutingSettings settings;

    DriverDays(PlanViews views, @RestClient DeliveryClient delivery, DayProblems problems, Travel travel,
               RoutingSettings settings) {
        this.views = views;
        this.delivery = delivery;
        this.problems = problems;
        this.travel = travel;
        this.settings = settings;
    }

    /** The newest published plan of the date with a route of this driver, or null. Needs a transaction. */
    public static RoutePlan publishedFor(String driverId, LocalDate date) {
        return RoutePlan.find("""
                from RoutePlan p where p.planDate = ?1 and p.status = ?2
                and exists (select 1 from PlanRoute r where r.planId = p.id and r.driverId = ?3)
                order by p.id desc""", date, RoutePlan.Status.PUBLISHED, driverId).firstResult();
    }

    /**
     * A driver's route of a plan as it stands now. {@code bearer}: the caller's token, to read the
     * orders' states (a driver reads his own; the office any driver's).
     */
    public DriverDay day(Long planId, String driverId, LocalDate date, String bearer, boolean callerIsDriver) {
        Stored stored = planId == null ? null : QuarkusTransaction.requiringNew().call(() -> stored(planId, driverId));
        if (stored == null) {
            return new DriverDay(date, null, driverId, null, null, null, null, null, null, 0, BigDecimal.ZERO, 0, false,
                    null, null, null, null, List.of(), List.of());
        }
        Map<Long, Inputs.Order> live = live(stored.plan.planDate, driverId, bearer, callerIsDriver);
        int nowS = problems.nowS(stored.plan.planDate);
        List<StopView> stops = live == null || !stored.plan.planDate.equals(problems.today())
                ? stored.rows.stream().map(s -> views.stop(s, s.state.name())).toList()
                : retimed(stored, live, nowS);
        stops = flagSafetyChecks(stops, live);
        Long next = stops.stream().filter(s -> "NEXT".equals(s.state())).map(StopView::orderId).findFirst().orElse(null);
        long cash = stops.stream().filter(s -> !"FAILED".equals(s.state()) && !"CANCELLED".equals(s.state()))
                .mapToLong(s -> s.door().path("cashToCollect").asLong()).sum();
        PlanRoute route = stored.route;
        String departAt = live == null ? null : live.values().stream().map(Inputs.Order::outAt).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder())
                .map(t -> PlanViews.time((long) DayInputs.secondOfDay(stored.plan.planDate, t))).orElse(null);
        if (departAt == null) {
            departAt = stops.stream().map(StopView::leftDepotAt).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        String returnAt = stops.isEmpty() ? null : stops.get(stops.size() - 1).backAtDepot();
        String breakStart = stored.breakStart == null ? null : PlanViews.time((long) stored.breakStart);
        String breakEnd = stored.breakStart == null ? null : PlanViews.time((long) stored.breakStart + route.breakMinutes * 60L);
        Depot depot = stored.depot;
        return new DriverDay(stored.plan.planDate, stored.plan.id, driverId, route.driverName, route.vehiclePlate,
                route.vehicleKind, new DepotView(depot.id, depot.name, depot.address, depot.latitude, depot.longitude),
                departAt, returnAt == null ? PlanViews.time(route.returnS) : returnAt, route.cylinders, route.loadKg, cash,
                live != null, live == null ? null : PlanViews.time((long) nowS), next, breakStart, breakEnd,
                PlanViews.trips(stops), stops);
    }

    /**
     * Each stop whose customer is due a gas installation check (delivery-service says so of each
     * order) carries {@code door.safetyCheckDue}: the driver does the check while there.
     */
    private static List<StopView> flagSafetyChecks(List<StopView> stops, Map<Long, Inputs.Order> live) {
        if (live == null) {
            return stops;
        }
        List<StopView> flagged = new ArrayList<>(stops.size());
        for (StopView s : stops) {
            Inputs.Order o = live.get(s.orderId());
            if (o == null || o.safetyCheckDue() == null) {
                flagged.add(s);
                continue;
            }
            ObjectNode door = s.door() instanceof ObjectNode node ? node.deepCopy() : JsonNodeFactory.instance.objectNode();
            door.put("safetyCheckDue", o.safetyCheckDue());
            flagged.add(s.withDoor(door));
        }
        return flagged;
    }

    /** What the plan stored for the driver. */
    private static final class Stored {
        RoutePlan plan;
        PlanRoute route;
        Depot depot;
        List<PlanStop> rows;
        Integer breakStart;
    }

    private static Stored stored(long planId, String driverId) {
        Stored s = new Stored();
        s.plan = RoutePlan.findById(planId);
        s.route = s.plan == null ? null : PlanRoute.find("planId = ?1 and driverId = ?2", planId, driverId).firstResult();
        if (s.route == null) {
            return null;
        }
        s.depot = Depot.findById(s.plan.depotId);
        s.rows = PlanStop.list("planId = ?1 and driverId = ?2 order by seq", planId, driverId);
        s.breakStart = s.route.breakStartS;
        return s;
    }

    /** The states of the driver's orders of the day, or null when delivery-service does not answer. */
    private Map<Long, Inputs.Order> live(LocalDate date, String driverId, String bearer, boolean callerIsDriver) {
        try {
            Inputs.OrderPage page = callerIsDriver ? delivery.mine(bearer, date) : delivery.ofDriver(bearer, date, driverId, 200);
            Map<Long, Inputs.Order> orders = new HashMap<>();
            page.items().forEach(o -> orders.put(o.id(), o));
            return orders;
        } catch (ServiceUnavailableException e) {
            LOG.warnf("The day of driver %s without live states: %s", driverId, e.getMessage());
            return null;
        }
    }

    /**
     * The stops with their states now and, for those to come, times worked out again: from his
     * last finished stop (or where the route starts), not before now, with the plan's reloads and
     * his break if still to come. Orders now another driver's are left out.
     */
    private List<StopView> retimed(Stored stored, Map<Long, Inputs.Order> live, int nowS) {
        PlanRoute route = stored.route;
        List<PlanStop> rows = new ArrayList<>();
        for (PlanStop s : stored.rows) {
            Inputs.Order o = live.get(s.orderId);
            if (o != null && (o.driverId() == null || o.driverId().equals(route.driverId))) {
                rows.add(s);
            } else if (o == null && (s.state == PlanStop.State.DONE || s.state == PlanStop.State.FAILED)) {
                rows.add(s); // finished and archived away from the live list: still his
            }
        }
        Depot depot = stored.depot;
        List<Coordinates> places = new ArrayList<>();
        places.add(new Coordinates(depot.latitude.doubleValue(), depot.longitude.doubleValue()));
        Map<Long, Integer> location = new HashMap<>();
        for (PlanStop s : rows) {
            if (s.latitude != null) {
                location.put(s.orderId, places.size());
                places.add(new Coordinates(s.latitude.doubleValue(), s.longitude.doubleValue()));
            }
        }
        TravelMatrix matrix = travel.matrix(places);
        int at = 0;
        long from = Math.max(nowS, route.shiftStart.toSecondOfDay());
        boolean setOut = false;
        List<String> states = new ArrayList<>();
        for (PlanStop s : rows) {
            Inputs.Order o = live.get(s.orderId);
            String status = o == null ? (s.state == PlanStop.State.FAILED ? "FAILED" : "DELIVERED") : o.status();
            switch (status) {
                case "DELIVERED", "FAILED" -> {
                    states.add("DELIVERED".equals(status) ? "DONE" : "FAILED");
                    setOut = true;
                    Integer place = location.get(s.orderId);
                    at = place == null ? at : place;
                    if (o != null && o.finishedAt() != null) {
                        from = Math.max(from, DayInputs.secondOfDay(o.requestedDate(), o.finishedAt()));
                    }
                }
                case "CANCELLED" -> states.add("CANCELLED");
                case "OUT_FOR_DELIVERY" -> {
                    setOut = true;
                    states.add("TO_COME");
                }
                default -> states.add("TO_COME");
            }
        }
        long breakUntil = route.breakUntil == null ? 0 : route.breakUntil.toSecondOfDay();
        boolean breakPending = route.breakMinutes > 0 && from <= breakUntil
                && (route.breakStartS == null || route.breakStartS >= from);
        RouteVehicle walker = new RouteVehicle(route.driverId, VehicleKind.valueOf(route.vehicleKind), route.capacityCylinders,
                route.capacityKg.movePointRight(1).longValue(), 0, from, route.shiftEnd.toSecondOfDay(), matrix)
                .reloading(settings.reload().toSeconds())
                .withBreak(route.breakFrom == null ? 0 : route.breakFrom.toSecondOfDay(), breakUntil, route.breakMinutes * 60L,
                        breakPending);
        List<StopView> views = new ArrayList<>();
        Visit last = null;
        boolean next = true;
        for (int i = 0; i < rows.size(); i++) {
            PlanStop s = rows.get(i);
            String state = states.get(i);
            if (!"TO_COME".equals(state)) {
                views.add(this.views.stop(finished(s, live.get(s.orderId)), state));
                continue;
            }
            if (next) {
                state = "NEXT";
                next = false;
                walker.startingAt(at, from, false, s.trip == null ? 1 : s.trip);
            }
            Integer place = location.get(s.orderId);
            if (place == null) {
                views.add(this.views.stop(s, state));
                continue;
            }
            // the first stop to come needs a reload only when he is out (the plan's own flag says which stops do)
            boolean reload = last == null ? setOut && s.reloadBefore : s.reloadBefore;
            Visit visit = walker.visit(last, place, s.readyS, s.serviceS, 0, 0, reload);
            PlanStop timed = copyTimes(s, visit, walker, i + 1 < rows.size() ? rows.get(i + 1) : null);
            views.add(this.views.stop(timed, state));
            if (visit.breakStart() >= 0) {
                stored.breakStart = Math.toIntExact(visit.breakStart());
            }
            last = visit;
        }
        if (last != null) {
            // back at the depot after the last stop: the view of the last one says when
            StopView end = views.get(views.size() - 1);
            views.set(views.size() - 1, new StopView(end.seq(), end.orderId(), end.customerId(), end.state(), end.trip(),
                    end.reloadBefore(), end.arrival(), end.serviceStart(), end.departure(), end.leftDepotAt(),
                    PlanViews.time(walker.returnAfter(last)), end.finishedAt(), end.windowStart(), end.windowEnd(),
                    end.legDistanceMeters(), end.legDurationSeconds(), end.cylinders(), end.loadKg(), end.latitude(),
                    end.longitude(), end.door()));
        }
        return views;
    }

    /** A finished (or cancelled) stop as it happened: when, not the times once planned. */
    private static PlanStop finished(PlanStop s, Inputs.Order live) {
        PlanStop copy = copy(s);
        copy.finishedAt = live != null && live.finishedAt() != null ? live.finishedAt() : s.finishedAt;
        return copy;
    }

    private static PlanStop copy(PlanStop s) {
        PlanStop copy = new PlanStop();
        copy.seq = s.seq;
        copy.orderId = s.orderId;
        copy.customerId = s.customerId;
        copy.trip = s.trip;
        copy.readyS = s.readyS;
        copy.dueS = s.dueS;
        copy.cylinders = s.cylinders;
        copy.loadKg = s.loadKg;
        copy.latitude = s.latitude;
        copy.longitude = s.longitude;
        copy.door = s.door;
        return copy;
    }

    /** A copy of the stored stop with its times from a new visit (the stored row is not changed). */
    private static PlanStop copyTimes(PlanStop s, Visit visit, RouteVehicle walker, PlanStop following) {
        PlanStop copy = copy(s);
        copy.reloadBefore = visit.reloadBefore();
        copy.arrivalS = Math.toIntExact(visit.arrival());
        copy.startS = Math.toIntExact(visit.serviceStart());
        copy.departureS = Math.toIntExact(visit.departure());
        copy.depotDepartureS = visit.leftDepot() < 0 ? null : Math.toIntExact(visit.leftDepot());
        copy.depotReturnS = following != null && following.reloadBefore
                ? Math.toIntExact(visit.departure() + walker.time(visit.location(), 0)) : null;
        copy.legDistanceM = s.legDistanceM;
        copy.legDurationS = s.legDurationS;
        return copy;
    }
}
