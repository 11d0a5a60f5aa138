package com.luckygas.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.Dtos.CompleteStop;
import com.luckygas.delivery.Dtos.CreateOrder;
import com.luckygas.delivery.Dtos.DeliveredItem;
import com.luckygas.delivery.Dtos.DeliveryView;
import com.luckygas.delivery.Dtos.ItemInput;
import com.luckygas.delivery.Dtos.OrderView;
import com.luckygas.delivery.Order.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The order lifecycle: taking an order (idempotently, prices copied, total computed), assigning
 * it to a driver and route, the driver's start / complete / fail, and cancelling. Every change
 * checks the transition is legal and happens in one transaction.
 */
@ApplicationScoped
public class OrderBook {

    public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final Logger LOG = Logger.getLogger(OrderBook.class);

    static final BigDecimal MAX_TOTAL = BigDecimal.valueOf(100_000_000L);

    /** A created (or, for a retried request, found) order. */
    public record Created(OrderView order, boolean isNew) {
    }

    final EntityManager em;
    final PriceBook prices;
    final ObjectMapper mapper;
    final Notifications notifications;

    OrderBook(EntityManager em, PriceBook prices, ObjectMapper mapper, Notifications notifications) {
        this.em = em;
        this.prices = prices;
        this.mapper = mapper;
        this.notifications = notifications;
    }

    /** The order an earlier request with this Idempotency-Key created, if any; 422 if that request differed. */
    public Optional<OrderView> replay(String idempotencyKey, CreateOrder request) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return Order.<Order>find("idempotencyKey", idempotencyKey).firstResultOptional().map(existing -> {
            if (!existing.requestHash.equals(hash(request))) {
                throw new ProblemException(422, "Unprocessable Content",
                        "This Idempotency-Key was already used for a different order; use a new key for a new order.");
            }
            return view(existing);
        });
    }

    @Transactional
    public Created create(CreateOrder request, String idempotencyKey, CustomerDirectory.Customer customer, String user) {
        if (idempotencyKey != null) {
            // Concurrent retries of one request queue here; the later ones then find the first's order.
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 42))")
                    .setParameter("key", idempotencyKey).getSingleResult();
            Optional<OrderView> earlier = replay(idempotencyKey, request);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), false);
            }
        }
        LocalDate today = LocalDate.now(TAIPEI);
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.requestedDate().isBefore(today)) {
            violations.add(new Problem.Violation("requestedDate", "must be today (" + today + ") or later"));
        }
        checkWindow(request.windowStart(), request.windowEnd(), violations);
        Map<String, Product> products = products(request.items().stream().map(ItemInput::productCode).toList());
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            ItemInput item = request.items().get(i);
            checkItem("items[" + i + "]", item.productCode(), item.quantity(), products, violations);
            if (!seen.add(item.productCode())) {
                violations.add(new Problem.Violation("items[" + i + "].productCode", "is listed twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.", violations));
        }
        Map<String, BigDecimal> unitPrices = prices.inForce(customer.id(), request.requestedDate(), seen);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.items().size(); i++) {
            ItemInput item = request.items().get(i);
            BigDecimal price = unitPrices.get(item.productCode());
            if (price == null) {
                violations.add(new Problem.Violation("items[" + i + "].productCode",
                        "has no price on " + request.requestedDate() + " (ask an ADMIN to set one)"));
            } else {
                total = total.add(price.multiply(item.quantity()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(new Problem("about:blank", "Unprocessable Content", 422,
                    "The order cannot be priced.", violations));
        }
        total = total.setScale(0, RoundingMode.HALF_UP);
        if (total.compareTo(MAX_TOTAL) > 0) {
            throw ProblemException.invalidField("items", "make a total over NT$" + MAX_TOTAL + "; split the order");
        }
        Order order = new Order();
        order.customerId = customer.id();
        order.customerCode = customer.code();
        order.customerName = customer.shortName();
        order.area = customer.area();
        order.customerPhone = customer.mobile();
        order.customerType = customer.type();
        order.requestedDate = request.requestedDate();
        order.windowStart = request.windowStart();
        order.windowEnd = request.windowEnd();
        order.paymentMethod = request.paymentMethod() != null ? request.paymentMethod() : Order.PaymentMethod.CASH;
        order.notes = request.notes() == null || request.notes().isBlank() ? null : request.notes().strip();
        order.totalAmount = total.longValueExact();
        order.idempotencyKey = idempotencyKey;
        order.requestHash = hash(request);
        order.createdBy = user;
        order.persist();
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            OrderItem item = new OrderItem();
            item.orderId = order.id;
            item.lineNo = i + 1;
            item.productCode = request.items().get(i).productCode();
            item.quantity = request.items().get(i).quantity();
            item.unitPrice = unitPrices.get(item.productCode);
            item.persist();
            items.add(item);
        }
        notifications.orderConfirmed(order, items, products);
        return new Created(OrderView.of(order, items), true);
    }

    public OrderView view(long id, Caller caller) {
        Order order = find(id, caller, false);
        return view(order);
    }

    @Transactional
    public OrderView cancel(long id, String reason) {
        Order order = find(id, null, true);
        move(order, Status.CANCELLED);
        order.cancelledReason = reason.strip();
        return view(order);
    }

    /**
     * Assigns orders to a driver and route, all or none: PENDING or ASSIGNED orders only (assigning
     * again, e.g. re-publishing a plan, is harmless). One statement to check, one to update.
     */
    @Transactional
    public int assign(List<Long> orderIds, String driverId, Long routeId) {
        requireStates(orderIds, Set.of(Status.PENDING, Status.ASSIGNED), "assigned");
        return SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = 'ASSIGNED', driver_id = :driver, route_id = :route,
                       version = version + 1, updated_at = now()
                WHERE id = ANY(CAST(:ids AS bigint[])) AND status IN ('PENDING', 'ASSIGNED')""")
                .setParameter("driver", driverId).setParameter("route", routeId)
                .setParameter("ids", orderIds.toArray(Long[]::new)));
    }

    /**
     * Publishes a route plan in one transaction: each driver's orders are assigned to him and to
     * the route (the plan's id), and the plan's unplanned orders that an earlier publication had
     * assigned go back to PENDING. Orders no longer open (cancelled, out, delivered) are left as
     * they are and reported; publishing the same plan again changes nothing.
     */
    @Transactional
    public RoutePublication publishRoute(long routeId, Map<String, List<Long>> byDriver, List<Long> release) {
        List<Long> all = new ArrayList<>(release);
        byDriver.values().forEach(all::addAll);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, status FROM delivery.orders WHERE id = ANY(CAST(:ids AS bigint[])) FOR UPDATE")
                .setParameter("ids", all.toArray(Long[]::new)).getResultList();
        Map<Long, String> states = rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> (String) r[1]));
        List<RoutePublication.Skipped> skipped = new ArrayList<>();
        for (Long id : all) {
            String state = states.get(id);
            if (state == null || !(state.equals("PENDING") || state.equals("ASSIGNED"))) {
                skipped.add(new RoutePublication.Skipped(id, state == null ? "NOT_FOUND" : state));
            }
        }
        int assigned = 0;
        for (Map.Entry<String, List<Long>> route : byDriver.entrySet()) {
            assigned += SlowStatementLog.executeUpdate(em.createNativeQuery("""
                    UPDATE delivery.orders SET status = 'ASSIGNED', driver_id = :driver, route_id = :route,
                           version = version + 1, updated_at = now()
                    WHERE id = ANY(CAST(:ids AS bigint[])) AND status IN ('PENDING', 'ASSIGNED')
                      AND (status = 'PENDING' OR driver_id IS DISTINCT FROM :driver OR route_id IS DISTINCT FROM :route)""")
                    .setParameter("driver", route.getKey()).setParameter("route", routeId)
                    .setParameter("ids", route.getValue().toArray(Long[]::new)));
        }
        int released = release.isEmpty() ? 0 : SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = 'PENDING', driver_id = NULL, route_id = NULL,
                       version = version + 1, updated_at = now()
                WHERE id = ANY(CAST(:ids AS bigint[])) AND status = 'ASSIGNED'""")
                .setParameter("ids", release.toArray(Long[]::new)));
        return new RoutePublication(assigned, released, skipped);
    }

    /** What publishing a route plan changed: orders newly assigned or moved, released, and skipped. */
    public record RoutePublication(int assigned, int released, List<Skipped> skipped) {
        public record Skipped(long orderId, String status) {
        }
    }

    @Transactional
    public int unassign(List<Long> orderIds) {
        requireStates(orderIds, Set.of(Status.PENDING, Status.ASSIGNED), "unassigned");
        return SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = 'PENDING', driver_id = NULL, route_id = NULL,
                       version = version + 1, updated_at = now()
                WHERE id = ANY(CAST(:ids AS bigint[])) AND status = 'ASSIGNED'""")
                .setParameter("ids", orderIds.toArray(Long[]::new)));
    }

    /** The driver sets off: his ASSIGNED orders of the day go OUT_FOR_DELIVERY. */
    @Transactional
    public int start(String driverId, LocalDate day) {
        int started = SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = 'OUT_FOR_DELIVERY', version = version + 1, updated_at = now()
                WHERE driver_id = :driver AND requested_date = :day AND status = 'ASSIGNED'""")
                .setParameter("driver", driverId).setParameter("day", day));
        notifications.onTheWay(driverId, day);
        return started;
    }

    /**
     * The order a template makes for a day, unless it exists already: the unique index on
     * (template, day) makes this exactly-once however many generators run at the same time.
     * Returns empty when the order existed or a product is unknown or has no price that day (logged).
     */
    @Transactional
    public Optional<Long> createFromTemplate(OrderTemplate template, LocalDate day, CustomerDirectory.Customer customer) {
        List<String> codes = template.items.stream().map(OrderTemplate.Item::productCode).toList();
        Map<String, Product> products = products(codes);
        Map<String, BigDecimal> unitPrices = prices.inForce(customer.id(), day, codes);
        if (!unitPrices.keySet().containsAll(codes) || !products.keySet().containsAll(codes)) {
            List<String> missing = codes.stream()
                    .filter(c -> !unitPrices.containsKey(c) || !products.containsKey(c)).distinct().toList();
            LOG.warnf("Template %d: no product or no price on %s for %s; no order made for that day",
                    template.id, day, missing);
            return Optional.empty();
        }
        BigDecimal total = template.items.stream().map(i -> unitPrices.get(i.productCode()).multiply(i.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(0, RoundingMode.HALF_UP);
        @SuppressWarnings("unchecked")
        List<Number> inserted = em.createNativeQuery("""
                INSERT INTO delivery.orders (customer_id, customer_code, customer_name, area, customer_type, customer_phone,
                    requested_date, window_start, window_end, status, total_amount, payment_method, source, notes,
                    template_id, created_by)
                VALUES (:customer, :code, :name, :area, :type, :phone, :day, :from, :to, 'PENDING', :total, :payment,
                    'TEMPLATE', :notes, :template, 'template')
                ON CONFLICT (template_id, requested_date) WHERE template_id IS NOT NULL DO NOTHING
                RETURNING id""")
                .setParameter("customer", customer.id()).setParameter("code", customer.code())
                .setParameter("name", customer.shortName()).setParameter("area", customer.area())
                .setParameter("type", customer.type()).setParameter("phone", customer.mobile()).setParameter("day", day)
                .setParameter("from", template.windowStart).setParameter("to", template.windowEnd)
                .setParameter("total", total.longValueExact()).setParameter("payment", template.paymentMethod.name())
                .setParameter("notes", template.notes).setParameter("template", template.id)
                .getResultList();
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        long orderId = inserted.get(0).longValue();
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < template.items.size(); i++) {
            OrderItem item = new OrderItem();
            item.orderId = orderId;
            item.lineNo = i + 1;
            item.productCode = template.items.get(i).productCode();
            item.quantity = template.items.get(i).quantity();
            item.unitPrice = unitPrices.get(item.productCode);
            item.persist();
            items.add(item);
        }
        notifications.orderConfirmed(Order.findById(orderId), items, products);
        return Optional.of(orderId);
    }

    /**
     * Records the delivery of an order. Completing an order that is already delivered (a phone
     * retrying) changes nothing and returns the first delivery.
     */
    @Transactional
    public DeliveryView complete(long id, CompleteStop request, Caller caller) {
        Order order = find(id, caller, true);
        if (order.status == Status.DELIVERED) {
            Delivery first = Delivery.find("orderId", order.id).firstResult();
            if (first == null) {
                throw ProblemException.conflict("Order " + order.id + " was delivered long ago (its delivery is archived).");
            }
            return DeliveryView.of(first, DeliveryItem.list("deliveryId", first.id));
        }
        move(order, Status.DELIVERED);
        Map<String, Product> products = products(request.items().stream().map(DeliveredItem::productCode).toList());
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            DeliveredItem item = request.items().get(i);
            if (item.quantity().signum() > 0) {
                checkItem("items[" + i + "]", item.productCode(), item.quantity(), products, violations);
            } else if (!products.containsKey(item.productCode())) {
                violations.add(new Problem.Violation("items[" + i + "].productCode", "is not a product"));
            }
            if (!seen.add(item.productCode())) {
                violations.add(new Problem.Violation("items[" + i + "].productCode", "is listed twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.", violations));
        }
        OffsetDateTime now = OffsetDateTime.now(TAIPEI);
        Delivery delivery = new Delivery();
        delivery.orderId = order.id;
        delivery.customerId = order.customerId;
        delivery.deliveredAt = now;
        delivery.deliveryDate = now.toLocalDate();
        delivery.driverId = order.driverId;
        delivery.amountCollected = request.amountCollected();
        delivery.paymentMethod = request.paymentMethod() != null ? request.paymentMethod() : order.paymentMethod;
        delivery.notes = request.notes();
        delivery.area = order.area;
        delivery.customerType = order.customerType;
        delivery.persist();
        List<DeliveryItem> items = new ArrayList<>();
        for (DeliveredItem in : request.items()) {
            DeliveryItem item = new DeliveryItem();
            item.deliveryId = delivery.id;
            item.productCode = in.productCode();
            item.quantity = in.quantity();
            item.empties = in.empties();
            item.persist();
            items.add(item);
        }
        return DeliveryView.of(delivery, items);
    }

    /** Records that the stop failed; failing an already failed order again changes nothing. */
    @Transactional
    public OrderView fail(long id, String reason, Caller caller) {
        Order order = find(id, caller, true);
        if (order.status != Status.FAILED) {
            move(order, Status.FAILED);
            order.failureReason = reason.strip();
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

    private static void move(Order order, Status to) {
        if (!order.status.next().contains(to)) {
            throw ProblemException.conflict("Order " + order.id + " is " + order.status + " and cannot become " + to + ".");
        }
        order.status = to;
    }

    private void requireStates(List<Long> ids, Set<Status> allowed, String verb) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, status FROM delivery.orders WHERE id = ANY(CAST(:ids AS bigint[]))")
                .setParameter("ids", ids.toArray(Long[]::new)).getResultList();
        Map<Long, String> states = rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> (String) r[1]));
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

    /**
     * The products of these codes, in one statement with one array parameter: an HQL {@code in} list
     * is translated to SQL anew on every call (a fifth of delivery-service's CPU when taking orders,
     * docs/benchmarks.md), this statement's mapping is not.
     */
    static final String PRODUCTS_SQL = "SELECT * FROM delivery.product WHERE code = ANY(CAST(:codes AS text[]))";

    @SuppressWarnings("unchecked")
    public static Map<String, Product> products(List<String> codes) {
        List<Product> rows = Product.getEntityManager().createNativeQuery(PRODUCTS_SQL, Product.class)
                .setParameter("codes", codes.toArray(String[]::new)).getResultList();
        return rows.stream().collect(Collectors.toMap(p -> p.code, p -> p));
    }

    /** An order's or template's time window: both ends or none, the end after the start (the table's check). */
    public static void checkWindow(java.time.LocalTime start, java.time.LocalTime end, List<Problem.Violation> violations) {
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add(new Problem.Violation("windowEnd", "must be after windowStart"));
        }
    }

    /** An order's or template's item: a product on sale, whole cylinders, at most 200 of them. */
    public static void checkItem(String path, String code, BigDecimal quantity, Map<String, Product> products,
                                 List<Problem.Violation> violations) {
        Product product = products.get(code);
        if (product == null || !product.active) {
            violations.add(new Problem.Violation(path + ".productCode", "is not a product on sale (see /api/products)"));
        } else if (product.kind == Product.Kind.CYLINDER) {
            if (quantity.stripTrailingZeros().scale() > 0) {
                violations.add(new Problem.Violation(path + ".quantity", "must be a whole number of cylinders"));
            } else if (quantity.compareTo(BigDecimal.valueOf(200)) > 0) {
                violations.add(new Problem.Violation(path + ".quantity", "must be at most 200 cylinders"));
            }
        }
    }

    private OrderView view(Order order) {
        return OrderView.of(order, OrderItem.list("orderId = ?1 order by lineNo", order.id));
    }

    String hash(CreateOrder request) {
        try {
            byte[] json = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
