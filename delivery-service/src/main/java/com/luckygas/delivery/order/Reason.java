package com.luckygas.delivery.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why: an order cancelled, a stop failed. */
public record Reason(@Schema(examples = "客戶來電取消，改下週") @NotBlank @Size(max = 200) String reason) {
}
