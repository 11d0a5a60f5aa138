package com.luckygas.delivery.account;

import static com.luckygas.common.Texts.blankToNull;

import com.luckygas.common.ProblemException;
import com.luckygas.common.Versions;
import com.luckygas.delivery.SlowStatementLog;
import com.luckygas.delivery.audit.LedgerAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Payments the office records on a customer's account (transfer, cash at the office, cheque),
 * and their removal when recorded by mistake. Each one names the account version the user saw:
 * of two users recording a payment on the same account at once, one wins and the other gets a
 * 409 (the account row is locked, its version compared and bumped). Audited.
 */
@ApplicationScoped
public class Payments {

    public enum Method { TRANSFER, CASH, CHEQUE }

    public record PaymentInput(@NotNull LocalDate paidOn, @NotNull Method method,
                               @NotNull @Positive @Max(100_000_000) Long amount,
                               @Size(max = 100) String reference, @Size(max = 500) String notes,
                               @NotNull @PositiveOrZero Long version) {
    }

    public record Removal(@NotBlank @Size(max = 500) String reason, @NotNull @PositiveOrZero Long version) {
    }

    private final EntityManager em;
    private final Accounts accounts;
    private final LedgerAudit audit;
    private final Clock clock;

    Payments(EntityManager em, Accounts accounts, LedgerAudit audit, Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Accounts.Payment record(long customerId, PaymentInput in, String actor) {
        if (in.paidOn().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalidField("paidOn", "is in the future");
        }
        lockVersion(customerId, in.version());
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO delivery.payment (customer_id, paid_on, method, amount, reference, notes, recorded_by)
                VALUES (:customer, :paidOn, :method, :amount, :reference, :notes, :actor) RETURNING id""")
                .setParameter("customer", customerId).setParameter("paidOn", in.paidOn())
                .setParameter("method", in.method().name()).setParameter("amount", in.amount())
                .setParameter("reference", blankToNull(in.reference())).setParameter("notes", blankToNull(in.notes()))
                .setParameter("actor", actor).getSingleResult()).longValue();
        Accounts.Payment payment = new Accounts.Payment(id, in.paidOn(), in.method().name(), in.amount(),
                blankToNull(in.reference()), blankToNull(in.notes()), actor);
        audit.record(LedgerAudit.Ledger.ACCOUNTS, "PAYMENT", subject(customerId), null, payment, actor);
        return payment;
    }

    /** Takes back a payment recorded by mistake (the wrong customer, a typo), with the reason. */
    @Transactional
    public void remove(long customerId, long paymentId, Removal in, String actor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, paid_on, method, amount, reference, notes, recorded_by FROM delivery.payment
                WHERE id = :id AND customer_id = :customer""")
                .setParameter("id", paymentId).setParameter("customer", customerId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Customer " + customerId + " has no payment " + paymentId + ".");
        }
        lockVersion(customerId, in.version());
        Object[] r = rows.get(0);
        Accounts.Payment before = new Accounts.Payment(paymentId, com.luckygas.delivery.Rows.date(r[1]), (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4], (String) r[5], (String) r[6]);
        em.createNativeQuery("DELETE FROM delivery.payment WHERE id = :id").setParameter("id", paymentId).executeUpdate();
        audit.record(LedgerAudit.Ledger.ACCOUNTS, "REMOVE_PAYMENT", subject(customerId), before,
                Map.of("reason", in.reason().strip()), actor);
    }

    /** Locks the customer's account row (made on first use), checks the version the user saw and bumps it. */
    private void lockVersion(long customerId, long seen) {
        em.createNativeQuery("INSERT INTO delivery.account (customer_id) VALUES (:customer) ON CONFLICT DO NOTHING")
                .setParameter("customer", customerId).executeUpdate();
        long current = ((Number) em.createNativeQuery(
                "SELECT version FROM delivery.account WHERE customer_id = :customer FOR UPDATE")
                .setParameter("customer", customerId).getSingleResult()).longValue();
        Versions.require(seen, current, "Customer " + customerId + "'s account");
        SlowStatementLog.executeUpdate(em.createNativeQuery(
                "UPDATE delivery.account SET version = version + 1, updated_at = now() WHERE customer_id = :customer")
                .setParameter("customer", customerId));
    }

    static String subject(long customerId) {
        return "account:" + customerId;
    }
}
