package com.luckygas.delivery.jobs;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One run of a job, as it ended: what it did ({@code count}, {@code detail}) and how long it took. */
@Schema(name = "JobRun")
public record JobRun(String job, String trigger, OffsetDateTime startedAt, long durationMs, long count, String detail) {
}
