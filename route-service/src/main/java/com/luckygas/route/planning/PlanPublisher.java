package com.luckygas.route.planning;

import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.route.planning.store.PlanStop;
import com.luckygas.route.planning.store.RoutePlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Publishes a plan to delivery-service: one call assigns every driver's stops (with trip and
 * estimated arrival), releases the plan's unplanned orders and hands back the orders the office
 * took from a driver who set out with them; the same depot's earlier published plan of the day is
 * superseded (other depots' plans are not touched). A plan made before a driver set out or
 * delivered is refused (409): publishing it would take from him what he carries.
 */
@ApplicationScoped
public class PlanPublisher {

    public record Published(long planId, DeliveryClient.Publication publication) {
    }

    private final DayInputs inputs;
    private final DayProblems problems;
    private final PlanStore store;
    private final DeliveryClient delivery;

    PlanPublisher(DayInputs inputs, DayProblems problems, PlanStore store, @RestClient DeliveryClient delivery) {
        this.inputs = inputs;
        this.problems = problems;
        this.store = store;
        this.delivery = delivery;
    }

    /** Publishes the plan with the user's token; publishing again changes nothing. */
    public Published publish(long planId, String userToken) {
        RoutePlan plan = QuarkusTransaction.requiringNew().call(() -> store.plan(planId));
        PlanEdits.requireChangeable(plan);
        problems.requireNotPast(plan.planDate);
        List<PlanStop> rows = QuarkusTransaction.requiringNew().call(() ->
                PlanStop.<PlanStop>list("planId = ?1 order by driverId, seq", planId));
        requireCurrent(rows, inputs.read(plan.planDate));
        DeliveryClient.RouteAssignment assignment = assignment(planId, rows);
        DeliveryClient.Publication publication = delivery.publish(userToken, assignment);
        QuarkusTransaction.requiringNew().run(() -> {
            RoutePlan current = store.plan(planId);
            RoutePlan.update("status = ?1, updatedAt = ?2 where planDate = ?3 and depotId = ?4 and status = ?5 and id <> ?6",
                    RoutePlan.Status.SUPERSEDED, OffsetDateTime.now(), current.planDate, current.depotId,
                    RoutePlan.Status.PUBLISHED, planId);
            current.status = RoutePlan.Status.PUBLISHED;
            current.publishedAt = OffsetDateTime.now();
        });
        return new Published(planId, publication);
    }

    /**
     * The plan must still describe each driver's day: every order a driver has delivered, failed
     * or set out with (and not had taken back by the office) must be on his route in the plan, and
     * before anything else on it — the first stops of his route. Otherwise (he set out after the
     * plan was made, with other orders, or the plan puts a new stop among those he carries) it is
     * a 409: plan again, or move a stop, which brings the plan up to date. Publishing a plan again
     * after its drivers set out with its own routes is harmless.
     */
    static void requireCurrent(List<PlanStop> rows, DayInputs.Day day) {
        Map<Long, PlanStop> byOrder = new HashMap<>();
        rows.forEach(r -> byOrder.put(r.orderId, r));
        Map<String, java.util.Set<Long>> progressed = new LinkedHashMap<>();
        for (Inputs.Order o : day.orders()) {
            PlanStop row = byOrder.get(o.id());
            boolean moved = switch (o.status()) {
                case "OUT_FOR_DELIVERY", "DELIVERED", "FAILED" -> true;
                default -> false;
            };
            if (row != null && o.driverId() != null && moved && !o.driverId().equals(row.takenFrom)) {
                progressed.computeIfAbsent(o.driverId(), k -> new java.util.HashSet<>()).add(o.id());
            }
        }
        List<Problem.Violation> violations = new ArrayList<>();
        progressed.forEach((driver, orders) -> {
            java.util.Set<Long> first = new java.util.HashSet<>(rows.stream().filter(r -> driver.equals(r.driverId))
                    .sorted(java.util.Comparator.comparing(r -> r.seq)).limit(orders.size()).map(r -> r.orderId).toList());
            if (!first.equals(orders)) {
                List<Long> sorted = orders.stream().sorted().toList();
                violations.add(new Problem.Violation("routes", "driver " + driver + " has set out with or finished orders "
                        + sorted + ", which this plan does not have first on his route"));
            }
        });
        if (!violations.isEmpty()) {
            throw new ProblemException(new Problem("about:blank", "Conflict", 409,
                    "The day has moved on since this plan was made; plan it again (or move a stop, which brings the plan up to date).",
                    violations));
        }
    }

    /** The plan's routes for delivery-service: stops still to come in order, with trip and times. */
    static DeliveryClient.RouteAssignment assignment(long planId, List<PlanStop> rows) {
        Map<String, List<DeliveryClient.RouteAssignment.Stop>> byDriver = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> departures = new HashMap<>();
        rows.stream().filter(r -> r.driverId != null && r.depotDepartureS != null && r.trip != null)
                .forEach(r -> departures.computeIfAbsent(r.driverId, k -> new HashMap<>()).putIfAbsent(r.trip, r.depotDepartureS));
        List<Long> release = new ArrayList<>();
        List<DeliveryClient.RouteAssignment.TakenBack> takenBack = new ArrayList<>();
        for (PlanStop r : rows) {
            if (r.takenFrom != null) {
                takenBack.add(new DeliveryClient.RouteAssignment.TakenBack(r.orderId, r.takenFrom));
            }
            if (r.driverId == null) {
                release.add(r.orderId);
            } else if (r.state == PlanStop.State.PLANNED || r.state == PlanStop.State.CARRIED) {
                Integer departs = r.trip == null ? null : departures.getOrDefault(r.driverId, Map.of()).get(r.trip);
                byDriver.computeIfAbsent(r.driverId, k -> new ArrayList<>()).add(new DeliveryClient.RouteAssignment.Stop(
                        r.orderId, r.trip, time(r.arrivalS), time(departs)));
            }
        }
        return new DeliveryClient.RouteAssignment(planId, byDriver.entrySet().stream()
                .map(e -> new DeliveryClient.RouteAssignment.DriverStops(e.getKey(), e.getValue())).toList(), release, takenBack);
    }

    /** Seconds of the day as a time of day (a route never runs past midnight; later is left out). */
    private static LocalTime time(Integer seconds) {
        return seconds == null || seconds < 0 || seconds >= 24 * 3600 ? null : LocalTime.ofSecondOfDay(seconds);
    }
}
