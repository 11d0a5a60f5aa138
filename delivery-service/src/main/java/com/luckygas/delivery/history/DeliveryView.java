package com.luckygas.delivery.history;

import com.luckygas.delivery.order.Order.PaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A delivery as the API shows it, with its items and the empties collected. {@code value}: what
 * it is worth at the unit prices on its items (null for the imported history, which has none).
 */
public record DeliveryView(long id, Long orderId, long customerId, OffsetDateTime deliveredAt, LocalDate deliveryDate,
                           String driverId, String driverName, Long amountCollected, PaymentMethod paymentMethod,
                           String notes, Long value, List<DeliveryItemView> items) {

    public static DeliveryView of(Delivery d, List<DeliveryItem> items) {
        return new DeliveryView(d.id, d.orderId, d.customerId, d.deliveredAt, d.deliveryDate, d.driverId,
                d.driverName, d.amountCollected, d.paymentMethod, d.notes, d.value,
                items.stream().map(i -> new DeliveryItemView(i.productCode, i.quantity, i.empties, i.unitPrice)).toList());
    }

    public record DeliveryItemView(String productCode, BigDecimal quantity, int empties, BigDecimal unitPrice) {
    }
}
