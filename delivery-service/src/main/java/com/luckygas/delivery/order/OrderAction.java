package com.luckygas.delivery.order;

import static com.luckygas.delivery.order.Order.Status.ASSIGNED;
import static com.luckygas.delivery.order.Order.Status.CANCELLED;
import static com.luckygas.delivery.order.Order.Status.DELIVERED;
import static com.luckygas.delivery.order.Order.Status.FAILED;
import static com.luckygas.delivery.order.Order.Status.OUT_FOR_DELIVERY;
import static com.luckygas.delivery.order.Order.Status.PENDING;

import com.luckygas.common.ProblemException;
import com.luckygas.delivery.order.Order.Status;
import java.util.EnumSet;
import java.util.Set;

/**
 * The order lifecycle, once: each action, the states an order may be in for it, and the state it
 * leaves the order in. Java checks an order against it ({@link #require}); SQL binds
 * {@link #from()} as a parameter ({@code status = ANY(CAST(:from AS text[]))}), so that a batch
 * statement enforces the same rule. {@code PENDING → ASSIGNED → OUT_FOR_DELIVERY → DELIVERED |
 * FAILED}, {@code FAILED → DELIVERED}, {@code CANCELLED} before delivery.
 */
public enum OrderAction {

    /** To a driver and route: a plan published, or by hand; again is harmless. */
    ASSIGN(EnumSet.of(PENDING, ASSIGNED), ASSIGNED),
    /** Off its driver, back to be planned. */
    RELEASE(EnumSet.of(ASSIGNED), PENDING),
    /** The driver sets out with it. */
    SET_OUT(EnumSet.of(ASSIGNED), OUT_FOR_DELIVERY),
    /** A new estimate on the route of the driver who carries it. */
    RETIME(EnumSet.of(OUT_FOR_DELIVERY), OUT_FOR_DELIVERY),
    /** The office takes it from the driver who set out with it (he brings it back to the depot). */
    TAKE_BACK(EnumSet.of(OUT_FOR_DELIVERY), ASSIGNED),
    /**
     * A delivery is a fact: it is recorded over a failure reported earlier (the driver came back, or
     * his phone sent the two out of order), and no later failure undoes it.
     */
    DELIVER(EnumSet.of(ASSIGNED, OUT_FOR_DELIVERY, FAILED), DELIVERED),
    FAIL(EnumSet.of(ASSIGNED, OUT_FOR_DELIVERY), FAILED),
    CANCEL(EnumSet.of(PENDING, ASSIGNED, OUT_FOR_DELIVERY), CANCELLED);

    /** The states an order is open in: taken, not yet delivered, failed or cancelled. */
    public static final Set<Status> OPEN = EnumSet.of(PENDING, ASSIGNED, OUT_FOR_DELIVERY);

    private final Set<Status> from;
    private final Status to;

    OrderAction(Set<Status> from, Status to) {
        this.from = from;
        this.to = to;
    }

    public boolean allows(Status status) {
        return from.contains(status);
    }

    public Status to() {
        return to;
    }

    /** The states it applies to, as SQL parameters bind them. */
    public String[] from() {
        return from.stream().map(Enum::name).toArray(String[]::new);
    }

    /** The states it changes: those it applies to but the one it leaves (assigning an ASSIGNED order changes no state). */
    public String[] changes() {
        return from.stream().filter(s -> s != to).map(Enum::name).toArray(String[]::new);
    }

    /** The states in which asking for it changes nothing and is no error: where it applies, and where it leads. */
    public Set<Status> harmless() {
        Set<Status> states = EnumSet.copyOf(from);
        states.add(to);
        return states;
    }

    /** Applies the action to an order, or answers 409 when its state does not allow it. */
    public void require(Order order) {
        if (!allows(order.status)) {
            throw ProblemException.conflict("Order " + order.id + " is " + order.status + " and cannot become " + to + ".");
        }
        order.status = to;
    }

    /** {@link #OPEN} as an SQL list ('PENDING', 'ASSIGNED', …): where a partial index's own predicate must be written out. */
    public static String openSqlList() {
        return String.join(", ", OPEN.stream().map(s -> "'" + s.name() + "'").toList());
    }
}
