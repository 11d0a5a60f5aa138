package com.luckygas.delivery.order;

import com.luckygas.common.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lists of orders with their items: the page of orders, then all their items in one statement,
 * then the count. Three statements whatever the page size (no query per order).
 */
@ApplicationScoped
public class OrderList {

    /** {@code areas}: the orders of these areas only (a depot's territory); null for every area. */
    public record Filters(LocalDate date, Order.Status status, String driverId, String area, List<String> areas,
                          Long customerId) {
    }

    public Page<OrderView> list(Filters f, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.date() != null) {
            where.add("requestedDate = :date");
            params.and("date", f.date());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.driverId() != null) {
            where.add("driverId = :driver");
            params.and("driver", f.driverId());
        }
        if (f.area() != null) {
            where.add("area = :area");
            params.and("area", f.area());
        }
        if (f.areas() != null) {
            if (f.areas().isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            where.add("area in :areas");
            params.and("areas", f.areas());
        }
        if (f.customerId() != null) {
            where.add("customerId = :customer");
            params.and("customer", f.customerId());
        }
        Sort newestFirst = Sort.descending("requestedDate", "id");
        PanacheQuery<Order> query = where.isEmpty() ? Order.findAll(newestFirst)
                : Order.find(String.join(" and ", where), newestFirst, params);
        return new Page<>(views(query.page(page, size).list()), page, size, query.count());
    }

    /**
     * The customer's open orders ({@link OrderAction#OPEN}), soonest requested first: at most a
     * screenful, as the customer card shows them (through the customer's order indexes).
     */
    public List<OrderView> open(long customerId) {
        return views(Order.<Order>find("customerId = ?1 and status in ?2", Sort.ascending("requestedDate", "id"),
                customerId, OrderAction.OPEN).page(0, OPEN_SHOWN).list());
    }

    /** How many open orders of one customer the card shows; a customer with more is a data error the office must see in the order list. */
    static final int OPEN_SHOWN = 20;

    /** The orders with their items and the safety flag: two statements whatever the number of orders. */
    private static List<OrderView> views(List<Order> orders) {
        Map<Long, List<OrderItem>> items = orders.isEmpty() ? Map.of()
                : OrderItem.<OrderItem>list("orderId in ?1 order by orderId, lineNo", orders.stream().map(o -> o.id).toList())
                        .stream().collect(Collectors.groupingBy(i -> i.orderId));
        Map<Long, Boolean> due = safetyDue(orders);
        return orders.stream().map(o -> OrderView.of(o, items.getOrDefault(o.id, List.of()), due.get(o.id))).toList();
    }

    /**
     * Whether each order's customer is due a safety check by the end of the order's month: one
     * statement for the page, the rule being SQL's ({@code delivery.safety_due_by}, V16).
     */
    private static Map<Long, Boolean> safetyDue(List<Order> orders) {
        if (orders.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Order.getEntityManager().createNativeQuery("""
                SELECT o.id, delivery.safety_due_by(
                           (SELECT max(c.checked_at) FROM delivery.safety_check c WHERE c.customer_id = o.customer_id),
                           o.customer_type,
                           CAST(date_trunc('month', o.requested_date) + interval '1 month - 1 day' AS date))
                FROM delivery.orders o WHERE o.id = ANY(CAST(:ids AS bigint[]))""")
                .setParameter("ids", orders.stream().map(o -> o.id).toArray(Long[]::new)).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> (Boolean) r[1]));
    }
}
