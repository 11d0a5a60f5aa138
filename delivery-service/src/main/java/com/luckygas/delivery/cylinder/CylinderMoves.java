package com.luckygas.delivery.cylinder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.delivery.Rows;
import com.luckygas.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A customer's cylinder movements, newest first, in cursor pages: the counts (one row per product
 * counted), the deliveries (one row per cylinder product: full ones in, empties out) and the
 * office's movements. Deliveries before the customer's first count are history the ledger does
 * not read (the imported records have no empties) and are not listed.
 */
@ApplicationScoped
public class CylinderMoves {

    /**
     * One movement of one product. {@code change} is what it did to the balance (a count: the
     * number counted, which the balance becomes); {@code empties} for deliveries.
     */
    @Schema(name = "CylinderMove")
    public record Entry(OffsetDateTime at, String kind, long id, String productCode, int change, Integer delivered,
                        Integer empties, long deposit, String reason, String by) {
    }

    @Schema(name = "CylinderMovePage")
    public record Page(List<Entry> items, String next) {
    }

    record After(OffsetDateTime at, int source, long id, String product) {
    }

    /** source: 1 delivery, 2 movement, 3 count (a count at the same moment as a delivery comes after it). */
    public static final String PAGE = """
            WITH first_count AS (
                SELECT coalesce(min(counted_at), '1900-01-01T00:00:00Z') AS at
                FROM delivery.cylinder_count WHERE customer_id = :customer)
            SELECT at, source, id, product, kind, change, delivered, empties, deposit, reason, by FROM (
                SELECT c.counted_at AS at, 3 AS source, c.id, coalesce(l.product_code, '') AS product, c.kind,
                       coalesce(l.quantity, 0) AS change, NULL::int AS delivered, NULL::int AS empties,
                       0::bigint AS deposit, c.reason, c.recorded_by AS by
                FROM delivery.cylinder_count c LEFT JOIN delivery.cylinder_count_line l ON l.count_id = c.id
                WHERE c.customer_id = :customer
                UNION ALL
                SELECT d.delivered_at, 1, d.id, i.product_code, 'DELIVERY', i.quantity::int - i.empties,
                       i.quantity::int, i.empties, 0, NULL, coalesce(d.driver_id, d.driver_name)
                FROM delivery.all_deliveries d
                JOIN delivery.all_delivery_items i ON i.delivery_id = d.id
                JOIN delivery.product p ON p.code = i.product_code AND p.kind = 'CYLINDER'
                WHERE d.customer_id = :customer AND d.delivered_at >= (SELECT at FROM first_count)
                UNION ALL
                SELECT m.moved_at, 2, m.id, m.product_code, m.kind, m.quantity, NULL, NULL, m.deposit, m.reason,
                       m.recorded_by
                FROM delivery.cylinder_movement m WHERE m.customer_id = :customer) e
            WHERE CAST(:afterAt AS timestamptz) IS NULL
               OR (at, source, id, product) < (CAST(:afterAt AS timestamptz), :afterSource, :afterId, :afterProduct)
            ORDER BY at DESC, source DESC, id DESC, product DESC
            LIMIT :limit""";

    private final EntityManager em;
    private final java.time.Clock clock;

    CylinderMoves(EntityManager em, java.time.Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public Page page(long customerId, String cursor, int limit) {
        After after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        List<Object[]> rows = em.createNativeQuery(PAGE)
                .setParameter("customer", customerId)
                .setParameter("afterAt", after == null ? null : after.at())
                .setParameter("afterSource", after == null ? 0 : after.source())
                .setParameter("afterId", after == null ? 0L : after.id())
                .setParameter("afterProduct", after == null ? "" : after.product())
                .setParameter("limit", limit)
                .getResultList();
        List<Entry> items = new ArrayList<>(rows.size());
        After last = null;
        for (Object[] r : rows) {
            OffsetDateTime at = Rows.time(r[0], clock.getZone());
            int source = ((Number) r[1]).intValue();
            long id = ((Number) r[2]).longValue();
            String product = (String) r[3];
            items.add(new Entry(at, (String) r[4], id, product.isEmpty() ? null : product, ((Number) r[5]).intValue(),
                    r[6] == null ? null : ((Number) r[6]).intValue(), r[7] == null ? null : ((Number) r[7]).intValue(),
                    ((Number) r[8]).longValue(), (String) r[9], (String) r[10]));
            last = new After(at, source, id, product);
        }
        return new Page(items, items.size() < limit || last == null ? null : encode(last));
    }

    static String encode(After a) {
        Instant at = a.at().toInstant();
        String raw = at.getEpochSecond() + "." + at.getNano() + ":" + a.source() + ":" + a.id() + ":" + a.product();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static After decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 4);
            String[] time = parts[0].split("\\.");
            Instant at = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
            if (at.getEpochSecond() < -2208988800L || at.getEpochSecond() > 253402300799L) {
                throw new IllegalArgumentException("outside PostgreSQL's timestamps");
            }
            return new After(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), Integer.parseInt(parts[1]),
                    Long.parseLong(parts[2]), parts[3]);
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
        }
    }
}
