package com.luckygas.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The clock of a service under @QuarkusTest, in place of service-common's {@code BusinessClock}: the real time in
 * Asia/Taipei until a test sets it ({@link #set}), e.g. to 13:00 of a day to plan the afternoon of
 * that day; {@link #reset} goes back to the real time. A test that sets it resets it when done.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private static volatile Instant fixed;

    /** From now on the service's clock reads this Taipei time (and stands still). */
    public static void set(LocalDateTime taipei) {
        fixed = taipei.atZone(TAIPEI).toInstant();
    }

    public static void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return TAIPEI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(TAIPEI) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }
}
