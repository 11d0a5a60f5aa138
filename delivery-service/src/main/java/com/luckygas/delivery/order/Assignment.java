package com.luckygas.delivery.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Orders to assign to a driver (and a route) at once. */
public record Assignment(
        @NotBlank @Size(max = 32) String driverId,
        @Positive Long routeId,
        @NotNull @Size(min = 1, max = 1000) List<@NotNull Long> orderIds) {
}
