package com.luckygas.delivery.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A safety check as recorded: at a stop ({@code orderId}: the driver's, or anyone's naming the
 * stop) or at a customer ({@code customerId}: the safety technician, the office entering a paper
 * form); when it was done ({@code checkedAt}, the phone's time; now when not sent); each item
 * passed or failed; notes; a photo (base64 JPEG or PNG, at most 2 MiB; or sent afterwards).
 */
public record RecordCheck(@Positive Long customerId, @Positive Long orderId, OffsetDateTime checkedAt,
                          @NotNull @Valid Items items, @Size(max = 1000) String notes,
                          @Size(max = 2_900_000) String photo) {

    /** The five items of the check, each passed (true) or failed (false). */
    public record Items(@NotNull Boolean hose, @NotNull Boolean regulator, @NotNull Boolean leakTest,
                        @NotNull Boolean placementVentilation, @NotNull Boolean gasDetector) {

        public boolean passed() {
            return hose && regulator && leakTest && placementVentilation && gasDetector;
        }
    }
}
