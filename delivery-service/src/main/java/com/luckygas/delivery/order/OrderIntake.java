package com.luckygas.delivery.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.notification.Notifications;
import com.luckygas.delivery.product.PriceBook;
import com.luckygas.delivery.product.Product;
import com.luckygas.delivery.template.OrderTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Taking orders, by phone (idempotently: a retried request finds the first one's order) and from
 * recurring-order templates (exactly once per template and day): lines checked by
 * {@link OrderLines}, prices copied from the price book, the total computed, and one way of
 * writing an order and its lines with the customer's confirmation SMS.
 */
@ApplicationScoped
public class OrderIntake {

    private static final Logger LOG = Logger.getLogger(OrderIntake.class);

    static final BigDecimal MAX_TOTAL = BigDecimal.valueOf(100_000_000L);

    /** A created (or, for a retried request, found) order. */
    public record Created(OrderView order, boolean isNew) {
    }

    /** An order about to be written, from the phone or from a template. */
    private record Draft(CustomerClient.Customer customer, LocalDate day, LocalTime windowStart, LocalTime windowEnd,
                         List<? extends OrderLines.Line> lines, Map<String, BigDecimal> unitPrices, long total,
                         Order.PaymentMethod payment, Order.Source source, String notes, Long templateId,
                         String idempotencyKey, String requestHash, String createdBy) {
    }

    private final EntityManager em;
    private final PriceBook prices;
    private final ObjectMapper mapper;
    private final Notifications notifications;
    private final Clock clock;

    OrderIntake(EntityManager em, PriceBook prices, ObjectMapper mapper, Notifications notifications, Clock clock) {
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
            return OrderView.of(existing, OrderItem.list("orderId = ?1 order by lineNo", existing.id));
        });
    }

    /** Takes an order on the phone: the date today or later, the lines valid, every product priced. */
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
        OrderLines.checkWindow(request.windowStart(), request.windowEnd(), violations);
        Map<String, Product> products = OrderLines.check(request.items(), false, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.", violations));
        }
        Map<String, BigDecimal> unitPrices = prices.inForce(customer.id(), request.requestedDate(),
                request.items().stream().map(ItemInput::productCode).toList());
        for (int i = 0; i < request.items().size(); i++) {
            if (!unitPrices.containsKey(request.items().get(i).productCode())) {
                violations.add(new Problem.Violation("items[" + i + "].productCode",
                        "has no price on " + request.requestedDate() + " (ask an ADMIN to set one)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(new Problem("about:blank", "Unprocessable Content", 422,
                    "The order cannot be priced.", violations));
        }
        long total = total(request.items(), unitPrices);
        String notes = request.notes() == null || request.notes().isBlank() ? null : request.notes().strip();
        Draft draft = new Draft(customer, request.requestedDate(), request.windowStart(), request.windowEnd(), request.items(),
                unitPrices, total, request.paymentMethod() != null ? request.paymentMethod() : Order.PaymentMethod.CASH,
                Order.Source.PHONE, notes, null, idempotencyKey, hash(request), user);
        return new Created(insert(draft, products).orElseThrow(), true);
    }

    /**
     * The order a template makes for a day, unless it exists already: the unique index on
     * (template, day) makes this exactly-once however many generators run at the same time.
     * Returns empty when the order existed or a product is unknown or has no price that day (logged).
     */
    @Transactional
    public Optional<Long> fromTemplate(OrderTemplate template, LocalDate day, CustomerClient.Customer customer) {
        List<String> codes = template.items.stream().map(OrderTemplate.Item::productCode).toList();
        Map<String, Product> products = Product.byCodes(codes);
        Map<String, BigDecimal> unitPrices = prices.inForce(customer.id(), day, codes);
        if (!unitPrices.keySet().containsAll(codes) || !products.keySet().containsAll(codes)) {
            List<String> missing = codes.stream()
                    .filter(c -> !unitPrices.containsKey(c) || !products.containsKey(c)).distinct().toList();
            LOG.warnf("Template %d: no product or no price on %s for %s; no order made for that day", template.id, day, missing);
            return Optional.empty();
        }
        Draft draft = new Draft(customer, day, template.windowStart, template.windowEnd, template.items, unitPrices,
                total(template.items, unitPrices), template.paymentMethod, Order.Source.TEMPLATE, template.notes, template.id,
                null, null, "template");
        return insert(draft, products).map(OrderView::id);
    }

    /** Σ quantity × price, in whole NT$ (half up); over NT$100,000,000 is refused (split the order). */
    private static long total(List<? extends OrderLines.Line> lines, Map<String, BigDecimal> unitPrices) {
        long total = OrderLines.value(lines, unitPrices);
        if (BigDecimal.valueOf(total).compareTo(MAX_TOTAL) > 0) {
            throw ProblemException.invalidField("items", "make a total over NT$" + MAX_TOTAL + "; split the order");
        }
        return total;
    }

    /**
     * Writes an order and its lines (two statements) and its confirmation SMS; empty when a unique
     * index says it exists already (a template's order of that day).
     */
    private Optional<OrderView> insert(Draft d, Map<String, Product> products) {
        CustomerClient.Customer c = d.customer();
        @SuppressWarnings("unchecked")
        List<Object[]> inserted = em.createNativeQuery("""
                INSERT INTO delivery.orders (customer_id, customer_code, customer_name, area, customer_type, customer_phone,
                    requested_date, window_start, window_end, status, total_amount, payment_method, source, notes,
                    template_id, idempotency_key, request_hash, created_by)
                VALUES (:customer, :code, :name, :area, :type, :phone, :day, :from, :to, :status, :total, :payment,
                    :source, :notes, :template, :key, :hash, :user)
                ON CONFLICT DO NOTHING
                RETURNING id, created_at, updated_at, version""")
                .setParameter("customer", c.id()).setParameter("code", c.code()).setParameter("name", c.shortName())
                .setParameter("area", c.area()).setParameter("type", c.type()).setParameter("phone", c.mobile())
                .setParameter("day", d.day()).setParameter("from", d.windowStart()).setParameter("to", d.windowEnd())
                .setParameter("status", Order.Status.PENDING.name()).setParameter("total", d.total())
                .setParameter("payment", d.payment().name()).setParameter("source", d.source().name())
                .setParameter("notes", d.notes()).setParameter("template", d.templateId())
                .setParameter("key", d.idempotencyKey()).setParameter("hash", d.requestHash()).setParameter("user", d.createdBy())
                .getResultList();
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = inserted.get(0);
        Order order = new Order();
        order.id = ((Number) row[0]).longValue();
        order.customerId = c.id();
        order.customerCode = c.code();
        order.customerName = c.shortName();
        order.area = c.area();
        order.customerType = c.type();
        order.customerPhone = c.mobile();
        order.requestedDate = d.day();
        order.windowStart = d.windowStart();
        order.windowEnd = d.windowEnd();
        order.totalAmount = d.total();
        order.paymentMethod = d.payment();
        order.source = d.source();
        order.notes = d.notes();
        order.templateId = d.templateId();
        order.createdBy = d.createdBy();
        order.createdAt = timestamp(row[1]);
        order.updatedAt = timestamp(row[2]);
        order.version = ((Number) row[3]).longValue();
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < d.lines().size(); i++) {
            OrderItem item = new OrderItem();
            item.orderId = order.id;
            item.lineNo = i + 1;
            item.productCode = d.lines().get(i).productCode();
            item.quantity = d.lines().get(i).quantity();
            item.unitPrice = d.unitPrices().get(item.productCode);
            items.add(item);
        }
        em.createNativeQuery("""
                INSERT INTO delivery.order_item (order_id, line_no, product_code, quantity, unit_price)
                SELECT :order, n, code, quantity, price
                FROM unnest(CAST(:codes AS text[]), CAST(:quantities AS numeric[]), CAST(:prices AS numeric[]))
                     WITH ORDINALITY AS l(code, quantity, price, n)""")
                .setParameter("order", order.id)
                .setParameter("codes", items.stream().map(i -> i.productCode).toArray(String[]::new))
                .setParameter("quantities", items.stream().map(i -> i.quantity).toArray(BigDecimal[]::new))
                .setParameter("prices", items.stream().map(i -> i.unitPrice).toArray(BigDecimal[]::new))
                .executeUpdate();
        notifications.orderConfirmed(order, items, products);
        return Optional.of(OrderView.of(order, items));
    }

    /** A timestamptz of a native query, as the entity reads it (in the JVM's zone). */
    private static OffsetDateTime timestamp(Object value) {
        return value instanceof OffsetDateTime t ? t : OffsetDateTime.ofInstant((java.time.Instant) value, java.time.ZoneId.systemDefault());
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
