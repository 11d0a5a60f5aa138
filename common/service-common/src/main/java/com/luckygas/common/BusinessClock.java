package com.luckygas.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The business's clock: the time of day in Asia/Taipei, where the office works and the drivers
 * drive, whatever zone the server runs in. Inject {@link Clock} wherever "today" or "now" decides
 * something (a driver setting out, a plan made during the day).
 * <p>
 * {@code luckygas.clock.start} (env {@code LUCKYGAS_CLOCK_START}, e.g. {@code 2026-12-01T14:00},
 * Taipei time, or with an offset) makes the clock read that time when the service starts and run
 * on from there: for whole-system tests and demonstrations of a day at a set hour. Never set it in
 * production. Tests inside one service replace the clock with their own bean instead.
 */
@Singleton
public class BusinessClock {

    public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "luckygas.clock.start") Optional<String> start) {
        return start.filter(s -> !s.isBlank()).map(BusinessClock::startingAt).orElseGet(() -> Clock.system(TAIPEI));
    }

    /** A clock that reads {@code start} now and runs on at the real pace. */
    static Clock startingAt(String start) {
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(start);
        } catch (DateTimeParseException e) {
            try {
                at = LocalDateTime.parse(start).atZone(TAIPEI).toOffsetDateTime();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("luckygas.clock.start must be a date and time such as 2026-12-01T14:00, not "
                        + start, again);
            }
        }
        Clock real = Clock.system(TAIPEI);
        return Clock.offset(real, Duration.between(real.instant(), at.toInstant()));
    }
}
