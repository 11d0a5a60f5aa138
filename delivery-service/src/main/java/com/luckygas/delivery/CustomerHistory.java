package com.luckygas.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.function.BiFunction;

/**
 * A customer's deliveries, newest first, in keyset pages: each page continues strictly after the
 * last (delivered_at, id) of the previous one, so pages never skip or repeat rows however many
 * deliveries are added meanwhile, and crossing from live deliveries into the archive unnoticed.
 * The office asks this while the customer waits on the phone, so it is one statement (on
 * delivery_customer_idx and delivery_archive_customer_idx) that also builds the JSON of the page
 * (deliveries with their items) in PostgreSQL: nothing is mapped to objects and back on the way out.
 * Each page row knows which table it came from ({@code live}), so its items are read from that
 * table alone rather than from both through the {@code all_delivery_items} view (a quarter more
 * pages per second from PostgreSQL: docs/benchmarks.md).
 */
@ApplicationScoped
public class CustomerHistory {

    /** A delivery's items as a JSON array (of the table its row came from). */
    private static final String ITEMS = "json_agg(json_build_object('productCode', i.product_code,"
            + " 'quantity', i.quantity, 'empties', i.empties) ORDER BY i.product_code)";

    private static final String PAGE = """
            WITH page AS (
                (SELECT d.*, true AS live FROM delivery.delivery d WHERE customer_id = :customer %1$s
                 ORDER BY delivered_at DESC, id DESC LIMIT :limit)
                UNION ALL
                (SELECT a.*, false FROM delivery.delivery_archive a WHERE customer_id = :customer %1$s
                 ORDER BY delivered_at DESC, id DESC LIMIT :limit)
                ORDER BY delivered_at DESC, id DESC
                LIMIT :limit)
            SELECT coalesce(json_agg(json_build_object(
                       'id', p.id, 'orderId', p.order_id, 'customerId', p.customer_id,
                       'deliveredAt', p.delivered_at, 'deliveryDate', p.delivery_date,
                       'driverId', p.driver_id, 'driverName', p.driver_name,
                       'amountCollected', p.amount_collected, 'paymentMethod', p.payment_method, 'notes', p.notes,
                       'items', coalesce(CASE WHEN p.live
                           THEN (SELECT %2$s FROM delivery.delivery_item i WHERE i.delivery_id = p.id)
                           ELSE (SELECT %2$s FROM delivery.delivery_item_archive i WHERE i.delivery_id = p.id) END, '[]'))
                       ORDER BY p.delivered_at DESC, p.id DESC), '[]')::text,
                   count(*),
                   (array_agg(p.delivered_at ORDER BY p.delivered_at, p.id))[1],
                   (array_agg(p.id ORDER BY p.delivered_at, p.id))[1]
            FROM page p""";

    /** The statement for a first page, and for the pages after a cursor (kept apart so tests can EXPLAIN them). */
    static final String FIRST_PAGE = PAGE.formatted("", ITEMS);
    static final String NEXT_PAGE = PAGE.formatted("AND (delivered_at, id) < (:at, :id)", ITEMS);

    /** Where the previous page ended. */
    public record After(OffsetDateTime deliveredAt, long id) {
    }

    final EntityManager em;

    CustomerHistory(EntityManager em) {
        this.em = em;
    }

    /**
     * The page as JSON: {@code {"items": [...], "next": cursor or null}}; {@code cursorOf} turns
     * the last row's (delivered_at, id) into the cursor of the following page.
     */
    public String page(long customerId, After after, int limit, BiFunction<OffsetDateTime, Long, String> cursorOf) {
        Query query = em.createNativeQuery(after == null ? FIRST_PAGE : NEXT_PAGE)
                .setParameter("customer", customerId).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("at", after.deliveredAt()).setParameter("id", after.id());
        }
        Object[] row = (Object[]) query.getSingleResult();
        long count = ((Number) row[1]).longValue();
        String next = count < limit ? "null" : "\"" + cursorOf.apply(toOffset(row[2]), ((Number) row[3]).longValue()) + "\"";
        return "{\"items\":" + row[0] + ",\"next\":" + next + "}";
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
