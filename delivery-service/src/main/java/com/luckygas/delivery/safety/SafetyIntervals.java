package com.luckygas.delivery.safety;

import com.luckygas.common.BusinessClock;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How often customers are checked, per customer type; {@value #DEFAULT} is every type not listed
 * (2 years until an ADMIN sets otherwise). Changing one names the version it was read at: the
 * second of two ADMINs changing the same type at once gets a 409.
 */
@ApplicationScoped
public class SafetyIntervals {

    /** The customer type that stands for every type without its own interval. */
    public static final String DEFAULT = "*";

    public record Interval(String customerType, int months, int version, String updatedBy, OffsetDateTime updatedAt) {
    }

    /** A new interval; {@code version}: the one read (none for a type without an interval yet). */
    public record SetInterval(@NotNull @Min(1) @Max(120) Integer months, Integer version) {
    }

    private final EntityManager em;

    SafetyIntervals(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<Interval> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT customer_type, months, version, updated_by, updated_at FROM delivery.safety_interval
                ORDER BY customer_type <> '*', customer_type""").getResultList();
        return rows.stream().map(r -> new Interval((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                (String) r[3], Rows.time(r[4], BusinessClock.TAIPEI))).toList();
    }

    /** Sets a type's interval (or the default's); 409 when it changed since {@code version} was read. */
    @Transactional
    public Interval set(String customerType, SetInterval request, String by) {
        if (customerType.isBlank() || customerType.length() > 40) {
            throw ProblemException.invalidField("customerType", "must be 1 to 40 characters");
        }
        int changed;
        if (request.version() == null) {
            changed = em.createNativeQuery("""
                    INSERT INTO delivery.safety_interval (customer_type, months, updated_by) VALUES (:type, :months, :by)
                    ON CONFLICT (customer_type) DO NOTHING""")
                    .setParameter("type", customerType).setParameter("months", request.months()).setParameter("by", by)
                    .executeUpdate();
        } else {
            changed = em.createNativeQuery("""
                    UPDATE delivery.safety_interval SET months = :months, version = version + 1, updated_by = :by,
                        updated_at = now()
                    WHERE customer_type = :type AND version = :version""")
                    .setParameter("type", customerType).setParameter("months", request.months()).setParameter("by", by)
                    .setParameter("version", request.version()).executeUpdate();
        }
        if (changed == 0) {
            throw ProblemException.conflict("The interval of " + customerType + " was changed by someone else (or "
                    + (request.version() == null ? "exists already" : "is gone") + "): read it again and send its version.");
        }
        return all().stream().filter(i -> i.customerType().equals(customerType)).findFirst().orElseThrow();
    }

    /** Removes a type's own interval (it follows the default again); the default itself stays. */
    @Transactional
    public void remove(String customerType) {
        if (DEFAULT.equals(customerType)) {
            throw ProblemException.conflict("The default interval cannot be removed; set it instead.");
        }
        if (em.createNativeQuery("DELETE FROM delivery.safety_interval WHERE customer_type = :type")
                .setParameter("type", customerType).executeUpdate() == 0) {
            throw ProblemException.notFound("No interval of its own for " + customerType + ".");
        }
    }
}
