package com.luckygas.delivery.cylinder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static com.luckygas.common.Texts.blankToNull;

import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.audit.LedgerAudit;
import com.luckygas.delivery.customer.CustomerClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What the office writes into the cylinder ledger: a count at the site, and cylinders lent,
 * returned, lost or scrapped, with their deposits. Each change is audited with the customer's
 * balance before and after. Deliveries need no writing here: the ledger reads them.
 */
@ApplicationScoped
public class CylinderBook {

    /** A count of every cylinder product at the site; a product not listed was not there. */
    public record CountInput(OffsetDateTime countedAt,
                             @NotNull @Size(max = 30) Map<@NotBlank String, @NotNull @Min(0) @Max(9999) Integer> counts,
                             @Size(max = 500) String reason) {
    }

    @Schema(name = "CylinderMoveKind")
    public enum Kind { LENT, RETURNED, LOST, SCRAPPED }

    /**
     * Cylinders that reached or left a customer without a delivery. {@code deposit}: with LENT,
     * take the deposit in force for each cylinder; with RETURNED, refund it for each cylinder
     * that was on deposit.
     */
    @Schema(name = "CylinderMoveInput")
    public record MoveInput(@NotNull Kind kind, @NotBlank @Size(max = 12) String productCode,
                            @NotNull @Min(1) @Max(9999) Integer quantity, @NotBlank @Size(max = 500) String reason,
                            OffsetDateTime movedAt, boolean deposit) {
    }

    static final String INSERT_COUNT = """
            INSERT INTO delivery.cylinder_count (customer_id, counted_at, kind, reason, recorded_by)
            VALUES (:customer, :at, :kind, :reason, :by) RETURNING id""";

    static final String INSERT_LINE = """
            INSERT INTO delivery.cylinder_count_line (count_id, product_code, quantity) VALUES (:count, :product, :quantity)""";

    static final String INSERT_MOVE = """
            INSERT INTO delivery.cylinder_movement (customer_id, product_code, moved_at, kind, quantity, deposit, reason, recorded_by)
            VALUES (:customer, :product, :at, :kind, :quantity, :deposit, :reason, :by)""";

    static final String CYLINDER_PRODUCTS = "SELECT code FROM delivery.product WHERE kind = 'CYLINDER'";

    /** The deposit per cylinder in force on a day (none set: no row). */
    static final String RATE = """
            SELECT amount FROM delivery.deposit_rate WHERE product_code = :product AND valid_from <= :day
            ORDER BY valid_from DESC LIMIT 1""";

    /** Tolerated lead of a device's clock: a count or movement further in the future is refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final EntityManager em;
    private final CylinderBalances balances;
    private final LedgerAudit audit;
    private final CustomerClient customers;
    private final Clock clock;

    CylinderBook(EntityManager em, CylinderBalances balances, LedgerAudit audit, @RestClient CustomerClient customers,
                 Clock clock) {
        this.em = em;
        this.balances = balances;
        this.audit = audit;
        this.customers = customers;
        this.clock = clock;
    }

    /** Records a count at the site; the balance from then on starts from it. */
    @Transactional
    public CylinderBalances.Balance count(long customerId, CountInput in, String actor) {
        OffsetDateTime at = when(in.countedAt(), "countedAt");
        Map<String, Integer> counts = new TreeMap<>(in.counts());
        List<String> known = cylinderProducts();
        List<Problem.Violation> violations = new ArrayList<>();
        counts.keySet().stream().filter(p -> !known.contains(p))
                .forEach(p -> violations.add(new Problem.Violation("counts." + p, "is not a cylinder product")));
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.", violations));
        }
        CylinderBalances.Balance before = balances.current(customerId);
        long id = ((Number) em.createNativeQuery(INSERT_COUNT)
                .setParameter("customer", customerId).setParameter("at", at).setParameter("kind", "COUNT")
                .setParameter("reason", blankToNull(in.reason())).setParameter("by", actor)
                .getSingleResult()).longValue();
        counts.forEach((product, quantity) -> {
            if (quantity > 0) {
                em.createNativeQuery(INSERT_LINE).setParameter("count", id).setParameter("product", product)
                        .setParameter("quantity", quantity).executeUpdate();
            }
        });
        return audited("COUNT", customerId, before, actor);
    }

    /** Records cylinders lent, returned, lost or scrapped (and the deposit taken or refunded). */
    @Transactional
    public CylinderBalances.Balance move(long customerId, MoveInput in, String actor) {
        if (!cylinderProducts().contains(in.productCode())) {
            throw ProblemException.invalidField("productCode", "is not a cylinder product");
        }
        OffsetDateTime at = when(in.movedAt(), "movedAt");
        CylinderBalances.Balance before = balances.current(customerId);
        int quantity = in.kind() == Kind.LENT ? in.quantity() : -in.quantity();
        long deposit = 0;
        int cylinders = in.quantity();
        if (in.deposit() && in.kind() == Kind.LENT) {
            deposit = rate(in.productCode(), at.atZoneSameInstant(clock.getZone()).toLocalDate()) * cylinders;
        } else if (in.deposit() && in.kind() == Kind.RETURNED) {
            deposit = -refund(before, in.productCode(), cylinders);
        } else if (in.deposit()) {
            throw ProblemException.invalidField("deposit", "is taken with LENT and refunded with RETURNED only");
        }
        em.createNativeQuery(INSERT_MOVE)
                .setParameter("customer", customerId).setParameter("product", in.productCode()).setParameter("at", at)
                .setParameter("kind", in.kind().name()).setParameter("quantity", quantity)
                .setParameter("deposit", deposit).setParameter("reason", in.reason().strip()).setParameter("by", actor)
                .executeUpdate();
        return audited(in.kind().name(), customerId, before, actor);
    }

    /** The deposit refunded for {@code cylinders} returned: what they were lent for, on average, up to those on deposit. */
    private static long refund(CylinderBalances.Balance before, String product, int cylinders) {
        CylinderBalances.Held held = before.products().stream().filter(h -> h.productCode().equals(product))
                .findFirst().orElse(null);
        if (held == null || held.onDeposit() <= 0 || held.deposit() <= 0) {
            throw ProblemException.invalidField("deposit", "no " + product + " of this customer is on deposit");
        }
        int refunded = Math.min(cylinders, held.onDeposit());
        return refunded == held.onDeposit() ? held.deposit() : held.deposit() * refunded / held.onDeposit();
    }

    private long rate(String product, LocalDate day) {
        List<?> found = em.createNativeQuery(RATE).setParameter("product", product).setParameter("day", day).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.invalidField("deposit", "no deposit is set for " + product + " (an ADMIN sets it)");
        }
        return ((Number) found.get(0)).longValue();
    }

    private CylinderBalances.Balance audited(String action, long customerId, CylinderBalances.Balance before, String actor) {
        em.flush();
        CylinderBalances.Balance after = balances.current(customerId);
        audit.record(LedgerAudit.Ledger.CYLINDERS, action, "customer:" + customerId, before, after, actor);
        return after;
    }

    private OffsetDateTime when(OffsetDateTime given, String field) {
        OffsetDateTime now = now();
        if (given == null) {
            return now;
        }
        if (given.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField(field, "must not be in the future");
        }
        if (given.getYear() < 2000) {
            throw ProblemException.invalidField(field, "must be in the year 2000 or later");
        }
        return given;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @SuppressWarnings("unchecked")
    private List<String> cylinderProducts() {
        return em.createNativeQuery(CYLINDER_PRODUCTS).getResultList();
    }

    /** 404 unless customer-service knows the customer (asked with the caller's token, outside any transaction). */
    public void requireCustomer(long customerId) {
        if (customers.lookup(new CustomerClient.Lookup(List.of(customerId))).items().isEmpty()) {
            throw ProblemException.notFound("No customer with id " + customerId + ".");
        }
    }
}
