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
        List<Order> orders = query.page(page, size).list();
        Map<Long, List<OrderItem>> items = orders.isEmpty() ? Map.of()
                : OrderItem.<OrderItem>list("orderId in ?1 order by orderId, lineNo", orders.stream().map(o -> o.id).toList())
                        .stream().collect(Collectors.groupingBy(i -> i.orderId));
        List<OrderView> views = orders.stream().map(o -> OrderView.of(o, items.getOrDefault(o.id, List.of()))).toList();
        return new Page<>(views, page, size, query.count());
    }
}
