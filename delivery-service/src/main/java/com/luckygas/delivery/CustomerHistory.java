package com.luckygas.delivery;

import com.luckygas.delivery.Dtos.CursorPage;
import com.luckygas.delivery.Dtos.DeliveryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A customer's deliveries, newest first, in keyset pages: each page continues strictly after the
 * last (delivered_at, id) of the previous one, so pages never skip or repeat rows however many
 * deliveries are added meanwhile. Served by delivery_customer_idx; two statements per page.
 */
@ApplicationScoped
public class CustomerHistory {

    static final String FIRST_PAGE = """
            SELECT * FROM delivery.delivery WHERE customer_id = :customer
            ORDER BY delivered_at DESC, id DESC LIMIT :limit""";

    static final String NEXT_PAGE = """
            SELECT * FROM delivery.delivery WHERE customer_id = :customer
              AND (delivered_at, id) < (:at, :id)
            ORDER BY delivered_at DESC, id DESC LIMIT :limit""";

    /** Where the previous page ended. */
    public record After(OffsetDateTime deliveredAt, long id) {
    }

    final EntityManager em;

    CustomerHistory(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public CursorPage<DeliveryView> page(long customerId, After after, int limit, Function<Delivery, String> cursorOf) {
        Query query = em.createNativeQuery(after == null ? FIRST_PAGE : NEXT_PAGE, Delivery.class)
                .setParameter("customer", customerId).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("at", after.deliveredAt()).setParameter("id", after.id());
        }
        List<Delivery> rows = query.getResultList();
        Map<Long, List<DeliveryItem>> items = rows.isEmpty() ? Map.of()
                : DeliveryItem.<DeliveryItem>list("deliveryId in ?1 order by productCode", rows.stream().map(d -> d.id).toList())
                        .stream().collect(Collectors.groupingBy(i -> i.deliveryId));
        List<DeliveryView> views = rows.stream().map(d -> DeliveryView.of(d, items.getOrDefault(d.id, List.of()))).toList();
        return new CursorPage<>(views, rows.size() < limit ? null : cursorOf.apply(rows.get(rows.size() - 1)));
    }
}
