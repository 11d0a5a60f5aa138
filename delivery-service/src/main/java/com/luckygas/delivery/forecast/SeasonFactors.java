package com.luckygas.delivery.forecast;

import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seasonal factors of the run-out forecast, from the monthly report view: computed once per
 * month and refresh of the view (both are the cache key), kept in the {@code forecast-season} cache.
 */
@ApplicationScoped
public class SeasonFactors {

    /** kg delivered per month, all customers, from the report view. */
    static final String KG_BY_MONTH = """
            SELECT m.month, sum(CASE WHEN p.kind = 'FLOW' THEN m.quantity ELSE m.quantity * p.size_kg END)
            FROM delivery.monthly_products m JOIN delivery.product p ON p.code = m.product_code
            WHERE m.month >= :from AND m.month < :to
            GROUP BY m.month""";

    private final EntityManager em;
    private final int months;

    SeasonFactors(EntityManager em, ForecastConfig config) {
        this.em = em;
        this.months = config.seasonMonths();
    }

    /** The factors by month (index 0 is January) for forecasts made in the month of {@code day}. */
    public double[] of(LocalDate day) {
        OffsetDateTime refreshed = (OffsetDateTime) em.createNativeQuery(
                "SELECT refreshed_at FROM delivery.report_refresh WHERE view_name = 'monthly'", OffsetDateTime.class)
                .getSingleResult();
        return computed(YearMonth.from(day), refreshed);
    }

    @CacheResult(cacheName = "forecast-season")
    @SuppressWarnings("unchecked")
    double[] computed(@CacheKey YearMonth asOf, @CacheKey OffsetDateTime refreshed) {
        Map<YearMonth, Double> kg = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(KG_BY_MONTH)
                .setParameter("from", asOf.minusMonths(months).atDay(1)).setParameter("to", asOf.atDay(1))
                .getResultList()) {
            LocalDate month = r[0] instanceof Date date ? date.toLocalDate() : (LocalDate) r[0];
            kg.put(YearMonth.from(month), ((Number) r[1]).doubleValue());
        }
        return RunOutModel.season(kg, asOf, months);
    }
}
