package com.luckygas.delivery.cylinder;

import com.luckygas.delivery.Rows;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.audit.LedgerAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The deposit (押金) per cylinder lent, per product, from a date on; set by ADMINs, audited. */
@ApplicationScoped
public class DepositRates {

    public record Rate(String productCode, LocalDate validFrom, long amount) {
    }

    public record RateInput(@NotNull @Min(0) @Max(1_000_000) Long amount, LocalDate validFrom) {
    }

    static final String IN_FORCE = """
            SELECT DISTINCT ON (r.product_code) r.product_code, r.valid_from, r.amount
            FROM delivery.deposit_rate r JOIN delivery.product p ON p.code = r.product_code
            WHERE r.valid_from <= :day
            ORDER BY r.product_code, r.valid_from DESC""";

    static final String UPSERT = """
            INSERT INTO delivery.deposit_rate (product_code, valid_from, amount, set_by) VALUES (:product, :from, :amount, :by)
            ON CONFLICT (product_code, valid_from) DO UPDATE SET amount = EXCLUDED.amount, set_by = EXCLUDED.set_by, set_at = now()""";

    private final EntityManager em;
    private final LedgerAudit audit;
    private final Clock clock;

    DepositRates(EntityManager em, LedgerAudit audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public List<Rate> inForce(LocalDate day) {
        List<Object[]> rows = em.createNativeQuery(IN_FORCE).setParameter("day", day).getResultList();
        List<Rate> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Rate((String) r[0], Rows.date(r[1]),
                    ((Number) r[2]).longValue()));
        }
        return out;
    }

    public Rate set(String productCode, RateInput in, String actor) {
        Object kind = em.createNativeQuery("SELECT kind FROM delivery.product WHERE code = :code")
                .setParameter("code", productCode).getResultStream().findFirst().orElse(null);
        if (!"CYLINDER".equals(kind)) {
            throw ProblemException.notFound("No cylinder product " + productCode + ".");
        }
        LocalDate from = in.validFrom() != null ? in.validFrom() : LocalDate.now(clock);
        Rate before = inForce(from).stream().filter(r -> r.productCode().equals(productCode)).findFirst().orElse(null);
        em.createNativeQuery(UPSERT).setParameter("product", productCode).setParameter("from", from)
                .setParameter("amount", in.amount()).setParameter("by", actor).executeUpdate();
        Rate after = new Rate(productCode, from, in.amount());
        audit.record(LedgerAudit.Ledger.CYLINDERS, "DEPOSIT_RATE", "product:" + productCode, before, after, actor);
        return after;
    }
}
