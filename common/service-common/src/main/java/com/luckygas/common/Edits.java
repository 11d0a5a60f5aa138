package com.luckygas.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The two answers every editable record gives the same way: a new one is stored and answered 201
 * with its location; a change is written before the answer, so that the view carries the new
 * version (the one the next edit must name, {@link Versions}).
 */
public final class Edits {

    private Edits() {
    }

    /** Stores {@code record}; 201 with the location {@code location} gives for it (its id is known then) and its view. */
    public static <E extends PanacheEntityBase> Response create(E record, Function<E, String> location, Function<E, ?> view) {
        record.persist();
        return Response.created(URI.create(location.apply(record))).entity(view.apply(record)).build();
    }

    /** Applies {@code change} to the (managed) record and writes it now; the record's view. */
    public static <E extends PanacheEntityBase, V> V update(E record, Consumer<E> change, Function<E, V> view) {
        change.accept(record);
        record.persistAndFlush();
        return view.apply(record);
    }
}
