package com.luckygas.delivery.order;

import com.luckygas.delivery.order.Order.PaymentMethod;
import com.luckygas.delivery.order.Order.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as the API shows it, with its items; in lists, {@code safetyCheckDue}: the customer's
 * gas installation check is due by the end of the order's month (the driver does it at the stop;
 * safety/SafetyChecks), null where not worked out (a single order).
 */
public record OrderView(long id, long customerId, String customerCode, String customerName, String area,
                        LocalDate requestedDate, LocalTime windowStart, LocalTime windowEnd, Status status,
                        long totalAmount, PaymentMethod paymentMethod, Order.Source source, String notes,
                        String driverId, Long routeId, Integer trip, LocalTime eta, String failureReason,
                        String cancelledReason, List<ItemView> items, OffsetDateTime outAt, OffsetDateTime finishedAt,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt, long version, Boolean safetyCheckDue) {

    public static OrderView of(Order o, List<OrderItem> items) {
        return of(o, items, null);
    }

    public static OrderView of(Order o, List<OrderItem> items, Boolean safetyCheckDue) {
        return new OrderView(o.id, o.customerId, o.customerCode, o.customerName, o.area, o.requestedDate,
                o.windowStart, o.windowEnd, o.status, o.totalAmount, o.paymentMethod, o.source, o.notes,
                o.driverId, o.routeId, o.trip, o.eta, o.failureReason, o.cancelledReason,
                items.stream().map(i -> new ItemView(i.productCode, i.quantity, i.unitPrice)).toList(),
                o.outAt, o.finishedAt, o.createdAt, o.updatedAt, o.version, safetyCheckDue);
    }

    public record ItemView(String productCode, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
