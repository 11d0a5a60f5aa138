package com.luckygas.delivery;

import com.luckygas.delivery.Order.PaymentMethod;
import com.luckygas.delivery.Order.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of delivery-service. Entities never leave the service. */
public final class Dtos {

    private Dtos() {
    }

    public record ItemInput(
            @NotBlank @Size(max = 12) String productCode,
            @NotNull @Positive @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal quantity) {
    }

    public record CreateOrder(
            @NotNull @Positive Long customerId,
            @NotNull LocalDate requestedDate,
            LocalTime windowStart,
            LocalTime windowEnd,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid ItemInput> items,
            PaymentMethod paymentMethod,
            @Size(max = 500) String notes) {
    }

    public record ItemView(String productCode, BigDecimal quantity, BigDecimal unitPrice) {
    }

    public record OrderView(long id, long customerId, String customerCode, String customerName, String area,
                            LocalDate requestedDate, LocalTime windowStart, LocalTime windowEnd, Status status,
                            long totalAmount, PaymentMethod paymentMethod, Order.Source source, String notes,
                            String driverId, Long routeId, Integer trip, LocalTime eta, String failureReason,
                            String cancelledReason, List<ItemView> items, OffsetDateTime outAt, OffsetDateTime finishedAt,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

        public static OrderView of(Order o, List<OrderItem> items) {
            return new OrderView(o.id, o.customerId, o.customerCode, o.customerName, o.area, o.requestedDate,
                    o.windowStart, o.windowEnd, o.status, o.totalAmount, o.paymentMethod, o.source, o.notes,
                    o.driverId, o.routeId, o.trip, o.eta, o.failureReason, o.cancelledReason,
                    items.stream().map(i -> new ItemView(i.productCode, i.quantity, i.unitPrice)).toList(),
                    o.outAt, o.finishedAt, o.createdAt, o.updatedAt, o.version);
        }
    }

    public record Assignment(
            @NotBlank @Size(max = 32) String driverId,
            @Positive Long routeId,
            @NotNull @Size(min = 1, max = 1000) List<@NotNull Long> orderIds) {
    }

    public record Unassignment(@NotNull @Size(min = 1, max = 1000) List<@NotNull Long> orderIds) {
    }

    public record BatchResult(int updated) {
    }

    public record Reason(@NotBlank @Size(max = 200) String reason) {
    }

    public record DeliveredItem(
            @NotBlank @Size(max = 12) String productCode,
            @NotNull @PositiveOrZero @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal quantity,
            @Min(0) @Max(200) int empties) {
    }

    public record CompleteStop(
            @NotEmpty @Size(max = 20) List<@NotNull @Valid DeliveredItem> items,
            @PositiveOrZero @Max(100_000_000) Long amountCollected,
            PaymentMethod paymentMethod,
            @Size(max = 500) String notes) {
    }

    public record DeliveryView(long id, Long orderId, long customerId, OffsetDateTime deliveredAt, LocalDate deliveryDate,
                               String driverId, String driverName, Long amountCollected, PaymentMethod paymentMethod,
                               String notes, List<DeliveryItemView> items) {

        public static DeliveryView of(Delivery d, List<DeliveryItem> items) {
            return new DeliveryView(d.id, d.orderId, d.customerId, d.deliveredAt, d.deliveryDate, d.driverId,
                    d.driverName, d.amountCollected, d.paymentMethod, d.notes,
                    items.stream().map(i -> new DeliveryItemView(i.productCode, i.quantity, i.empties)).toList());
        }
    }

    public record DeliveryItemView(String productCode, BigDecimal quantity, int empties) {
    }
}
