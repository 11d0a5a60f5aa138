package com.luckygas.delivery.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.delivery.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers' accounts, read from {@code delivery.account_entry} (V13): every valued delivery
 * charges its value and credits what the driver collected at the door, every payment credits its
 * amount. The imported history has no values: accounts open at zero. What is owed is aged first
 * in, first out — money received pays the oldest charges first, so what is still owed is the
 * newest charges — in days from the delivery: 0–30, 31–60, 61–90, over 90.
 */
@ApplicationScoped
public class Accounts {

    /** A customer's balance up to a day (exclusive): owed when positive, in credit when negative. */
    public static final String BALANCE_BEFORE = """
            SELECT coalesce(sum(charge), 0), coalesce(sum(credit), 0) FROM delivery.account_entry
            WHERE customer_id = :customer AND day < :before""";

    static final String TOTALS = "SELECT charged, credited, version FROM delivery.account WHERE customer_id = :customer";

    /** The month's valued deliveries with their items (live and archived), in the order delivered. */
    public static final String DELIVERIES = """
            SELECT d.id, d.delivery_date, d.delivered_at, d.driver_id, d.value, coalesce(d.amount_collected, 0), d.payment_method,
                   i.product_code, i.quantity, i.unit_price
            FROM delivery.all_deliveries d JOIN delivery.all_delivery_items i ON i.delivery_id = d.id
            WHERE d.customer_id = :customer AND d.value IS NOT NULL AND d.delivery_date BETWEEN :from AND :to
            ORDER BY d.delivered_at, d.id, i.product_code""";

    static final String PAYMENTS = """
            SELECT id, paid_on, method, amount, reference, notes, recorded_by FROM delivery.payment
            WHERE customer_id = :customer AND paid_on BETWEEN :from AND :to ORDER BY paid_on, id""";

    /**
     * Everything owed, per customer, aged. The balances are the totals {@code delivery.account} keeps
     * (V13's triggers apply account_entry's rule to every change); only
     * the charges of the last 91 days are needed to age them (anything owed beyond those is over 90 days).
     */
    private static final String OWED_OF = """
            WITH bal AS (
                SELECT customer_id, charged - credited AS owed FROM delivery.account WHERE charged > credited %s),
            recent AS (
                SELECT e.customer_id, e.day, e.charge,
                       sum(e.charge) OVER (PARTITION BY e.customer_id ORDER BY e.day DESC, e.ref DESC) - e.charge AS newer
                FROM delivery.account_entry e JOIN bal b ON b.customer_id = e.customer_id
                WHERE e.kind = 'DELIVERY' AND e.charge > 0 AND e.day > CAST(:asOf AS date) - 91 AND e.day <= :asOf),
            aged AS (
                SELECT r.customer_id, CAST(:asOf AS date) - r.day AS age, least(r.charge, greatest(0, b.owed - r.newer)) AS part
                FROM recent r JOIN bal b ON b.customer_id = r.customer_id)
            SELECT b.customer_id, b.owed,
                   coalesce(sum(a.part) FILTER (WHERE a.age <= 30), 0),
                   coalesce(sum(a.part) FILTER (WHERE a.age BETWEEN 31 AND 60), 0),
                   coalesce(sum(a.part) FILTER (WHERE a.age BETWEEN 61 AND 90), 0)
            FROM bal b LEFT JOIN aged a ON a.customer_id = b.customer_id
            GROUP BY b.customer_id, b.owed
            ORDER BY b.owed DESC, b.customer_id""";

    /** Everyone who owes. */
    public static final String OWED = OWED_OF.formatted("");
    /** One customer, if it owes. */
    public static final String OWED_BY_ONE = OWED_OF.formatted("AND customer_id = :customer");

    /** What is owed by age, NT$: 0–30, 31–60, 61–90 and over 90 days. */
    public record Aging(long days0to30, long days31to60, long days61to90, long over90) {
    }

    /** A customer's account now: owed (negative: in credit), aged; {@code version} is what a payment must name. */
    @Schema(name = "AccountBalance")
    public record Balance(long customerId, long charged, long credited, long owed, Aging aging, long version) {
    }

    @Schema(name = "StatementItem")
    public record Item(String productCode, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    public record StatementDelivery(long id, LocalDate date, String driverId, String paymentMethod, List<Item> items,
                                    long value, long collected) {
    }

    public record Payment(long id, LocalDate paidOn, String method, long amount, String reference, String notes,
                          String recordedBy) {
    }

    /**
     * A customer's month: brought forward, the deliveries (items, prices, value) and what was
     * collected at the door, the payments, carried forward = broughtForward + charged − collected − paid.
     */
    public record Statement(long customerId, String customerCode, String customerName, String paymentTerm, YearMonth month,
                            long broughtForward, List<StatementDelivery> deliveries, List<Payment> payments,
                            long charged, long collected, long paid, long carriedForward, long version) {
    }

    /** One customer's line of the owed list. */
    public record Owed(long customerId, String customerCode, String customerName, String paymentTerm, long owed,
                       Aging aging) {
    }

    final EntityManager em;

    Accounts(EntityManager em) {
        this.em = em;
    }

    public Balance balance(long customerId, LocalDate today) {
        List<?> rows = em.createNativeQuery(TOTALS).setParameter("customer", customerId).getResultList();
        if (rows.isEmpty()) {
            return new Balance(customerId, 0, 0, 0, new Aging(0, 0, 0, 0), 0);
        }
        Object[] totals = (Object[]) rows.get(0);
        long charged = ((Number) totals[0]).longValue();
        long credited = ((Number) totals[1]).longValue();
        Aging aging = owedAged(customerId, today);
        return new Balance(customerId, charged, credited, charged - credited,
                aging != null ? aging : new Aging(0, 0, 0, 0), ((Number) totals[2]).longValue());
    }

    /** The statement's figures (names are added by the caller, which knows customer-service). */
    @SuppressWarnings("unchecked")
    public Statement statement(long customerId, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Object[] before = sumsBefore(customerId, from);
        long broughtForward = ((Number) before[0]).longValue() - ((Number) before[1]).longValue();
        Map<Long, StatementDelivery> deliveries = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(DELIVERIES).setParameter("customer", customerId)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            long id = ((Number) r[0]).longValue();
            StatementDelivery d = deliveries.computeIfAbsent(id, k -> new StatementDelivery(id, Rows.date(r[1]),
                    (String) r[3], (String) r[6], new ArrayList<>(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue()));
            BigDecimal quantity = (BigDecimal) r[8];
            BigDecimal price = (BigDecimal) r[9];
            d.items().add(new Item((String) r[7], Rows.plain(quantity), price,
                    price == null ? null : Rows.plain(price.multiply(quantity))));
        }
        List<Payment> payments = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(PAYMENTS).setParameter("customer", customerId)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            payments.add(new Payment(((Number) r[0]).longValue(), Rows.date(r[1]), (String) r[2], ((Number) r[3]).longValue(),
                    (String) r[4], (String) r[5], (String) r[6]));
        }
        long charged = deliveries.values().stream().mapToLong(StatementDelivery::value).sum();
        long collected = deliveries.values().stream().mapToLong(StatementDelivery::collected).sum();
        long paid = payments.stream().mapToLong(Payment::amount).sum();
        return new Statement(customerId, null, null, null, month, broughtForward, List.copyOf(deliveries.values()), payments,
                charged, collected, paid, broughtForward + charged - collected - paid, version(customerId));
    }

    /** Everyone who owes, most owed first, aged as of {@code asOf}. */
    @SuppressWarnings("unchecked")
    public List<Owed> owed(LocalDate asOf) {
        List<Owed> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(OWED).setParameter("asOf", asOf).getResultList()) {
            long owed = ((Number) r[1]).longValue();
            out.add(new Owed(((Number) r[0]).longValue(), null, null, null, owed, aging(r, owed)));
        }
        return out;
    }

    private Aging owedAged(long customerId, LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(OWED_BY_ONE)
                .setParameter("asOf", asOf).setParameter("customer", customerId).getResultList();
        return rows.isEmpty() ? null : aging(rows.get(0), ((Number) rows.get(0)[1]).longValue());
    }

    private static Aging aging(Object[] r, long owed) {
        long a = ((Number) r[2]).longValue();
        long b = ((Number) r[3]).longValue();
        long c = ((Number) r[4]).longValue();
        return new Aging(a, b, c, owed - a - b - c);
    }

    private Object[] sumsBefore(long customerId, LocalDate before) {
        return (Object[]) em.createNativeQuery(BALANCE_BEFORE).setParameter("customer", customerId)
                .setParameter("before", before).getSingleResult();
    }

    long version(long customerId) {
        List<?> rows = em.createNativeQuery(TOTALS).setParameter("customer", customerId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) ((Object[]) rows.get(0))[2]).longValue();
    }
}
