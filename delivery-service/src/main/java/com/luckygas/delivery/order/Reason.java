package com.luckygas.delivery.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why: an order cancelled, a stop failed. */
public record Reason(@NotBlank @Size(max = 200) String reason) {
}
