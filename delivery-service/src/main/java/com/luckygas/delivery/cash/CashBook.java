package com.luckygas.delivery.cash;

import static com.luckygas.common.Texts.blankToNull;

import com.luckygas.common.BusinessClock;
import com.luckygas.common.ProblemException;
import com.luckygas.delivery.Rows;
import com.luckygas.delivery.SlowStatementLog;
import com.luckygas.delivery.audit.LedgerAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A driver's cash, day by day (docs/adr/0009): what he should have — the values of his CASH
 * deliveries that day, at the order's prices — what he recorded collecting, and, once the office
 * closes the day, what it received from him, the difference and its reason.
 */
@ApplicationScoped
public class CashBook {

    /** What a day's deliveries say, defined once: deliveries, expected (CASH values), recorded (collected). */
    static final String FIGURES = """
            count(*), coalesce(sum(d.value) FILTER (WHERE d.payment_method = 'CASH'), 0), coalesce(sum(d.amount_collected), 0)""";

    /** The platform's deliveries of one driver and day (the imported history has no cash to close). */
    public static final String DAY = "SELECT " + FIGURES + """
             FROM delivery.delivery d WHERE d.driver_id = :driver AND d.delivery_date = :day AND d.order_id IS NOT NULL""";

    private static final String CLOSE_COLUMNS = "c.deliveries, c.expected, c.recorded, c.received, c.reason, c.closed_by, c.closed_at, c.version";

    static final String CLOSE = "SELECT " + CLOSE_COLUMNS + " FROM delivery.cash_close c WHERE c.driver_id = :driver AND c.day = :day";

    /** Cash still with the drivers: their days since {@code :since} with deliveries that nobody closed yet. */
    public static final String OUT = "SELECT d.driver_id, count(DISTINCT d.delivery_date), min(d.delivery_date), " + FIGURES + """
             FROM delivery.delivery d
            WHERE d.order_id IS NOT NULL AND d.driver_id IS NOT NULL AND d.delivery_date >= :since
              AND NOT EXISTS (SELECT 1 FROM delivery.cash_close c WHERE c.driver_id = d.driver_id AND c.day = d.delivery_date)
            GROUP BY d.driver_id ORDER BY d.driver_id""";

    /**
     * Every driver's day in one statement: the figures of each driver with platform deliveries that
     * day beside his close, if any (a close may stand alone: its deliveries since corrected away).
     */
    public static final String DAYS_OF_ALL = "SELECT coalesce(f.driver_id, c.driver_id), f.deliveries, f.expected, f.recorded, "
            + CLOSE_COLUMNS + " FROM (SELECT d.driver_id, " + FIGURES + """
             FROM delivery.delivery d
            WHERE d.delivery_date = :day AND d.order_id IS NOT NULL AND d.driver_id IS NOT NULL GROUP BY d.driver_id
            ) AS f (driver_id, deliveries, expected, recorded)
            FULL JOIN (SELECT * FROM delivery.cash_close WHERE day = :day) AS c ON c.driver_id = f.driver_id
            ORDER BY 1""";

    /**
     * A driver's day. {@code difference} is received − expected (negative: short). The close
     * fields are null while the day is open.
     */
    public record CashDay(String driverId, LocalDate day, int deliveries, long expected, long recorded, boolean closed,
                          Long received, Long difference, String reason, String closedBy, OffsetDateTime closedAt,
                          Long version) {
    }

    /** What the office counted from the driver; a reason is needed when it is not what he should have. */
    public record CloseInput(@NotNull @PositiveOrZero @Max(100_000_000) Long received, @Size(max = 500) String reason) {
    }

    /** Cash not yet handed in by a driver: over {@code days} open days, the oldest {@code since}. */
    public record Out(String driverId, int days, LocalDate since, int deliveries, long expected, long recorded) {
    }

    private final EntityManager em;
    private final CashDays days;
    private final LedgerAudit audit;
    private final Clock clock;

    CashBook(EntityManager em, CashDays days, LedgerAudit audit, Clock clock) {
        this.em = em;
        this.days = days;
        this.audit = audit;
        this.clock = clock;
    }

    public CashDay day(String driverId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> closes = em.createNativeQuery(CLOSE).setParameter("driver", driverId).setParameter("day", day)
                .getResultList();
        return cashDay(driverId, day, figures(driverId, day), 0, closes.isEmpty() ? null : closes.get(0), 0);
    }

    /**
     * A day from its figures ({@code f[at..at+2]}: deliveries, expected, recorded; nulls: none) and its
     * close ({@code c[from..]}: {@link #CLOSE_COLUMNS}; null or a null first column: open). A closed
     * day shows what was closed; the figures as they now are show only while it is open.
     */
    private static CashDay cashDay(String driverId, LocalDate day, Object[] f, int at, Object[] c, int from) {
        if (c == null || c[from] == null) {
            return new CashDay(driverId, day, intOr0(f[at]), longOr0(f[at + 1]), longOr0(f[at + 2]), false,
                    null, null, null, null, null, null);
        }
        long expected = ((Number) c[from + 1]).longValue();
        long received = ((Number) c[from + 3]).longValue();
        return new CashDay(driverId, day, ((Number) c[from]).intValue(), expected, ((Number) c[from + 2]).longValue(), true,
                received, received - expected, (String) c[from + 4], (String) c[from + 5],
                Rows.time(c[from + 6], BusinessClock.TAIPEI), ((Number) c[from + 7]).longValue());
    }

    private static int intOr0(Object n) {
        return n == null ? 0 : ((Number) n).intValue();
    }

    private static long longOr0(Object n) {
        return n == null ? 0 : ((Number) n).longValue();
    }

    /** Deliveries, expected, recorded, as the day's deliveries now say. */
    private Object[] figures(String driverId, LocalDate day) {
        return (Object[]) em.createNativeQuery(DAY).setParameter("driver", driverId).setParameter("day", day)
                .getSingleResult();
    }

    /** Every driver with deliveries (or a close) that day: one statement however many drivers. */
    @SuppressWarnings("unchecked")
    public List<CashDay> dayOfAll(LocalDate day) {
        List<CashDay> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(DAYS_OF_ALL).setParameter("day", day).getResultList()) {
            out.add(cashDay((String) r[0], day, r, 1, r, 4));
        }
        return out;
    }

    /**
     * Closes the driver's day, one action: the figures are taken as they stand, under the
     * (driver, day) lock that completing a delivery also takes. The same user closing it again with
     * the same figures (a retry) gets the close back; anyone else, or other figures, a 409.
     */
    @Transactional
    public CashDay close(String driverId, LocalDate day, CloseInput input, String actor) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalidField("day", "is in the future: a day is closed once it is over");
        }
        boolean closed = days.lockAndCheck(driverId, day);
        if (closed) {
            CashDay existing = day(driverId, day);
            if (existing.closedBy().equals(actor) && existing.received().equals(input.received())
                    && Objects.equals(blankToNull(input.reason()), existing.reason())) {
                return existing;
            }
            throw ProblemException.conflict("Driver " + driverId + "'s cash for " + day + " was closed by "
                    + existing.closedBy() + " at " + existing.closedAt() + " (received NT$" + existing.received()
                    + "); reload it.");
        }
        CashDay open = day(driverId, day);
        if (open.deliveries() == 0) {
            throw ProblemException.invalidField("day", "driver " + driverId + " has no deliveries on " + day);
        }
        String reason = blankToNull(input.reason());
        if (input.received() != open.expected() && reason == null) {
            throw ProblemException.invalidField("reason", "is needed: received NT$" + input.received()
                    + " is not the NT$" + open.expected() + " the driver should have");
        }
        SlowStatementLog.executeUpdate(em.createNativeQuery("""
                INSERT INTO delivery.cash_close (driver_id, day, deliveries, expected, recorded, received, reason,
                                                 closed_by, closed_at)
                VALUES (:driver, :day, :deliveries, :expected, :recorded, :received, :reason, :actor, :at)""")
                .setParameter("driver", driverId).setParameter("day", day).setParameter("deliveries", open.deliveries())
                .setParameter("expected", open.expected()).setParameter("recorded", open.recorded())
                .setParameter("received", input.received()).setParameter("reason", reason)
                .setParameter("actor", actor).setParameter("at", OffsetDateTime.now(clock)));
        CashDay after = day(driverId, day);
        audit.record(LedgerAudit.Ledger.CASH, "CLOSE", subject(driverId, day), open, after, actor);
        return after;
    }

    /**
     * After an ADMIN corrected a delivery of a closed day: the close takes the day's figures as
     * they now are (received stays what was counted), audited. Call under the (driver, day) lock.
     */
    public void recount(String driverId, LocalDate day, String actor) {
        CashDay before = day(driverId, day);
        if (!before.closed()) {
            return;
        }
        Object[] f = figures(driverId, day);
        SlowStatementLog.executeUpdate(em.createNativeQuery("""
                UPDATE delivery.cash_close SET deliveries = :deliveries, expected = :expected, recorded = :recorded,
                       version = version + 1
                WHERE driver_id = :driver AND day = :day""")
                .setParameter("deliveries", ((Number) f[0]).intValue()).setParameter("expected", ((Number) f[1]).longValue())
                .setParameter("recorded", ((Number) f[2]).longValue())
                .setParameter("driver", driverId).setParameter("day", day));
        audit.record(LedgerAudit.Ledger.CASH, "RECOUNT", subject(driverId, day), before, day(driverId, day), actor);
    }

    /** How far back the dashboard looks for days not closed: a month, which the office closes long before. */
    public static final int DASHBOARD_DAYS = 31;

    /** Cash still out with each driver: his days of the last {@code days} days that nobody closed yet. */
    @SuppressWarnings("unchecked")
    public List<Out> out(int days) {
        List<Out> out = new ArrayList<>();
        LocalDate since = LocalDate.now(clock).minusDays(days - 1L);
        for (Object[] r : (List<Object[]>) em.createNativeQuery(OUT).setParameter("since", since).getResultList()) {
            out.add(new Out((String) r[0], ((Number) r[1]).intValue(), Rows.date(r[2]), ((Number) r[3]).intValue(),
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue()));
        }
        return out;
    }

    static String subject(String driverId, LocalDate day) {
        return "cash:" + driverId + ":" + day;
    }
}
