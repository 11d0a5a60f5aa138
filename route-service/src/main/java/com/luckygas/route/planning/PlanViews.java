package com.luckygas.route.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.route.Depot;
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

/** Plans as the office and the driver app read them (three statements per plan). */
@ApplicationScoped
public class PlanViews {

    public record StopView(int seq, long orderId, long customerId, String arrival, String serviceStart, String departure,
                           String windowStart, String windowEnd, Long legDistanceMeters, Long legDurationSeconds,
                           int cylinders, BigDecimal loadKg, BigDecimal latitude, BigDecimal longitude, JsonNode door) {
    }

    public record RouteView(String driverId, String driverName, Long vehicleId, String vehiclePlate, String vehicleKind,
                            int capacityCylinders, BigDecimal capacityKg, LocalTime shiftStart, LocalTime shiftEnd,
                            int stopCount, int cylinders, BigDecimal loadKg, long distanceMeters, long durationSeconds,
                            String returnAt, List<StopView> stops) {
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

    /** The driver's day: his stops in order with what he needs at the door, nothing else. */
    public record DriverDay(LocalDate date, Long planId, String driverId, String driverName, String vehiclePlate,
                            String vehicleKind, DepotView depot, String departAt, String returnAt, int cylinders,
                            BigDecimal loadKg, long cashToCollect, List<StopView> stops) {
    }

    public record DepotView(long id, String name, String address, BigDecimal latitude, BigDecimal longitude) {
    }

    private final ObjectMapper json;

    PlanViews(ObjectMapper json) {
        this.json = json;
    }

    public PlanView view(RoutePlan plan) {
        List<PlanRoute> routes = PlanRoute.list("planId = ?1 order by driverId", plan.id);
        List<PlanStop> stops = PlanStop.list("planId = ?1 order by driverId, seq, orderId", plan.id);
        Map<String, List<StopView>> byDriver = new LinkedHashMap<>();
        List<UnplannedView> unplanned = new ArrayList<>();
        for (PlanStop s : stops) {
            if (s.driverId == null) {
                unplanned.add(new UnplannedView(s.orderId, s.customerId,
                        plan.status == RoutePlan.Status.SOLVING && s.plannable ? null : s.unplannedReason, tree(s.door)));
            } else {
                byDriver.computeIfAbsent(s.driverId, k -> new ArrayList<>()).add(stop(s));
            }
        }
        List<RouteView> routeViews = routes.stream().map(r -> route(r, byDriver.getOrDefault(r.driverId, List.of()))).toList();
        return new PlanView(plan.id, plan.planDate, plan.depotId, plan.status, plan.maxSolveSeconds, score(plan),
                feasible(plan), plan.mediumScore == null ? null : -plan.mediumScore, plan.distanceM, plan.durationS,
                plan.failure, plan.violations == null ? null : tree(plan.violations), plan.createdBy, plan.createdAt,
                plan.solvedAt, plan.publishedAt, plan.version, routeViews,
                plan.status == RoutePlan.Status.SOLVING ? List.of() : unplanned);
    }

    /** One driver's route of a plan; empty when the driver has none in it. */
    public DriverDay day(RoutePlan plan, String driverId, LocalDate date) {
        if (plan == null) {
            return new DriverDay(date, null, driverId, null, null, null, null, null, null, 0, BigDecimal.ZERO, 0, List.of());
        }
        PlanRoute route = PlanRoute.find("planId = ?1 and driverId = ?2", plan.id, driverId).firstResult();
        Depot depot = Depot.findById(plan.depotId);
        List<PlanStop> rows = PlanStop.list("planId = ?1 and driverId = ?2 order by seq", plan.id, driverId);
        List<StopView> stops = rows.stream().map(this::stop).toList();
        long cash = stops.stream().mapToLong(s -> s.door().path("cashToCollect").asLong()).sum();
        String departAt = rows.isEmpty() ? null : time((long) rows.get(0).arrivalS - rows.get(0).legDurationS);
        return new DriverDay(plan.planDate, plan.id, driverId, route == null ? null : route.driverName,
                route == null ? null : route.vehiclePlate, route == null ? null : route.vehicleKind,
                new DepotView(depot.id, depot.name, depot.address, depot.latitude, depot.longitude), departAt,
                route == null || route.returnS == null ? null : time((long) route.returnS),
                route == null ? 0 : route.cylinders, route == null ? BigDecimal.ZERO : route.loadKg, cash, stops);
    }

    private RouteView route(PlanRoute r, List<StopView> stops) {
        return new RouteView(r.driverId, r.driverName, r.vehicleId, r.vehiclePlate, r.vehicleKind, r.capacityCylinders,
                r.capacityKg, r.shiftStart, r.shiftEnd, r.stopCount, r.cylinders, r.loadKg, r.distanceM, r.durationS,
                r.returnS == null ? null : time((long) r.returnS), stops);
    }

    private StopView stop(PlanStop s) {
        return new StopView(s.seq, s.orderId, s.customerId, time(s.arrivalS), time(s.startS), time(s.departureS),
                time((long) s.readyS), time((long) s.dueS), s.legDistanceM, s.legDurationS, s.cylinders, s.loadKg,
                s.latitude, s.longitude, tree(s.door));
    }

    private static String time(Integer seconds) {
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

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
