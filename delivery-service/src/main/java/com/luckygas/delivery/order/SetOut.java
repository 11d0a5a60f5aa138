package com.luckygas.delivery.order;

import java.time.OffsetDateTime;

/** When the driver set out, on his phone ({@code happenedAt}; now when not sent). */
public record SetOut(OffsetDateTime happenedAt) {
}
