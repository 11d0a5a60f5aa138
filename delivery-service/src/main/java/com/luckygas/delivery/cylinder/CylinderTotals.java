package com.luckygas.delivery.cylinder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.delivery.Rows;
import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.forecast.CustomerProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger over all customers: the company's cylinders out at customers per product, and the
 * customers the office should look at — holding more than usual, not delivered for months while
 * holding cylinders, or with empties the ledger cannot explain. All balances in one statement
 * (the same rule as {@link CylinderBalances}: the last count, then what came after it).
 */
@ApplicationScoped
public class CylinderTotals {

    public record ProductTotal(String productCode, long held, long customers, long unaccounted, long flaggedCustomers) {
    }

    public record Totals(OffsetDateTime asOf, List<ProductTotal> products) {
    }

    public record Holding(String productCode, int held, int unaccounted, Integer usual) {
    }

    @Schema(name = "AttentionReason")
    public enum Reason { UNACCOUNTED, MORE_THAN_USUAL, NOT_SEEN }

    public record Attention(long customerId, String customerCode, String customerName, List<Reason> reasons,
                            List<Holding> products, OffsetDateTime lastDelivery) {
    }

    /**
     * Every customer's balance per cylinder product before :until. Deliveries are read from the
     * earliest last-count on (every customer with history from before the ledger has an opening
     * count: the importer writes one for each customer it loads), through the date indexes.
     */
    static final String BALANCES = """
            WITH anchor AS (
                SELECT DISTINCT ON (customer_id) customer_id, id, counted_at FROM delivery.cylinder_count
                WHERE counted_at < :until ORDER BY customer_id, counted_at DESC, id DESC),
            floor AS (SELECT coalesce(min(counted_at), '1900-01-01T00:00:00Z') AS at FROM anchor),
            parts AS (
                SELECT a.customer_id, l.product_code, l.quantity::bigint AS quantity
                FROM anchor a JOIN delivery.cylinder_count_line l ON l.count_id = a.id
                UNION ALL
                SELECT d.customer_id, i.product_code, i.quantity::bigint - i.empties
                FROM delivery.all_deliveries d
                JOIN delivery.all_delivery_items i ON i.delivery_id = d.id
                LEFT JOIN anchor a ON a.customer_id = d.customer_id
                WHERE d.delivered_at >= (SELECT at FROM floor) AND d.delivered_at < :until
                  AND d.delivered_at > coalesce(a.counted_at, '-infinity')
                UNION ALL
                SELECT m.customer_id, m.product_code, m.quantity::bigint
                FROM delivery.cylinder_movement m LEFT JOIN anchor a ON a.customer_id = m.customer_id
                WHERE m.moved_at < :until AND m.moved_at > coalesce(a.counted_at, '-infinity'))
            SELECT b.customer_id, b.product_code, sum(b.quantity) AS balance
            FROM parts b JOIN delivery.product p ON p.code = b.product_code AND p.kind = 'CYLINDER'
            GROUP BY b.customer_id, b.product_code
            HAVING sum(b.quantity) <> 0""";

    public static final String TOTALS = """
            WITH balances AS (%s)
            SELECT p.code, coalesce(sum(greatest(b.balance, 0)), 0), count(b.customer_id) FILTER (WHERE b.balance > 0),
                   coalesce(sum(greatest(-b.balance, 0)), 0), count(b.customer_id) FILTER (WHERE b.balance < 0)
            FROM delivery.product p LEFT JOIN balances b ON b.product_code = p.code
            WHERE p.kind = 'CYLINDER'
            GROUP BY p.code, p.sort_order ORDER BY p.sort_order, p.code""".formatted(BALANCES);

    /**
     * The customers to look at, with each holding's usual (the largest delivery of that product in
     * the last year) and the customer's last delivery, both read through the customer indexes.
     */
    public static final String ATTENTION = """
            WITH balances AS (%s),
            looked AS (
                SELECT b.customer_id, b.product_code, b.balance, u.usual, l.last_delivery
                FROM balances b
                CROSS JOIN LATERAL (
                    SELECT max(i.quantity)::int AS usual
                    FROM delivery.all_deliveries d JOIN delivery.all_delivery_items i ON i.delivery_id = d.id
                    WHERE d.customer_id = b.customer_id AND d.delivered_at >= :yearAgo AND d.delivered_at < :until
                      AND i.product_code = b.product_code) u
                CROSS JOIN LATERAL (
                    SELECT max(d.delivered_at) AS last_delivery FROM (
                        (SELECT delivered_at FROM delivery.delivery WHERE customer_id = b.customer_id
                         ORDER BY delivered_at DESC LIMIT 1)
                        UNION ALL
                        (SELECT delivered_at FROM delivery.delivery_archive WHERE customer_id = b.customer_id
                         ORDER BY delivered_at DESC LIMIT 1)) d) l)
            SELECT customer_id, product_code, balance, usual, last_delivery FROM looked
            WHERE customer_id IN (SELECT customer_id FROM looked
                                  WHERE balance < 0 OR balance > 2 * usual
                                     OR (balance > 0 AND (last_delivery IS NULL OR last_delivery < :notSeenSince)))
            ORDER BY customer_id, product_code""".formatted(BALANCES);

    private final EntityManager em;
    private final CustomerProfiles customers;
    private final Clock clock;

    CylinderTotals(EntityManager em, CustomerProfiles customers, Clock clock) {
        this.em = em;
        this.customers = customers;
        this.clock = clock;
    }

    /** Cylinders out at customers per product at the end of {@code day} (today: everything recorded so far). */
    @SuppressWarnings("unchecked")
    public Totals totals(LocalDate day) {
        OffsetDateTime until = until(day);
        List<Object[]> rows = em.createNativeQuery(TOTALS).setParameter("until", until).getResultList();
        List<ProductTotal> products = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            products.add(new ProductTotal((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        return new Totals(asOf(day), products);
    }

    /** Customers holding more than twice their usual, not delivered for {@code notSeenMonths} while holding, or with unexplained empties. */
    @SuppressWarnings("unchecked")
    public List<Attention> attention(int notSeenMonths) {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime until = until(today);
        List<Object[]> rows = em.createNativeQuery(ATTENTION)
                .setParameter("until", until)
                .setParameter("yearAgo", today.minusYears(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .setParameter("notSeenSince", today.minusMonths(notSeenMonths).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .getResultList();
        Map<Long, List<Object[]>> byCustomer = new LinkedHashMap<>();
        rows.forEach(r -> byCustomer.computeIfAbsent(((Number) r[0]).longValue(), id -> new ArrayList<>()).add(r));
        Map<Long, CustomerClient.Profile> names = customers.of(byCustomer.keySet());
        OffsetDateTime notSeenSince = today.minusMonths(notSeenMonths).atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<Attention> out = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((id, list) -> {
            List<Holding> products = new ArrayList<>();
            List<Reason> reasons = new ArrayList<>();
            OffsetDateTime last = Rows.time(list.get(0)[4], clock.getZone());
            int held = 0;
            for (Object[] r : list) {
                int balance = ((Number) r[2]).intValue();
                Integer usual = r[3] == null ? null : ((Number) r[3]).intValue();
                products.add(new Holding((String) r[1], Math.max(0, balance), Math.max(0, -balance), usual));
                held += Math.max(0, balance);
                add(reasons, balance < 0, Reason.UNACCOUNTED);
                add(reasons, usual != null && balance > 2 * usual, Reason.MORE_THAN_USUAL);
            }
            add(reasons, held > 0 && (last == null || last.isBefore(notSeenSince)), Reason.NOT_SEEN);
            CustomerClient.Profile p = names.get(id);
            out.add(new Attention(id, p == null ? null : p.code(), p == null ? null : p.shortName(), reasons, products, last));
        });
        return out;
    }

    private static void add(List<Reason> reasons, boolean applies, Reason reason) {
        if (applies && !reasons.contains(reason)) {
            reasons.add(reason);
        }
    }

    private OffsetDateTime until(LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        return day.isBefore(today) ? day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime()
                : OffsetDateTime.now(clock).plus(CylinderBalances.HORIZON);
    }

    private OffsetDateTime asOf(LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        return day.isBefore(today) ? day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime() : OffsetDateTime.now(clock);
    }
}
