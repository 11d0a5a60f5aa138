package com.luckygas.delivery.safety;

import java.time.OffsetDateTime;

/** A recorded safety check; {@code photo}: where its photo is fetched, when it has one. */
public record CheckView(long id, String key, long customerId, String customerType, Long orderId, OffsetDateTime checkedAt,
                        String checkedBy, String checkerRole, String driverId, RecordCheck.Items items, boolean passed,
                        String notes, String photo, OffsetDateTime recordedAt) {
}
