package com.luckygas.common;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Numbers, booleans, dates, months and enums in query and path parameters, read strictly and
 * answered with a 400 naming the parameter and the form it takes. Without this, JAX-RS answers
 * {@code ?customerId=abc} with a bare 404 ("No such resource", as its specification requires),
 * {@code Boolean.valueOf} reads {@code ?active=yes} as false, and a date in the year 999,999,999
 * reaches date arithmetic and PostgreSQL. A blank date, month or enum is an absent one (forms send
 * {@code ?date=} for "any day"); a blank number is an error.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    /** A query or path parameter that is not of its type; {@link ProblemMappers} names it in the problem. */
    public static final class Invalid extends BadRequestException {
        private final String parameter;
        private final String reason;

        Invalid(String parameter, String reason) {
            super(parameter + " " + reason);
            this.parameter = parameter;
            this.reason = reason;
        }

        public String parameter() {
            return parameter;
        }

        public String reason() {
            return reason;
        }
    }

    /** The years a date parameter may name: wide enough for any record, narrow enough for date arithmetic and PostgreSQL. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be a whole number", Long::valueOf);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be a whole number", Integer::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be true or false", StrictParams::bool);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) dated(name, "a date", "2026-05-20", LocalDate::parse, LocalDate::getYear);
        }
        if (rawType == java.time.OffsetDateTime.class) {
            return (ParamConverter<T>) dated(name, "a time with its offset (URL-encode + as %2B)", "2026-05-20T10:05:00Z",
                    java.time.OffsetDateTime::parse, java.time.OffsetDateTime::getYear);
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) dated(name, "a month", "2026-05", YearMonth::parse, YearMonth::getYear);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumOf(name, (Class) rawType);
        }
        return null;
    }

    private static <D> ParamConverter<D> dated(String name, String what, String example,
                                               Function<String, D> parse, ToIntFunction<D> year) {
        return new Strict<>(name, "must be " + what + " like " + example, value -> {
            if (value.isEmpty()) {
                return null;
            }
            D read = parse.apply(value);
            int y = year.applyAsInt(read);
            if (y < FIRST_YEAR || y > LAST_YEAR) {
                throw new Invalid(name, "must be " + what + " in the years " + FIRST_YEAR + " to " + LAST_YEAR);
            }
            return read;
        });
    }

    private static <E extends Enum<E>> ParamConverter<E> enumOf(String name, Class<E> type) {
        String values = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return new Strict<>(name, "must be one of " + values,
                value -> value.isEmpty() ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static String name(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return null;
    }

    private record Strict<T>(String parameter, String reason, Function<String, T> parse) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (Invalid e) {
                throw e;
            } catch (RuntimeException e) {
                throw new Invalid(parameter, reason);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
