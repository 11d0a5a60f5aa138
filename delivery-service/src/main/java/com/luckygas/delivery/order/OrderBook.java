package com.luckygas.delivery.order;

import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Caller;
import com.luckygas.delivery.SlowStatementLog;
import com.luckygas.delivery.cash.CashDays;
import com.luckygas.delivery.history.Delivery;
import com.luckygas.delivery.history.DeliveryItem;
import com.luckygas.delivery.history.DeliveryView;
import com.luckygas.delivery.notification.Notifications;
import com.luckygas.delivery.order.Order.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What happens to an order once taken (taking one: {@link OrderIntake}): assigning it to a driver
 * and route, releasing it, the driver setting out, completing or failing the stop, cancelling.
 * Each change is an {@link OrderAction}, checked on the order or bound into the statement that
 * changes many, in one transaction.
 */
@ApplicationScoped
public class OrderBook {

    public static final ZoneId TAIPEI = com.luckygas.common.BusinessClock.TAIPEI;

    /** A departure older than this when it reaches us is not announced to customers by SMS. */
    static final java.time.Duration LATE_NEWS = java.time.Duration.ofMinutes(15);

    final EntityManager em;
    final Notifications notifications;
    final DeliveryPrices prices;
    final CashDays cashDays;
    final Clock clock;

    OrderBook(EntityManager em, Notifications notifications, DeliveryPrices prices, CashDays cashDays, Clock clock) {
        this.em = em;
        this.notifications = notifications;
        this.prices = prices;
        this.cashDays = cashDays;
        this.clock = clock;
    }

    public OrderView view(long id, Caller caller) {
        return view(find(id, caller, false));
    }

    @Transactional
    public OrderView cancel(long id, String reason) {
        Order order = find(id, null, true);
        OrderAction.CANCEL.require(order);
        order.cancelledReason = reason.strip();
        return view(order);
    }

    /**
     * Assigns orders to a driver and route, all or none: PENDING or ASSIGNED orders only (assigning
     * again, e.g. re-publishing a plan, is harmless). One statement to check, one to update.
     */
    @Transactional
    public int assign(List<Long> orderIds, String driverId, Long routeId) {
        requireStates(orderIds, OrderAction.ASSIGN, "assigned");
        return SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = :to, driver_id = :driver, route_id = :route,
                       version = version + 1, updated_at = now()
                WHERE id = ANY(CAST(:ids AS bigint[])) AND status = ANY(CAST(:from AS text[]))""")
                .setParameter("to", OrderAction.ASSIGN.to().name()).setParameter("from", OrderAction.ASSIGN.from())
                .setParameter("driver", driverId).setParameter("route", routeId)
                .setParameter("ids", orderIds.toArray(Long[]::new)));
    }

    /** Takes orders off their driver, all or none (an order not assigned yet is left as it is). */
    @Transactional
    public int unassign(List<Long> orderIds) {
        requireStates(orderIds, OrderAction.RELEASE, "unassigned");
        return SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = :to, driver_id = NULL, route_id = NULL,
                       version = version + 1, updated_at = now()
                WHERE id = ANY(CAST(:ids AS bigint[])) AND status = ANY(CAST(:from AS text[]))""")
                .setParameter("to", OrderAction.RELEASE.to().name()).setParameter("from", OrderAction.RELEASE.from())
                .setParameter("ids", orderIds.toArray(Long[]::new)));
    }

    /**
     * The driver sets off: his ASSIGNED orders of the day for his next trip (all of them when the
     * route has no trips) go OUT_FOR_DELIVERY, and their customers get a message with the time
     * to expect him. After a reload at the depot he sets off again with the next trip's.
     */
    @Transactional
    public int start(String driverId, LocalDate day) {
        return start(driverId, day, null);
    }

    /**
     * As {@link #start(String, LocalDate)}, at the time the phone says he set out. Customers are
     * told to expect him only when that was recent ({@link #LATE_NEWS}): a departure synced hours
     * late is recorded, not announced.
     */
    @Transactional
    public int start(String driverId, LocalDate day, OffsetDateTime happenedAt) {
        OffsetDateTime now = PhoneTime.of(happenedAt, day, clock);
        int started = SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = :to, out_at = :now, version = version + 1, updated_at = now()
                WHERE driver_id = :driver AND requested_date = :day AND status = ANY(CAST(:from AS text[]))
                  AND (trip IS NULL OR trip = (SELECT min(trip) FROM delivery.orders
                                               WHERE driver_id = :driver AND requested_date = :day
                                                 AND status = ANY(CAST(:from AS text[]))))""")
                .setParameter("to", OrderAction.SET_OUT.to().name()).setParameter("from", OrderAction.SET_OUT.from())
                .setParameter("driver", driverId).setParameter("day", day).setParameter("now", now));
        if (!now.isBefore(OffsetDateTime.now(clock).minus(LATE_NEWS))) {
            notifications.onTheWay(driverId, day, now);
        }
        return started;
    }

    @Transactional
    public DeliveryView complete(long id, CompleteStop request, Caller caller) {
        return complete(id, request, caller, false);
    }

    /**
     * Records the delivery of an order at the time it happened (the phone's, else now), valued at
     * the order's prices (docs/adr/0009), over a failure reported earlier ({@link OrderAction#DELIVER}).
     * Completing an order that is already delivered changes nothing: without a key (a retry of an
     * old client) it returns the first delivery; with one ({@code keyed}: the replay of this very
     * action is answered before we get here) it is another completion, a 409. Completing one on a
     * day whose cash the office has closed is a 409.
     */
    @Transactional
    public DeliveryView complete(long id, CompleteStop request, Caller caller, boolean keyed) {
        Order order = find(id, caller, true);
        if (order.status == OrderAction.DELIVER.to()) {
            Delivery first = Delivery.find("orderId", order.id).firstResult();
            if (first == null) {
                throw ProblemException.conflict("Order " + order.id + " was delivered long ago (its delivery is archived).");
            }
            if (keyed) {
                throw ProblemException.conflict("Order " + order.id + " was delivered at " + first.deliveredAt
                        + " (delivery " + first.id + "); this is another completion of it, not recorded.");
            }
            return DeliveryView.of(first, DeliveryItem.list("deliveryId", first.id));
        }
        OrderAction.DELIVER.require(order);
        List<Problem.Violation> violations = new ArrayList<>();
        OrderLines.check(request.items(), true, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.", violations));
        }
        OffsetDateTime now = PhoneTime.of(request.happenedAt(), order.requestedDate, clock);
        LocalDate day = PhoneTime.day(now);
        cashDays.requireOpen(order.driverId, day);
        Map<String, java.math.BigDecimal> unitPrices = prices.of(order.id, order.customerId, day, request.items());
        order.finishedAt = now;
        Delivery delivery = new Delivery();
        delivery.orderId = order.id;
        delivery.customerId = order.customerId;
        delivery.deliveredAt = now;
        delivery.deliveryDate = day;
        delivery.driverId = order.driverId;
        delivery.amountCollected = request.amountCollected();
        delivery.paymentMethod = request.paymentMethod() != null ? request.paymentMethod() : order.paymentMethod;
        delivery.notes = request.notes();
        delivery.area = order.area;
        delivery.customerType = order.customerType;
        delivery.value = OrderLines.value(request.items(), unitPrices);
        delivery.persist();
        return DeliveryView.of(delivery, DeliveryItem.record(delivery.id, request.items(), unitPrices));
    }

    @Transactional
    public OrderView fail(long id, String reason, Caller caller) {
        return fail(id, new FailStop(reason, null), caller, false);
    }

    /**
     * Records that the stop failed, at the time it happened (the phone's, else now). A delivered
     * order stays delivered (409: a delivery is a fact). Failing an already failed order again
     * changes nothing without a key; with one it is another failure, a 409.
     */
    @Transactional
    public OrderView fail(long id, FailStop request, Caller caller, boolean keyed) {
        Order order = find(id, caller, true);
        if (order.status != OrderAction.FAIL.to()) {
            OrderAction.FAIL.require(order);
            order.failureReason = request.reason().strip();
            order.finishedAt = PhoneTime.of(request.happenedAt(), order.requestedDate, clock);
        } else if (keyed) {
            throw ProblemException.conflict("Order " + order.id + " failed already at " + order.finishedAt + " ("
                    + order.failureReason + "); this other failure is not recorded.");
        }
        return view(order);
    }

    /**
     * The order, locked for change when asked. A driver gets 404 for an order that is not his,
     * exactly as for one that does not exist: he learns nothing about other drivers' stops.
     */
    static Order find(long id, Caller caller, boolean forUpdate) {
        Order order = forUpdate ? Order.findById(id, LockModeType.PESSIMISTIC_WRITE) : Order.findById(id);
        if (order == null || caller != null && !caller.mayActOn(order.driverId)) {
            throw ProblemException.notFound("No order with id " + id + ".");
        }
        return order;
    }

    /** All or none: every order must exist and be in a state where the action applies or has nothing to do (409 naming each). */
    private void requireStates(List<Long> ids, OrderAction action, String verb) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, status FROM delivery.orders WHERE id = ANY(CAST(:ids AS bigint[]))")
                .setParameter("ids", ids.toArray(Long[]::new)).getResultList();
        Map<Long, String> states = rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> (String) r[1]));
        Set<Status> allowed = action.harmless();
        List<Problem.Violation> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String state = states.get(ids.get(i));
            if (state == null) {
                problems.add(new Problem.Violation("orderIds[" + i + "]", "no such order"));
            } else if (!allowed.contains(Status.valueOf(state))) {
                problems.add(new Problem.Violation("orderIds[" + i + "]", "is " + state + " and cannot be " + verb));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(new Problem("about:blank", "Conflict", 409,
                    "No order was changed: some cannot be " + verb + ".", problems));
        }
    }

    private OrderView view(Order order) {
        return OrderView.of(order, OrderItem.list("orderId = ?1 order by lineNo", order.id));
    }
}
