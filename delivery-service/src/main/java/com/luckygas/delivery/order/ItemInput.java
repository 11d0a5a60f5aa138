package com.luckygas.delivery.order;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A line of an order or a recurring order: a product and its quantity (whole cylinders, or kg of flow gas). */
public record ItemInput(
        @NotBlank @Size(max = 12) String productCode,
        @NotNull @Positive @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal quantity)
        implements OrderLines.Line {
}
