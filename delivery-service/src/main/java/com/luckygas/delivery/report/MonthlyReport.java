package com.luckygas.delivery.report;

import com.luckygas.delivery.Rows;
import com.luckygas.delivery.SlowStatementLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The monthly report, read from two materialized views (V6__monthly_report.sql) that
 * {@link #refresh()} rebuilds concurrently — readers are never blocked — every hour and after an
 * import. Each answer says when the views were last refreshed. (The views cover the live table;
 * when archival comes, they must cover the archive too.)
 */
@ApplicationScoped
public class MonthlyReport {

    private static final Logger LOG = Logger.getLogger(MonthlyReport.class);

    /**
     * One group's figures: deliveries, revenue (the cash collected at the door, NT$), the value
     * delivered (at the orders' prices; the imported history has none), quantity per product.
     */
    public record Figures(long deliveries, long revenue, long valueDelivered, Map<String, BigDecimal> products) {
    }

    public record Group(String key, Figures figures, Figures lastYear) {
    }

    public record Month(YearMonth from, YearMonth to, OffsetDateTime refreshedAt, Figures total, Figures lastYear,
                        List<Group> byArea, List<Group> byDriver, List<Group> byCustomerType) {
    }

    static final String DELIVERIES = """
            SELECT month, area, driver, customer_type, deliveries, revenue, value_delivered FROM delivery.monthly_deliveries
            WHERE month BETWEEN :from AND :to OR month BETWEEN :fromLastYear AND :toLastYear""";

    static final String PRODUCTS = """
            SELECT month, area, driver, customer_type, product_code, quantity FROM delivery.monthly_products
            WHERE month BETWEEN :from AND :to OR month BETWEEN :fromLastYear AND :toLastYear""";

    final EntityManager em;

    MonthlyReport(EntityManager em) {
        this.em = em;
    }

    /** Months {@code from}..{@code to}, with the same months a year earlier beside them. */
    @SuppressWarnings("unchecked")
    public Month of(YearMonth from, YearMonth to) {
        Map<String, Object> params = Map.of("from", from.atDay(1), "to", to.atDay(1),
                "fromLastYear", from.minusYears(1).atDay(1), "toLastYear", to.minusYears(1).atDay(1));
        var deliveries = em.createNativeQuery(DELIVERIES);
        var products = em.createNativeQuery(PRODUCTS);
        params.forEach(deliveries::setParameter);
        params.forEach(products::setParameter);
        Acc now = new Acc();
        Acc before = new Acc();
        for (Object[] r : (List<Object[]>) deliveries.getResultList()) {
            Acc acc = isLastYear(r[0], from) ? before : now;
            acc.add((String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                    ((Number) r[6]).longValue(), null, null);
        }
        for (Object[] r : (List<Object[]>) products.getResultList()) {
            Acc acc = isLastYear(r[0], from) ? before : now;
            acc.add((String) r[1], (String) r[2], (String) r[3], 0, 0, 0, (String) r[4], (BigDecimal) r[5]);
        }
        OffsetDateTime refreshed = (OffsetDateTime) em.createNativeQuery(
                "SELECT refreshed_at FROM delivery.report_refresh WHERE view_name = 'monthly'", OffsetDateTime.class)
                .getSingleResult();
        return new Month(from, to, refreshed, now.total.figures(), before.total.figures(),
                groups(now.byArea, before.byArea), groups(now.byDriver, before.byDriver),
                groups(now.byType, before.byType));
    }

    /** Rebuilds the views without blocking readers; safe to run while another refresh runs (it waits). */
    public void refresh() {
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            SlowStatementLog.executeUpdate(em.createNativeQuery("REFRESH MATERIALIZED VIEW CONCURRENTLY delivery.monthly_deliveries"));
            SlowStatementLog.executeUpdate(em.createNativeQuery("REFRESH MATERIALIZED VIEW CONCURRENTLY delivery.monthly_products"));
            SlowStatementLog.executeUpdate(em.createNativeQuery(
                    "UPDATE delivery.report_refresh SET refreshed_at = now() WHERE view_name = 'monthly'"));
        });
        LOG.infof("Monthly report views refreshed in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean isLastYear(Object month, YearMonth from) {
        LocalDate day = month instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) month;
        return day.isBefore(from.atDay(1));
    }

    private static List<Group> groups(Map<String, Sum> now, Map<String, Sum> before) {
        TreeMap<String, Sum> keys = new TreeMap<>(now);
        before.keySet().forEach(k -> keys.putIfAbsent(k, new Sum()));
        List<Group> out = new ArrayList<>();
        keys.forEach((key, sum) -> out.add(new Group(key.isEmpty() ? "(none)" : key, sum.figures(),
                before.getOrDefault(key, new Sum()).figures())));
        return out;
    }

    private static final class Sum {
        long deliveries;
        long revenue;
        long value;
        final Map<String, BigDecimal> products = new TreeMap<>();

        void add(long d, long r, long v, String product, BigDecimal quantity) {
            deliveries += d;
            revenue += r;
            value += v;
            if (product != null) {
                products.merge(product, quantity, BigDecimal::add);
            }
        }

        Figures figures() {
            Map<String, BigDecimal> clean = new TreeMap<>();
            products.forEach((k, v) -> clean.put(k, Rows.plain(v)));
            return new Figures(deliveries, revenue, value, clean);
        }
    }

    private static final class Acc {
        final Sum total = new Sum();
        final Map<String, Sum> byArea = new TreeMap<>();
        final Map<String, Sum> byDriver = new TreeMap<>();
        final Map<String, Sum> byType = new TreeMap<>();

        void add(String area, String driver, String type, long d, long r, long v, String product, BigDecimal quantity) {
            total.add(d, r, v, product, quantity);
            byArea.computeIfAbsent(area, k -> new Sum()).add(d, r, v, product, quantity);
            byDriver.computeIfAbsent(driver, k -> new Sum()).add(d, r, v, product, quantity);
            byType.computeIfAbsent(type, k -> new Sum()).add(d, r, v, product, quantity);
        }
    }
}
