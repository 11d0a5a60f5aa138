package com.luckygas.delivery.cylinder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.delivery.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cylinder ledger says a customer holds (docs/adr/0009): the last count before the
 * moment (an OPENING or a COUNT at the site; products it does not list are 0), plus what
 * deliveries brought and took back after it, plus the office's movements after it. Cylinder
 * products only. One statement per customer, through the customer indexes of deliveries (live
 * and archived), counts and movements.
 */
@ApplicationScoped
public class CylinderBalances {

    /** One product at one customer: {@code held} is never negative; {@code unaccounted} counts the empties the ledger cannot explain. */
    public record Held(String productCode, int held, int unaccounted, int onDeposit, long deposit) {
    }

    /** The last count a balance starts from, if any. */
    public record LastCount(long id, String kind, OffsetDateTime countedAt) {
    }

    @Schema(name = "CylinderBalance")
    public record Balance(long customerId, OffsetDateTime asOf, List<Held> products, long deposit, boolean flagged,
                          LastCount lastCount) {
    }

    /** The customer's last count before :until (the anchor). */
    static final String ANCHOR = """
            SELECT id, kind, counted_at FROM delivery.cylinder_count
            WHERE customer_id = :customer AND counted_at < :until
            ORDER BY counted_at DESC, id DESC LIMIT 1""";

    /** Per cylinder product: the balance since the anchor, the cylinders on deposit and the deposit held. */
    public static final String BALANCE = """
            WITH parts AS (
                SELECT l.product_code, l.quantity::bigint AS quantity
                FROM delivery.cylinder_count_line l WHERE l.count_id = CAST(:anchor AS bigint)
                UNION ALL
                SELECT i.product_code, sum(i.quantity)::bigint - sum(i.empties)
                FROM delivery.all_deliveries d JOIN delivery.all_delivery_items i ON i.delivery_id = d.id
                WHERE d.customer_id = :customer AND d.delivered_at > :since AND d.delivered_at < :until
                GROUP BY i.product_code
                UNION ALL
                SELECT m.product_code, sum(m.quantity)
                FROM delivery.cylinder_movement m
                WHERE m.customer_id = :customer AND m.moved_at > :since AND m.moved_at < :until
                GROUP BY m.product_code),
            deposits AS (
                SELECT m.product_code, sum(m.quantity) FILTER (WHERE m.deposit <> 0) AS cylinders, sum(m.deposit) AS amount
                FROM delivery.cylinder_movement m
                WHERE m.customer_id = :customer AND m.moved_at < :until
                GROUP BY m.product_code)
            SELECT p.code, coalesce(b.quantity, 0), coalesce(dep.cylinders, 0), coalesce(dep.amount, 0)
            FROM delivery.product p
            LEFT JOIN (SELECT product_code, sum(quantity) AS quantity FROM parts GROUP BY product_code) b
                   ON b.product_code = p.code
            LEFT JOIN deposits dep ON dep.product_code = p.code
            WHERE p.kind = 'CYLINDER' AND (b.quantity <> 0 OR dep.amount <> 0 OR dep.cylinders <> 0)
            ORDER BY p.sort_order, p.code""";

    static final OffsetDateTime BEGINNING = OffsetDateTime.parse("1900-01-01T00:00:00Z");

    /** What "now" reads up to: anything recorded so far, a device's clock a few minutes ahead included. */
    static final Duration HORIZON = Duration.ofMinutes(10);

    private final EntityManager em;
    private final Clock clock;

    CylinderBalances(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The customer's cylinders now: everything recorded so far. */
    public Balance current(long customerId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return of(customerId, now.plus(HORIZON), now);
    }

    /** The customer's cylinders at the end of {@code day} (business time zone). */
    public Balance atEndOf(long customerId, LocalDate day) {
        OffsetDateTime until = day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        return of(customerId, until, until);
    }

    /** The customer's cylinders before {@code until} (exclusive), reported as of {@code asOf}. */
    @SuppressWarnings("unchecked")
    Balance of(long customerId, OffsetDateTime until, OffsetDateTime asOf) {
        List<Object[]> anchor = em.createNativeQuery(ANCHOR)
                .setParameter("customer", customerId).setParameter("until", until).getResultList();
        LastCount last = anchor.isEmpty() ? null : new LastCount(((Number) anchor.get(0)[0]).longValue(),
                (String) anchor.get(0)[1], Rows.time(anchor.get(0)[2], clock.getZone()));
        List<Object[]> rows = em.createNativeQuery(BALANCE)
                .setParameter("customer", customerId).setParameter("until", until)
                .setParameter("anchor", last == null ? null : last.id())
                .setParameter("since", last == null ? BEGINNING : last.countedAt())
                .getResultList();
        List<Held> products = new ArrayList<>(rows.size());
        long deposit = 0;
        boolean flagged = false;
        for (Object[] r : rows) {
            int balance = ((Number) r[1]).intValue();
            long amount = ((Number) r[3]).longValue();
            products.add(new Held((String) r[0], Math.max(0, balance), Math.max(0, -balance),
                    ((Number) r[2]).intValue(), amount));
            deposit += amount;
            flagged |= balance < 0;
        }
        return new Balance(customerId, asOf, products, deposit, flagged, last);
    }
}
