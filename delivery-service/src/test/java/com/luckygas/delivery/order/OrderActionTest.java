package com.luckygas.delivery.order;

import static com.luckygas.delivery.order.Order.Status.ASSIGNED;
import static com.luckygas.delivery.order.Order.Status.CANCELLED;
import static com.luckygas.delivery.order.Order.Status.DELIVERED;
import static com.luckygas.delivery.order.Order.Status.FAILED;
import static com.luckygas.delivery.order.Order.Status.OUT_FOR_DELIVERY;
import static com.luckygas.delivery.order.Order.Status.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.luckygas.common.ProblemException;
import com.luckygas.delivery.order.Order.Status;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order lifecycle as docs/api.md states it, from the one place that defines it. */
class OrderActionTest {

    /** Where an order may go from each state, whatever the action. */
    static Map<Status, Set<Status>> moves() {
        Map<Status, Set<Status>> moves = new EnumMap<>(Status.class);
        for (Status from : Status.values()) {
            Set<Status> to = EnumSet.noneOf(Status.class);
            for (OrderAction action : OrderAction.values()) {
                if (action.allows(from) && action.to() != from) {
                    to.add(action.to());
                }
            }
            moves.put(from, to);
        }
        return moves;
    }

    @Test
    void theLifecycle() {
        Map<Status, Set<Status>> moves = moves();
        assertEquals(EnumSet.of(ASSIGNED, CANCELLED), moves.get(PENDING));
        // back to PENDING (released), out, or straight to DELIVERED / FAILED
        assertEquals(EnumSet.of(PENDING, OUT_FOR_DELIVERY, DELIVERED, FAILED, CANCELLED), moves.get(ASSIGNED));
        // taken back by the office (assigned again), delivered, failed, cancelled
        assertEquals(EnumSet.of(ASSIGNED, DELIVERED, FAILED, CANCELLED), moves.get(OUT_FOR_DELIVERY));
        assertEquals(EnumSet.noneOf(Status.class), moves.get(DELIVERED));
        // a delivery is a fact: recorded over a failure reported before it (docs/adr/0010)
        assertEquals(EnumSet.of(DELIVERED), moves.get(FAILED));
        assertEquals(EnumSet.noneOf(Status.class), moves.get(CANCELLED));
        assertEquals(EnumSet.of(PENDING, ASSIGNED, OUT_FOR_DELIVERY), OrderAction.OPEN);
    }

    @Test
    void anActionOnAnOrderInAnotherStateIsAConflictAndChangesNothing() {
        Order order = new Order();
        order.id = 7L;
        order.status = DELIVERED;
        ProblemException e = assertThrows(ProblemException.class, () -> OrderAction.CANCEL.require(order));
        assertEquals(409, e.problem().status());
        assertEquals(DELIVERED, order.status);
        order.status = ASSIGNED;
        OrderAction.SET_OUT.require(order);
        assertEquals(OUT_FOR_DELIVERY, order.status);
    }

    @Test
    void theOpenStatesAsTheIndexWritesThem() {
        assertEquals("'PENDING', 'ASSIGNED', 'OUT_FOR_DELIVERY'", OrderAction.openSqlList(),
                "orders_open_customer_idx (V10) is defined WHERE status IN ('PENDING', 'ASSIGNED', 'OUT_FOR_DELIVERY')");
    }
}
