package com.luckygas.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads an ISO date query parameter, answering 400 (not JAX-RS's bare 404) when it is not one. */
public final class DateParam {

    private DateParam() {
    }

    public static LocalDate parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be a date like 2026-05-20");
        }
    }
}
