package com.luckygas.delivery.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Why a stop failed, and when it happened on the driver's phone ({@code happenedAt}; now when not sent). */
public record FailStop(@Schema(examples = "店家未營業，無人收貨") @NotBlank @Size(max = 200) String reason, OffsetDateTime happenedAt) {
}
