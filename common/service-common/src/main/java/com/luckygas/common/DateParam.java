package com.luckygas.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO date and month query parameters, answering 400 (not JAX-RS's bare 404, nor a 500 from
 * date arithmetic on the year 999,999,999) when they are not one. A blank value is an absent one.
 */
public final class DateParam {

    /** The years a date parameter may name: wide enough for any record, narrow enough for date arithmetic and PostgreSQL. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    private DateParam() {
    }

    /** The date, or null when the parameter is absent or blank. */
    public static LocalDate parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be a date like 2026-05-20");
        }
        requireYear(date.getYear(), parameter, "a date");
        return date;
    }

    /** The date, or {@code otherwise} when the parameter is absent or blank. */
    public static LocalDate parseOr(String value, String parameter, LocalDate otherwise) {
        LocalDate date = parse(value, parameter);
        return date != null ? date : otherwise;
    }

    /** The month (like 2026-05), or null when the parameter is absent or blank. */
    public static YearMonth month(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be a month like 2026-05");
        }
        requireYear(month.getYear(), parameter, "a month");
        return month;
    }

    private static void requireYear(int year, String parameter, String what) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ProblemException.invalidField(parameter, "must be " + what + " in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }
}
