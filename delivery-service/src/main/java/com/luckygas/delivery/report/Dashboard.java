package com.luckygas.delivery.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.delivery.Rows;
import com.luckygas.delivery.cash.CashBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The office's numbers for one day, aggregated by PostgreSQL in three statements (orders by
 * status, driver and area; deliveries by product and driver with cash; the failed stops) —
 * never by loading rows into Java — and the cash still out with each driver (his days of the last
 * month not closed yet, whatever the day asked for and the territory: cash is the driver's).
 */
@ApplicationScoped
public class Dashboard {

    @Schema(name = "DashboardDriverDay")
    public record DriverDay(String driverId, Map<String, Long> orders, long deliveries,
                            Map<String, BigDecimal> delivered, long cash) {
    }

    public record AreaDay(String area, Map<String, Long> orders) {
    }

    public record Failed(long orderId, String customerCode, String customerName, String area, String driverId,
                         String reason) {
    }

    public record Day(LocalDate date, Map<String, Long> orders, long deliveries, Map<String, BigDecimal> cylinders,
                      Map<String, BigDecimal> flowKg, long cashCollected, List<DriverDay> drivers, List<AreaDay> areas,
                      List<Failed> failed, List<CashBook.Out> cashOut) {
    }

    public static final String ORDERS = """
            SELECT GROUPING(driver_id) AS by_driver, GROUPING(area) AS by_area, driver_id, area, status, count(*)
            FROM delivery.orders WHERE requested_date = :day AND (:everyArea OR area = ANY(CAST(:areas AS text[])))
            GROUP BY GROUPING SETS ((status), (driver_id, status), (area, status))""";

    public static final String DELIVERED = """
            SELECT GROUPING(d.driver_id) AS all_drivers, d.driver_id, i.product_code, p.kind, sum(i.quantity)
            FROM delivery.delivery d
            JOIN delivery.delivery_item i ON i.delivery_id = d.id
            JOIN delivery.product p ON p.code = i.product_code
            WHERE d.delivery_date = :day AND i.quantity > 0 AND (:everyArea OR d.area = ANY(CAST(:areas AS text[])))
            GROUP BY GROUPING SETS ((i.product_code, p.kind), (d.driver_id, i.product_code, p.kind))""";

    public static final String CASH = """
            SELECT GROUPING(driver_id) AS all_drivers, driver_id, count(*),
                   coalesce(sum(amount_collected) FILTER (WHERE payment_method = 'CASH'), 0)
            FROM delivery.delivery WHERE delivery_date = :day AND (:everyArea OR area = ANY(CAST(:areas AS text[])))
            GROUP BY GROUPING SETS ((), (driver_id))""";

    public static final String FAILED = """
            SELECT id, customer_code, customer_name, area, driver_id, failure_reason
            FROM delivery.orders WHERE requested_date = :day AND status = 'FAILED'
              AND (:everyArea OR area = ANY(CAST(:areas AS text[]))) ORDER BY driver_id, id""";

    final EntityManager em;

    final CashBook cash;

    Dashboard(EntityManager em, CashBook cash) {
        this.em = em;
        this.cash = cash;
    }

    public Day of(LocalDate day) {
        return of(day, null);
    }

    /** The day's numbers for the orders and deliveries of these areas (a depot's territory); null: every area. */
    @SuppressWarnings("unchecked")
    public Day of(LocalDate day, List<String> territory) {
        Map<String, Long> orders = new TreeMap<>();
        Map<String, Map<String, Long>> byDriver = new TreeMap<>();
        Map<String, Map<String, Long>> byArea = new TreeMap<>();
        for (Object[] r : (List<Object[]>) filtered(em.createNativeQuery(ORDERS), day, territory).getResultList()) {
            boolean driverRow = ((Number) r[0]).intValue() == 0;
            boolean areaRow = ((Number) r[1]).intValue() == 0;
            long count = ((Number) r[5]).longValue();
            String status = (String) r[4];
            if (driverRow) {
                byDriver.computeIfAbsent(nameOf(r[2]), k -> new TreeMap<>()).put(status, count);
            } else if (areaRow) {
                byArea.computeIfAbsent(nameOf(r[3]), k -> new TreeMap<>()).put(status, count);
            } else {
                orders.put(status, count);
            }
        }
        Map<String, BigDecimal> cylinders = new TreeMap<>();
        Map<String, BigDecimal> flowKg = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> deliveredByDriver = new TreeMap<>();
        for (Object[] r : (List<Object[]>) filtered(em.createNativeQuery(DELIVERED), day, territory).getResultList()) {
            BigDecimal quantity = Rows.plain((BigDecimal) r[4]);
            if (((Number) r[0]).intValue() == 1) {
                ("FLOW".equals(r[3]) ? flowKg : cylinders).put((String) r[2], quantity);
            } else {
                deliveredByDriver.computeIfAbsent(nameOf(r[1]), k -> new TreeMap<>()).put((String) r[2], quantity);
            }
        }
        long deliveries = 0;
        long cashCollected = 0;
        Map<String, long[]> cashByDriver = new TreeMap<>();
        for (Object[] r : (List<Object[]>) filtered(em.createNativeQuery(CASH), day, territory).getResultList()) {
            long[] values = {((Number) r[2]).longValue(), ((Number) r[3]).longValue()};
            if (((Number) r[0]).intValue() == 1) {
                deliveries = values[0];
                cashCollected = values[1];
            } else {
                cashByDriver.put(nameOf(r[1]), values);
            }
        }
        List<DriverDay> drivers = new ArrayList<>();
        java.util.Set<String> driverIds = new java.util.TreeSet<>(byDriver.keySet());
        driverIds.addAll(cashByDriver.keySet());
        for (String driver : driverIds) {
            long[] c = cashByDriver.getOrDefault(driver, new long[2]);
            drivers.add(new DriverDay(driver, byDriver.getOrDefault(driver, Map.of()), c[0],
                    deliveredByDriver.getOrDefault(driver, Map.of()), c[1]));
        }
        List<AreaDay> areas = byArea.entrySet().stream().map(e -> new AreaDay(e.getKey(), e.getValue())).toList();
        List<Failed> failed = ((List<Object[]>) filtered(em.createNativeQuery(FAILED), day, territory).getResultList())
                .stream().map(r -> new Failed(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5])).toList();
        return new Day(day, orders, deliveries, cylinders, flowKg, cashCollected, drivers, areas, failed, this.cash.out(CashBook.DASHBOARD_DAYS));
    }

    private static jakarta.persistence.Query filtered(jakarta.persistence.Query query, LocalDate day, List<String> areas) {
        return query.setParameter("day", day).setParameter("everyArea", areas == null)
                .setParameter("areas", areas == null ? new String[0] : areas.toArray(String[]::new));
    }

    /** Rows without a driver or area are grouped under "(none)". */
    private static String nameOf(Object value) {
        return value == null ? "(none)" : (String) value;
    }
}
