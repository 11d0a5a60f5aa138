package com.luckygas.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an enum from a query parameter. JAX-RS answers an unconvertible query parameter with a
 * bare 404; this answers 400 naming the parameter and the values it takes.
 */
public final class EnumParam {

    private EnumParam() {
    }

    /** The constant named by {@code value} (case-insensitive), or null when the parameter is absent. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(parameter, "must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
