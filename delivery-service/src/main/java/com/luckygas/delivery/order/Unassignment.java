package com.luckygas.delivery.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Orders to take off their driver at once. */
public record Unassignment(@NotNull @Size(min = 1, max = 1000) List<@NotNull Long> orderIds) {
}
