package com.luckygas.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/** One page of an offset-paginated list (small tables); each endpoint states its sort order. */
@RegisterForReflection
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Runs a sorted query for one page (one SELECT for the rows, one COUNT) and maps rows to views. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<? super E, T> view) {
        List<T> items = query.page(page, size).list().stream().<T>map(view).toList();
        return new Page<>(items, page, size, query.count());
    }
}
