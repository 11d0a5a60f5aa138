package com.luckygas.route.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.route.planning.store.PlanRoute;
import com.luckygas.route.planning.store.PlanStop;
import com.luckygas.route.planning.store.RoutePlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans as the office reads them (three statements per plan). */
@ApplicationScoped
public class PlanViews {

    /**
     * A stop of a route. {@code state}: in a plan, as when it was made — PLANNED, CARRIED (the
     * driver set out with it), DONE (delivered) or FAILED; in a driver's day, as it is now — DONE,
     * FAILED, NEXT, TO_COME or CANCELLED. {@code trip}: the departure from the depot it is served
     * on ({@code reloadBefore}: back to the depot to reload first); {@code leftDepotAt} on the
     * first stop of a trip, {@code backAtDepot} on the last.
     */
    public record StopView(int seq, long orderId, long customerId, String state, Integer trip, boolean reloadBefore,
                           String arrival, String serviceStart, String departure, String leftDepotAt, String backAtDepot,
                           OffsetDateTime finishedAt, String windowStart, String windowEnd, Long legDistanceMeters,
                           Long legDurationSeconds, int cylinders, BigDecimal loadKg, BigDecimal latitude, BigDecimal longitude,
                           JsonNode door) {

        /** The same stop with another door. */
        public StopView withDoor(JsonNode newDoor) {
            return new StopView(seq, orderId, customerId, state, trip, reloadBefore, arrival, serviceStart, departure,
                    leftDepotAt, backAtDepot, finishedAt, windowStart, windowEnd, legDistanceMeters, legDurationSeconds,
                    cylinders, loadKg, latitude, longitude, newDoor);
        }
    }

    /** One departure from the depot: when, back when, which stops, how many cylinders to load. */
    public record TripView(int trip, String departAt, String returnAt, int stops, int cylinders, BigDecimal loadKg) {
    }

    /**
     * One driver's route: his vehicle and shift; {@code setOut}: he had set out when the plan was
     * made; {@code takesNewOrders} false: he is in the plan only for what he did or carries;
     * {@code startAt}: where the rest of his day starts; his trips and his break.
     */
    public record RouteView(String driverId, String driverName, Long vehicleId, String vehiclePlate, String vehicleKind,
                            int capacityCylinders, BigDecimal capacityKg, LocalTime shiftStart, LocalTime shiftEnd,
                            boolean setOut, boolean takesNewOrders, String startAt, int stopCount, int cylinders,
                            BigDecimal loadKg, long distanceMeters, long durationSeconds, String returnAt, String breakStart,
                            String breakEnd, List<TripView> trips, List<StopView> stops) {
    }

    public record UnplannedView(long orderId, long customerId, String reason, JsonNode door) {
    }

    public record PlanView(long id, LocalDate date, long depotId, RoutePlan.Status status, int maxSolveSeconds,
                           String score, Boolean feasible, Long unplanned, Long distanceMeters, Long durationSeconds,
                           String failure, JsonNode violations, String createdBy, OffsetDateTime createdAt,
                           OffsetDateTime solvedAt, OffsetDateTime publishedAt, long version, List<RouteView> routes,
                           List<UnplannedView> unplannedOrders) {
    }

    public record Summary(long id, LocalDate date, long depotId, RoutePlan.Status status, String score, Boolean feasible,
                          Long distanceMeters, OffsetDateTime createdAt, OffsetDateTime publishedAt) {

        public static Summary of(RoutePlan p) {
            return new Summary(p.id, p.planDate, p.depotId, p.status, PlanViews.score(p), PlanViews.feasible(p), p.distanceM, p.createdAt,
                    p.publishedAt);
        }
    }

    private final ObjectMapper json;

    PlanViews(ObjectMapper json) {
        this.json = json;
    }

    public PlanView view(RoutePlan plan) {
        List<PlanRoute> routes = PlanRoute.list("planId = ?1 order by driverId", plan.id);
        List<PlanStop> stops = PlanStop.list("planId = ?1 order by driverId, seq, orderId", plan.id);
        Map<String, List<PlanStop>> byDriver = new LinkedHashMap<>();
        List<UnplannedView> unplanned = new ArrayList<>();
        for (PlanStop s : stops) {
            if (s.driverId == null) {
                unplanned.add(new UnplannedView(s.orderId, s.customerId,
                        plan.status == RoutePlan.Status.SOLVING && s.plannable ? null : s.unplannedReason, tree(s.door)));
            } else {
                byDriver.computeIfAbsent(s.driverId, k -> new ArrayList<>()).add(s);
            }
        }
        List<RouteView> routeViews = routes.stream().map(r -> route(r, byDriver.getOrDefault(r.driverId, List.of()))).toList();
        return new PlanView(plan.id, plan.planDate, plan.depotId, plan.status, plan.maxSolveSeconds, score(plan),
                feasible(plan), plan.mediumScore == null ? null : -plan.mediumScore, plan.distanceM, plan.durationS,
                plan.failure, plan.violations == null ? null : tree(plan.violations), plan.createdBy, plan.createdAt,
                plan.solvedAt, plan.publishedAt, plan.version, routeViews,
                plan.status == RoutePlan.Status.SOLVING ? List.of() : unplanned);
    }

    private RouteView route(PlanRoute r, List<PlanStop> rows) {
        List<StopView> stops = rows.stream().map(s -> stop(s, s.state.name())).toList();
        return new RouteView(r.driverId, r.driverName, r.vehicleId, r.vehiclePlate, r.vehicleKind, r.capacityCylinders,
                r.capacityKg, r.shiftStart, r.shiftEnd, r.setOut, r.takesNew, time(r.startS), r.stopCount, r.cylinders,
                r.loadKg, r.distanceM, r.durationS, time(r.returnS), time(r.breakStartS),
                r.breakStartS == null ? null : time((long) r.breakStartS + r.breakMinutes * 60L), trips(stops), stops);
    }

    /** The trips of a route's stops (those with a trip): departure, return, stops and load of each. */
    public static List<TripView> trips(List<StopView> stops) {
        Map<Integer, List<StopView>> byTrip = new LinkedHashMap<>();
        stops.stream().filter(s -> s.trip() != null).forEach(s -> byTrip.computeIfAbsent(s.trip(), k -> new ArrayList<>()).add(s));
        List<TripView> trips = new ArrayList<>();
        byTrip.forEach((trip, list) -> trips.add(new TripView(trip,
                list.stream().map(StopView::leftDepotAt).filter(java.util.Objects::nonNull).findFirst().orElse(null),
                list.stream().map(StopView::backAtDepot).filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null),
                list.size(), list.stream().mapToInt(StopView::cylinders).sum(),
                list.stream().map(StopView::loadKg).reduce(BigDecimal.ZERO, BigDecimal::add))));
        return trips;
    }

    public StopView stop(PlanStop s, String state) {
        return new StopView(s.seq == null ? 0 : s.seq, s.orderId, s.customerId, state, s.trip, s.reloadBefore, time(s.arrivalS),
                time(s.startS), time(s.departureS), time(s.depotDepartureS), time(s.depotReturnS), s.finishedAt,
                time((long) s.readyS), time((long) s.dueS), s.legDistanceM, s.legDurationS, s.cylinders, s.loadKg,
                s.latitude, s.longitude, tree(s.door));
    }

    static String time(Integer seconds) {
        return seconds == null ? null : time(seconds.longValue());
    }

    /** Seconds of the day as HH:mm (a plan never runs past midnight; later is shown as is, e.g. 24:10). */
    public static String time(Long seconds) {
        if (seconds == null) {
            return null;
        }
        long minutes = (seconds + 30) / 60;
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    static String score(RoutePlan p) {
        return p.hardScore == null ? null : p.hardScore + "hard/" + p.mediumScore + "medium/" + p.softScore + "soft";
    }

    static Boolean feasible(RoutePlan p) {
        return p.hardScore == null ? null : p.hardScore == 0;
    }

    JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
