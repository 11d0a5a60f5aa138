package com.luckygas.delivery.cash;

import com.luckygas.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/**
 * Whether a driver's day is closed, asked by whatever writes his deliveries of that day. Both the
 * close and every write of a delivery first take the same transaction-scoped lock on (driver,
 * day), so a delivery completed while the office closes the day is either counted in the close
 * or refused: never recorded after a close that did not count it.
 */
@ApplicationScoped
public class CashDays {

    private final EntityManager em;

    CashDays(EntityManager em) {
        this.em = em;
    }

    /** Takes the (driver, day) lock until the transaction ends; true when the day is closed. */
    public boolean lockAndCheck(String driverId, LocalDate day) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtextextended(:key, 17)) AS text)")
                .setParameter("key", "cash:" + driverId + ":" + day).getSingleResult();
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM delivery.cash_close WHERE driver_id = :driver AND day = :day")
                .setParameter("driver", driverId).setParameter("day", day).getSingleResult()).longValue() > 0;
    }

    /** The driver's day must still be open: a 409 naming the way out when the office closed it. */
    public void requireOpen(String driverId, LocalDate day) {
        if (driverId != null && lockAndCheck(driverId, day)) {
            throw ProblemException.conflict("Driver " + driverId + "'s cash for " + day + " is closed: his deliveries of "
                    + "that day can only be changed by an ADMIN correction with a reason "
                    + "(POST /api/deliveries/{id}/corrections).");
        }
    }
}
