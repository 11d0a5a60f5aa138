package com.luckygas.common;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.function.Function;

/**
 * Numbers and booleans in query and path parameters, read strictly and answered with a 400 naming
 * the parameter. Without this, JAX-RS answers {@code ?customerId=abc} with a bare 404 ("No such
 * resource", as its specification requires), and {@code Boolean.valueOf} reads {@code ?active=yes}
 * as false.
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

    @Override
    @SuppressWarnings("unchecked")
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
        return null;
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
