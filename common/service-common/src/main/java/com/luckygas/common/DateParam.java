package com.luckygas.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.ToIntFunction;

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
        return read(value, parameter, LocalDate::parse, LocalDate::getYear, "a date", "2026-05-20");
    }

    /** The date, or {@code otherwise} when the parameter is absent or blank. */
    public static LocalDate parseOr(String value, String parameter, LocalDate otherwise) {
        LocalDate date = parse(value, parameter);
        return date != null ? date : otherwise;
    }

    /** The month (like 2026-05), or null when the parameter is absent or blank. */
    public static YearMonth month(String value, String parameter) {
        return read(value, parameter, YearMonth::parse, YearMonth::getYear, "a month", "2026-05");
    }

    private static <T> T read(String value, String parameter, Function<String, T> parse, ToIntFunction<T> year,
                              String what, String example) {
        if (value == null || value.isBlank()) {
            return null;
        }
        T read;
        try {
            read = parse.apply(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be " + what + " like " + example);
        }
        requireYear(year.applyAsInt(read), parameter, what);
        return read;
    }

    private static void requireYear(int year, String parameter, String what) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ProblemException.invalidField(parameter, "must be " + what + " in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }
}
