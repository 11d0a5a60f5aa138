package com.luckygas.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The values of a native query's row, as Hibernate hands them over, in the types the API speaks. */
public final class Rows {

    private Rows() {
    }

    /** A timestamptz (an Instant, or an OffsetDateTime) at the business's offset; null stays null. */
    public static OffsetDateTime time(Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        Instant instant = value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : ((Timestamp) value).toInstant();
        return OffsetDateTime.ofInstant(instant, zone);
    }

    /** A date column; null stays null. */
    public static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** A quantity as people write it: 2 rather than 2.00, 87.35 as it is. */
    public static java.math.BigDecimal plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
