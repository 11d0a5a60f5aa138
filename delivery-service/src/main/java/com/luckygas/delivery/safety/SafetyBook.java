package com.luckygas.delivery.safety;

import com.luckygas.common.BusinessClock;
import com.luckygas.common.ProblemException;
import com.luckygas.common.calls.ServiceUnavailableException;
import com.luckygas.delivery.Rows;
import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.forecast.CustomerProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the office and the technician read of the safety checks: a customer's status (next due,
 * open issues, his checks), the customers due by the end of a month, the open issues of all
 * customers, and the records of a period for the authority. The rules (interval, next due, what
 * is an open issue) are SQL's (V16).
 */
@ApplicationScoped
public class SafetyBook {

    /** An item failed and not passed since. */
    public record Issue(String item, OffsetDateTime since, long lastCheckId, long failedChecks) {
    }

    /** A customer's safety status; {@code nextDue} null and {@code neverChecked}: due now. */
    public record CustomerStatus(long customerId, String customerType, int intervalMonths, LocalDate nextDue,
                                 boolean neverChecked, boolean dueThisMonth, List<Issue> openIssues,
                                 List<CheckView> checks) {
    }

    /** A customer due by the month's end: who (from customer-service; null when it did not answer), since when. */
    public record Due(long customerId, String code, String name, String area, List<String> phones, String customerType,
                      OffsetDateTime lastCheckedAt, LocalDate nextDue, boolean overdue, long openIssues) {
    }

    /** A page of a keyset list: {@code next} is the {@code after} of the next page, null at the end. */
    public record Slice<T>(List<T> items, Long next, boolean customerNamesUnavailable) {
    }

    /** An open issue of a customer. */
    public record CustomerIssue(long customerId, String item, OffsetDateTime since, long lastCheckId, long failedChecks) {
    }

    /** How many of a customer's checks the status shows, newest first. */
    static final int CHECKS_SHOWN = 10;

    private final EntityManager em;
    private final SafetyChecks checks;
    private final CustomerProfiles profiles;
    private final Clock clock;

    SafetyBook(EntityManager em, SafetyChecks checks, CustomerProfiles profiles, Clock clock) {
        this.em = em;
        this.checks = checks;
        this.profiles = profiles;
        this.clock = clock;
    }

    LocalDate endOfThisMonth() {
        return YearMonth.now(clock.withZone(BusinessClock.TAIPEI)).atEndOfMonth();
    }

    public CustomerStatus status(long customerId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                WITH t AS (
                    SELECT coalesce((SELECT customer_type FROM delivery.orders WHERE customer_id = :c
                                     ORDER BY requested_date DESC, id DESC LIMIT 1),
                                    (SELECT customer_type FROM delivery.safety_check WHERE customer_id = :c
                                     ORDER BY checked_at DESC, id DESC LIMIT 1)) AS customer_type),
                l AS (SELECT max(checked_at) AS last FROM delivery.safety_check WHERE customer_id = :c)
                SELECT t.customer_type, delivery.safety_months(t.customer_type), delivery.safety_next_due(l.last, t.customer_type),
                       l.last IS NULL, delivery.safety_due_by(l.last, t.customer_type, :by)
                FROM t, l""").setParameter("c", customerId).setParameter("by", endOfThisMonth()).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> issues = em.createNativeQuery("""
                SELECT item, since, last_check_id, failed_checks FROM delivery.safety_open_issue
                WHERE customer_id = :c ORDER BY since, item""").setParameter("c", customerId).getResultList();
        List<CheckView> recent = checks.list("WHERE customer_id = :c ORDER BY checked_at DESC, id DESC LIMIT " + CHECKS_SHOWN,
                q -> q.setParameter("c", customerId));
        return new CustomerStatus(customerId, (String) row[0], ((Number) row[1]).intValue(), Rows.date(row[2]),
                (Boolean) row[3], (Boolean) row[4],
                issues.stream().map(r -> new Issue((String) r[0], Rows.time(r[1], BusinessClock.TAIPEI),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList(), recent);
    }

    /**
     * Customers served in the last year (an order or a delivery) whose check is due by the end of
     * {@code month}: never checked, overdue, or falling due; by customer id after {@code after}.
     */
    public Slice<Due> due(YearMonth month, long after, int size) {
        LocalDate by = month.atEndOfMonth();
        LocalDate today = LocalDate.now(clock.withZone(BusinessClock.TAIPEI));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH served AS (
                    SELECT DISTINCT ON (customer_id) customer_id, customer_type
                    FROM (SELECT customer_id, customer_type, requested_date AS day, id FROM delivery.orders
                          WHERE status <> 'CANCELLED' AND requested_date >= :since AND customer_id > :after
                          UNION ALL
                          SELECT customer_id, customer_type, delivery_date, id FROM delivery.all_deliveries
                          WHERE delivery_date >= :since AND customer_id > :after) d
                    ORDER BY customer_id, day DESC, id DESC)
                SELECT s.customer_id, s.customer_type, l.last, delivery.safety_next_due(l.last, s.customer_type),
                       (SELECT count(*) FROM delivery.safety_open_issue i WHERE i.customer_id = s.customer_id)
                FROM served s
                LEFT JOIN LATERAL (SELECT max(checked_at) AS last FROM delivery.safety_check c
                                   WHERE c.customer_id = s.customer_id) l ON true
                WHERE delivery.safety_due_by(l.last, s.customer_type, :by)
                ORDER BY s.customer_id
                LIMIT :size""")
                .setParameter("since", today.minusYears(1)).setParameter("after", after).setParameter("by", by)
                .setParameter("size", size + 1).getResultList();
        boolean more = rows.size() > size;
        List<Object[]> page = more ? rows.subList(0, size) : rows;
        Map<Long, CustomerClient.Profile> who = Map.of();
        boolean unavailable = false;
        try {
            who = page.isEmpty() ? Map.of() : profiles.of(page.stream().map(r -> ((Number) r[0]).longValue()).toList());
        } catch (ServiceUnavailableException e) {
            unavailable = true;
        }
        List<Due> items = new ArrayList<>(page.size());
        for (Object[] r : page) {
            long id = ((Number) r[0]).longValue();
            CustomerClient.Profile p = who.get(id);
            LocalDate next = Rows.date(r[3]);
            items.add(new Due(id, p == null ? null : p.code(), p == null ? null : p.shortName(), p == null ? null : p.area(),
                    p == null ? null : p.phones(), (String) r[1], Rows.time(r[2], BusinessClock.TAIPEI), next,
                    next == null || next.isBefore(today), ((Number) r[4]).longValue()));
        }
        return new Slice<>(items, more ? items.get(items.size() - 1).customerId() : null, unavailable);
    }

    /** Every customer's open issues, by customer id after {@code after} (whole customers per page). */
    public Slice<CustomerIssue> issues(long after, int customers) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT customer_id, item, since, last_check_id, failed_checks FROM delivery.safety_open_issue
                WHERE customer_id IN (SELECT DISTINCT customer_id FROM delivery.safety_open_issue
                                      WHERE customer_id > :after ORDER BY customer_id LIMIT :n)
                ORDER BY customer_id, since, item""")
                .setParameter("after", after).setParameter("n", customers + 1).getResultList();
        List<CustomerIssue> items = new ArrayList<>();
        Long last = null;
        int seen = 0;
        Long next = null;
        for (Object[] r : rows) {
            long customer = ((Number) r[0]).longValue();
            if (last == null || customer != last) {
                if (++seen > customers) {
                    next = last;
                    break;
                }
                last = customer;
            }
            items.add(new CustomerIssue(customer, (String) r[1], Rows.time(r[2], BusinessClock.TAIPEI),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        return new Slice<>(items, next, false);
    }

    /** Every check done from {@code from} to {@code to} (Taipei days), oldest first, at most a year. */
    public List<CheckView> period(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw ProblemException.invalidField("to", "must be from 'from' to a year after it");
        }
        return checks.list("WHERE checked_at >= :from AND checked_at < :to ORDER BY checked_at, id", q -> q
                .setParameter("from", from.atStartOfDay(BusinessClock.TAIPEI).toOffsetDateTime())
                .setParameter("to", to.plusDays(1).atStartOfDay(BusinessClock.TAIPEI).toOffsetDateTime()));
    }

    /** Who the customers of these checks are (customer-service); empty when it does not answer. */
    public Map<Long, CustomerClient.Profile> customersOf(List<CheckView> list) {
        try {
            return profiles.of(list.stream().map(CheckView::customerId).distinct().toList());
        } catch (ServiceUnavailableException e) {
            return Map.of();
        }
    }
}
