package com.luckygas.delivery;

import com.luckygas.common.security.Caller;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
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

    public static final ZoneId TAIPEI = com.luckygas.common.BusinessClock.TAIPEI;
    private static final Logger LOG = Logger.getLogger(OrderBook.class);

    static final BigDecimal MAX_TOTAL = BigDecimal.valueOf(100_000_000L);

    /** A created (or, for a retried request, found) order. */
    public record Created(OrderView order, boolean isNew) {
    }

    final EntityManager em;
    final PriceBook prices;
    final ObjectMapper mapper;
    final Notifications notifications;
    final Clock clock;

    OrderBook(EntityManager em, PriceBook prices, ObjectMapper mapper, Notifications notifications, Clock clock) {
        this.em = em;
        this.prices = prices;
        this.mapper = mapper;
        this.notifications = notifications;
        this.clock = clock;
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
    public Created create(CreateOrder request, String idempotencyKey, CustomerClient.Customer customer, String user) {
        if (idempotencyKey != null) {
            // Concurrent retries of one request queue here; the later ones then find the first's order.
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 42))")
                    .setParameter("key", idempotencyKey).getSingleResult();
            Optional<OrderView> earlier = replay(idempotencyKey, request);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), false);
            }
        }
        LocalDate today = LocalDate.now(clock);
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
     * the route (the plan's id) with their trip and estimated arrival, and the plan's unplanned
     * orders that an earlier publication had assigned go back to PENDING. An order a driver has set
     * out with stays his (its times are updated) unless the plan takes it from him explicitly
     * ({@code takenBack}: the office moved it); then it is assigned to its new driver (who fetches
     * it at the depot) or released. Orders no longer open are left as they are and reported;
     * publishing the same plan again changes nothing.
     */
    @Transactional
    public RoutePublication publishRoute(long routeId, List<RouteStop> stops, List<Long> release, Map<Long, String> takenBack) {
        List<Long> all = new ArrayList<>(release);
        stops.forEach(s -> all.add(s.orderId()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, status, driver_id, route_id FROM delivery.orders WHERE id = ANY(CAST(:ids AS bigint[])) FOR UPDATE")
                .setParameter("ids", all.toArray(Long[]::new)).getResultList();
        Map<Long, Object[]> before = rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> r));
        // orders out with a driver that the plan may move: the office took them from that very driver
        List<Long> handedBack = takenBack.entrySet().stream().filter(e -> {
            Object[] row = before.get(e.getKey());
            return row != null && "OUT_FOR_DELIVERY".equals(row[1]) && e.getValue().equals(row[2]);
        }).map(Map.Entry::getKey).toList();
        List<RoutePublication.Skipped> skipped = new ArrayList<>();
        int assigned = 0;
        for (RouteStop stop : stops) {
            Object[] row = before.get(stop.orderId());
            String state = row == null ? null : (String) row[1];
            boolean open = "PENDING".equals(state) || "ASSIGNED".equals(state);
            boolean carried = "OUT_FOR_DELIVERY".equals(state)
                    && (stop.driverId().equals(row[2]) || handedBack.contains(stop.orderId()));
            if (!open && !carried) {
                skipped.add(new RoutePublication.Skipped(stop.orderId(), state == null ? "NOT_FOUND" : state));
            } else if ("PENDING".equals(state) || !stop.driverId().equals(row[2]) || !Long.valueOf(routeId).equals(
                    row[3] == null ? null : ((Number) row[3]).longValue())) {
                assigned++;
            }
        }
        for (Long id : release) {
            Object[] row = before.get(id);
            String state = row == null ? null : (String) row[1];
            if (!"PENDING".equals(state) && !"ASSIGNED".equals(state) && !handedBack.contains(id)) {
                skipped.add(new RoutePublication.Skipped(id, state == null ? "NOT_FOUND" : state));
            }
        }
        if (!stops.isEmpty()) {
            SlowStatementLog.executeUpdate(em.createNativeQuery("""
                    UPDATE delivery.orders o SET
                        status = CASE WHEN o.status = 'OUT_FOR_DELIVERY' AND o.driver_id = s.driver THEN o.status ELSE 'ASSIGNED' END,
                        out_at = CASE WHEN o.status = 'OUT_FOR_DELIVERY' AND o.driver_id = s.driver THEN o.out_at END,
                        driver_id = s.driver, route_id = :route, trip = s.trip, eta = s.eta, trip_departure = s.departs,
                        version = o.version + 1, updated_at = now()
                    FROM unnest(CAST(:ids AS bigint[]), CAST(:drivers AS text[]), CAST(:trips AS integer[]),
                                CAST(CAST(:etas AS text[]) AS time[]), CAST(CAST(:departs AS text[]) AS time[]))
                         AS s(id, driver, trip, eta, departs)
                    WHERE o.id = s.id
                      AND (o.status IN ('PENDING', 'ASSIGNED') OR o.status = 'OUT_FOR_DELIVERY'
                           AND (o.driver_id = s.driver OR o.id = ANY(CAST(:handedBack AS bigint[]))))
                      AND (o.status = 'PENDING' OR o.driver_id IS DISTINCT FROM s.driver OR o.route_id IS DISTINCT FROM :route
                           OR o.trip IS DISTINCT FROM s.trip OR o.eta IS DISTINCT FROM s.eta
                           OR o.trip_departure IS DISTINCT FROM s.departs)""")
                    .setParameter("route", routeId)
                    .setParameter("ids", stops.stream().map(RouteStop::orderId).toArray(Long[]::new))
                    .setParameter("drivers", stops.stream().map(RouteStop::driverId).toArray(String[]::new))
                    .setParameter("trips", stops.stream().map(RouteStop::trip).toArray(Integer[]::new))
                    .setParameter("etas", stops.stream().map(s -> s.eta() == null ? null : s.eta().toString()).toArray(String[]::new))
                    .setParameter("departs", stops.stream().map(s -> s.tripDeparts() == null ? null : s.tripDeparts().toString())
                            .toArray(String[]::new))
                    .setParameter("handedBack", handedBack.toArray(Long[]::new)));
        }
        int released = release.isEmpty() ? 0 : SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = 'PENDING', driver_id = NULL, route_id = NULL, trip = NULL, eta = NULL,
                       trip_departure = NULL, out_at = NULL, version = version + 1, updated_at = now()
                WHERE id = ANY(CAST(:ids AS bigint[]))
                  AND (status = 'ASSIGNED' OR status = 'OUT_FOR_DELIVERY' AND id = ANY(CAST(:handedBack AS bigint[])))""")
                .setParameter("ids", release.toArray(Long[]::new))
                .setParameter("handedBack", handedBack.toArray(Long[]::new)));
        return new RoutePublication(assigned, released, skipped);
    }

    /** One stop of a published route: the order, its driver, trip and estimated times (all optional but the first two). */
    public record RouteStop(long orderId, String driverId, Integer trip, LocalTime eta, LocalTime tripDeparts) {
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

    /**
     * The driver sets off: his ASSIGNED orders of the day for his next trip (all of them when the
     * route has no trips) go OUT_FOR_DELIVERY, and their customers get a message with the time
     * to expect him. After a reload at the depot he sets off again with the next trip's.
     */
    @Transactional
    public int start(String driverId, LocalDate day) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int started = SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.orders SET status = 'OUT_FOR_DELIVERY', out_at = :now, version = version + 1, updated_at = now()
                WHERE driver_id = :driver AND requested_date = :day AND status = 'ASSIGNED'
                  AND (trip IS NULL OR trip = (SELECT min(trip) FROM delivery.orders
                                               WHERE driver_id = :driver AND requested_date = :day AND status = 'ASSIGNED'))""")
                .setParameter("driver", driverId).setParameter("day", day).setParameter("now", now));
        notifications.onTheWay(driverId, day, now);
        return started;
    }

    /**
     * The order a template makes for a day, unless it exists already: the unique index on
     * (template, day) makes this exactly-once however many generators run at the same time.
     * Returns empty when the order existed or a product is unknown or has no price that day (logged).
     */
    @Transactional
    public Optional<Long> createFromTemplate(OrderTemplate template, LocalDate day, CustomerClient.Customer customer) {
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
        OffsetDateTime now = OffsetDateTime.now(clock);
        order.finishedAt = now;
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
            order.finishedAt = OffsetDateTime.now(clock);
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
