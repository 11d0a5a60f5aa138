package com.luckygas.delivery.order;

import com.luckygas.delivery.order.Order.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a driver records at the door: delivered, empties taken back, money collected, when it
 * happened on his phone ({@code happenedAt}; now when not sent) and, with the action's key, the
 * customer's signature (a JPEG or PNG as base64, at most 2 MiB: proof/Proofs).
 */
public record CompleteStop(
        @NotEmpty @Size(max = 20) List<@NotNull @Valid DeliveredItem> items,
        @PositiveOrZero @Max(100_000_000) Long amountCollected,
        PaymentMethod paymentMethod,
        @Size(max = 500) String notes,
        OffsetDateTime happenedAt,
        @Size(max = 2_900_000) String signature) {

    /** Without the phone's time (the office recording a stop). */
    public CompleteStop(List<DeliveredItem> items, Long amountCollected, PaymentMethod paymentMethod, String notes) {
        this(items, amountCollected, paymentMethod, notes, null, null);
    }

    /** Without a signature. */
    public CompleteStop(List<DeliveredItem> items, Long amountCollected, PaymentMethod paymentMethod, String notes,
                        OffsetDateTime happenedAt) {
        this(items, amountCollected, paymentMethod, notes, happenedAt, null);
    }

    public record DeliveredItem(
            @NotBlank @Size(max = 12) String productCode,
            @NotNull @PositiveOrZero @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal quantity,
            @Min(0) @Max(200) int empties) implements OrderLines.Line {
    }
}
