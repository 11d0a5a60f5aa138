package com.luckygas.delivery.order;

import com.luckygas.common.BusinessClock;
import com.luckygas.common.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * When a driver's action happened: the phone's time when it sent one (an action queued in a dead
 * zone is recorded when it was done, not when it arrived), else now. A phone's clock may run a
 * little ahead ({@link #SKEW}); beyond that, or before the day the action belongs to, the time is
 * refused (400 naming {@code happenedAt}).
 */
public final class PhoneTime {

    /** How far ahead of the server a phone's clock may be. */
    public static final Duration SKEW = Duration.ofMinutes(5);

    private PhoneTime() {
    }

    public static OffsetDateTime of(OffsetDateTime happenedAt, LocalDate day, Clock clock) {
        return of(happenedAt, day, clock, "happenedAt", "the order's day, " + day);
    }

    /** As above for a time sent in {@code field}, not before {@code day} (named {@code earliest} in the refusal). */
    public static OffsetDateTime of(OffsetDateTime happenedAt, LocalDate day, Clock clock, String field, String earliest) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (happenedAt == null) {
            return now;
        }
        if (happenedAt.isAfter(now.plus(SKEW))) {
            throw ProblemException.invalidField(field, "is in the future (" + happenedAt
                    + "; now " + now + "): is the phone's clock right?");
        }
        if (happenedAt.isBefore(day.atStartOfDay(BusinessClock.TAIPEI).toOffsetDateTime())) {
            throw ProblemException.invalidField(field, "is before " + earliest);
        }
        return happenedAt.atZoneSameInstant(BusinessClock.TAIPEI).toOffsetDateTime();
    }

    /** The business day a moment falls on (Taipei). */
    public static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(BusinessClock.TAIPEI).toLocalDate();
    }
}
