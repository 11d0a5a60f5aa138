package com.luckygas.delivery.order;

import com.luckygas.delivery.SlowStatementLog;
import com.luckygas.delivery.order.Order.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * route-service publishing a plan, in one transaction: each driver's stops are assigned to him
 * and to the route (the plan's id) with their trip and estimated arrival; the plan's unplanned
 * orders that an earlier publication had assigned go back to PENDING. An order a driver has set
 * out with stays his (its estimate is updated) unless the plan takes it from him explicitly
 * ({@code takenBack}: the office moved it); then it is taken back and assigned to its new driver
 * (who fetches it at the depot) or released. Orders no longer open are left as they are and
 * reported; publishing the same plan again changes nothing. The lifecycle's actions
 * ({@link OrderAction}) are bound into every statement.
 */
@ApplicationScoped
public class RoutePublications {

    /** One stop of a published route: the order, its driver, trip and estimated times (all optional but the first two). */
    public record RouteStop(long orderId, String driverId, Integer trip, LocalTime eta, LocalTime tripDeparts) {
    }

    /** What publishing a route plan changed: orders newly assigned or moved, released, and skipped. */
    public record RoutePublication(int assigned, int released, List<Skipped> skipped) {
        public record Skipped(long orderId, String status) {
        }
    }

    private final EntityManager em;

    RoutePublications(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public RoutePublication publish(long routeId, List<RouteStop> stops, List<Long> release, Map<Long, String> takenBack) {
        List<Long> all = new ArrayList<>(release);
        stops.forEach(s -> all.add(s.orderId()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, status, driver_id, route_id FROM delivery.orders WHERE id = ANY(CAST(:ids AS bigint[])) FOR UPDATE")
                .setParameter("ids", all.toArray(Long[]::new)).getResultList();
        Map<Long, Object[]> before = rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> r));
        // orders out with a driver that the plan may move: the office took them from that very driver
        List<Long> handedBack = takenBack.entrySet().stream().filter(e -> {
            Object[] row = before.get(e.getKey());
            return row != null && OrderAction.TAKE_BACK.allows(status(row)) && e.getValue().equals(row[2]);
        }).map(Map.Entry::getKey).toList();
        List<RoutePublication.Skipped> skipped = new ArrayList<>();
        int assigned = 0;
        for (RouteStop stop : stops) {
            Object[] row = before.get(stop.orderId());
            Status state = row == null ? null : status(row);
            boolean open = state != null && OrderAction.ASSIGN.allows(state) || handedBack.contains(stop.orderId());
            boolean carried = state != null && OrderAction.RETIME.allows(state) && stop.driverId().equals(row[2]);
            if (!open && !carried) {
                skipped.add(new RoutePublication.Skipped(stop.orderId(), state == null ? "NOT_FOUND" : state.name()));
            } else if (state == Status.PENDING || !stop.driverId().equals(row[2])
                    || !Long.valueOf(routeId).equals(row[3] == null ? null : ((Number) row[3]).longValue())) {
                assigned++;
            }
        }
        for (Long id : release) {
            Object[] row = before.get(id);
            Status state = row == null ? null : status(row);
            if ((state == null || !OrderAction.RELEASE.harmless().contains(state)) && !handedBack.contains(id)) {
                skipped.add(new RoutePublication.Skipped(id, state == null ? "NOT_FOUND" : state.name()));
            }
        }
        if (!handedBack.isEmpty()) {
            SlowStatementLog.executeUpdate(em.createNativeQuery("""
                    UPDATE delivery.orders SET status = :to, out_at = NULL, version = version + 1, updated_at = now()
                    WHERE id = ANY(CAST(:ids AS bigint[])) AND status = ANY(CAST(:from AS text[]))""")
                    .setParameter("to", OrderAction.TAKE_BACK.to().name()).setParameter("from", OrderAction.TAKE_BACK.from())
                    .setParameter("ids", handedBack.toArray(Long[]::new)));
        }
        if (!stops.isEmpty()) {
            SlowStatementLog.executeUpdate(em.createNativeQuery("""
                    UPDATE delivery.orders o SET
                        status = CASE WHEN o.status = ANY(CAST(:retimed AS text[])) AND o.driver_id = s.driver THEN o.status
                                      ELSE :assigned END,
                        out_at = CASE WHEN o.status = ANY(CAST(:retimed AS text[])) AND o.driver_id = s.driver THEN o.out_at END,
                        driver_id = s.driver, route_id = :route, trip = s.trip, eta = s.eta, trip_departure = s.departs,
                        version = o.version + 1, updated_at = now()
                    FROM unnest(CAST(:ids AS bigint[]), CAST(:drivers AS text[]), CAST(:trips AS integer[]),
                                CAST(CAST(:etas AS text[]) AS time[]), CAST(CAST(:departs AS text[]) AS time[]))
                         AS s(id, driver, trip, eta, departs)
                    WHERE o.id = s.id
                      AND (o.status = ANY(CAST(:assignable AS text[]))
                           OR o.status = ANY(CAST(:retimed AS text[])) AND o.driver_id = s.driver)
                      AND (o.status = ANY(CAST(:changed AS text[])) OR o.driver_id IS DISTINCT FROM s.driver
                           OR o.route_id IS DISTINCT FROM :route OR o.trip IS DISTINCT FROM s.trip
                           OR o.eta IS DISTINCT FROM s.eta OR o.trip_departure IS DISTINCT FROM s.departs)""")
                    .setParameter("route", routeId)
                    .setParameter("assigned", OrderAction.ASSIGN.to().name())
                    .setParameter("assignable", OrderAction.ASSIGN.from())
                    .setParameter("changed", OrderAction.ASSIGN.changes())
                    .setParameter("retimed", OrderAction.RETIME.from())
                    .setParameter("ids", stops.stream().map(RouteStop::orderId).toArray(Long[]::new))
                    .setParameter("drivers", stops.stream().map(RouteStop::driverId).toArray(String[]::new))
                    .setParameter("trips", stops.stream().map(RouteStop::trip).toArray(Integer[]::new))
                    .setParameter("etas", stops.stream().map(s -> s.eta() == null ? null : s.eta().toString()).toArray(String[]::new))
                    .setParameter("departs", stops.stream().map(s -> s.tripDeparts() == null ? null : s.tripDeparts().toString())
                            .toArray(String[]::new)));
        }
        int released = release.isEmpty() ? 0 : SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = :to, driver_id = NULL, route_id = NULL, trip = NULL, eta = NULL,
                       trip_departure = NULL, out_at = NULL, version = version + 1, updated_at = now()
                WHERE id = ANY(CAST(:ids AS bigint[])) AND status = ANY(CAST(:from AS text[]))""")
                .setParameter("to", OrderAction.RELEASE.to().name()).setParameter("from", OrderAction.RELEASE.from())
                .setParameter("ids", release.toArray(Long[]::new)));
        return new RoutePublication(assigned, released, skipped);
    }

    private static Status status(Object[] row) {
        return Status.valueOf((String) row[1]);
    }
}
