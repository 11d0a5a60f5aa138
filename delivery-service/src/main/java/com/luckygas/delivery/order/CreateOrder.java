package com.luckygas.delivery.order;

import com.luckygas.delivery.order.Order.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** An order as the office takes it on the phone. */
public record CreateOrder(
        @NotNull @Positive Long customerId,
        @NotNull LocalDate requestedDate,
        LocalTime windowStart,
        LocalTime windowEnd,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid ItemInput> items,
        PaymentMethod paymentMethod,
        @Size(max = 500) String notes) {
}
