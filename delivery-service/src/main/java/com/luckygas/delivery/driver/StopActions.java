package com.luckygas.delivery.driver;

import com.luckygas.common.security.Caller;
import com.luckygas.delivery.history.DeliveryView;
import com.luckygas.delivery.order.BatchResult;
import com.luckygas.delivery.proof.Proofs;
import com.luckygas.delivery.order.CompleteStop;
import com.luckygas.delivery.order.FailStop;
import com.luckygas.delivery.order.Order;
import com.luckygas.delivery.order.OrderBook;
import com.luckygas.delivery.order.SetOut;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * A driver's three actions — set out, complete a stop, fail a stop — with or without the phone's
 * key. Without one they run as always (a repeat is harmless by the order's state); with one they
 * run once per key ({@link DriverActions}) and a repeat answers what the first answered.
 */
@ApplicationScoped
public class StopActions {

    private final OrderBook book;
    private final DriverActions actions;
    private final Proofs proofs;

    StopActions(OrderBook book, DriverActions actions, Proofs proofs) {
        this.book = book;
        this.actions = actions;
        this.proofs = proofs;
    }

    /** {@code batched}: one of a sync's actions ({@link DriverActions#once(String, DriverActions.Action, java.time.OffsetDateTime, Caller, java.util.function.Supplier, boolean)}). */
    public DriverActions.Answer start(String key, LocalDate day, SetOut request, Caller caller, boolean batched) {
        SetOut at = request != null ? request : new SetOut(null);
        return actions.once(key, new DriverActions.Action(DriverActions.Kind.START, null, new Started(day, at)),
                at.happenedAt(), caller,
                () -> new DriverActions.Outcome(new BatchResult(book.start(caller.requireDriverId(), day, at.happenedAt())), null),
                batched);
    }

    /**
     * Completes a stop once per key; its signature, if sent, is recorded with it (in the same
     * transaction: a signature that is not a JPEG or PNG refuses the whole action, nothing recorded).
     */
    public DriverActions.Answer complete(String key, long orderId, CompleteStop request, Caller caller, boolean batched) {
        return actions.once(key, new DriverActions.Action(DriverActions.Kind.COMPLETE, orderId, request),
                request.happenedAt(), caller, () -> {
                    Order before = Order.findById(orderId);
                    boolean overFailure = before != null && before.status == Order.Status.FAILED
                            && caller.mayActOn(before.driverId);
                    String note = overFailure ? "This delivery replaces the failure reported at " + before.finishedAt
                            + " (" + before.failureReason + "): a delivery is a fact." : null;
                    DeliveryView delivery = book.complete(orderId, request, caller, true);
                    if (request.signature() != null) {
                        proofs.attach(orderId, key, Proofs.Kind.SIGNATURE, Proofs.decodeSignature(request.signature()), caller);
                    }
                    return new DriverActions.Outcome(delivery, note);
                }, batched);
    }

    public DriverActions.Answer fail(String key, long orderId, FailStop request, Caller caller, boolean batched) {
        return actions.once(key, new DriverActions.Action(DriverActions.Kind.FAIL, orderId, request),
                request.happenedAt(), caller,
                () -> new DriverActions.Outcome(book.fail(orderId, request, caller, true), null), batched);
    }

    /** What a set-out is, for its key: the day and the phone's time. */
    record Started(LocalDate day, SetOut at) {
    }
}
