package com.luckygas.delivery.forecast;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.delivery.order.OrderAction;
import com.luckygas.delivery.customer.CustomerClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Who runs out of gas this week": for each active customer without an open order, the expected
 * run-out date from the delivery history ({@link RunOutModel}), soonest first.
 *
 * <p>PostgreSQL does the heavy part in one statement ({@link #HISTORY}): the customers who had a
 * delivery in the last {@code active-days} days (live or archived), without an order that is
 * still PENDING, ASSIGNED or OUT_FOR_DELIVERY, in the area asked for (the area snapshot on their
 * latest delivery), each with the kg delivered on each of their last delivery days — found through
 * the customer indexes, a few rows per customer, never a scan of the history. The rates, the range
 * and the dates are then computed per customer by {@link RunOutModel}, the same code the back-test
 * replays. customer-service (bulk lookup, the caller's token) supplies the client list's average
 * daily use (the prior for thin histories), names and phones to call, and drops customers it
 * has deactivated or terminated ({@link CustomerProfiles}, cached for a few minutes).
 */
@ApplicationScoped
public class RunOutForecast {

    /** One customer's forecast, as the office sees it. */
    @Schema(name = "RunOutItem")
    public record Item(long customerId, String customerCode, String customerName, String area, List<String> phones,
                       LocalDate lastDelivery, BigDecimal lastKg, BigDecimal kgPerDay, BigDecimal kgPerDayNow,
                       LocalDate expectedRunOut, LocalDate earliest, LocalDate latest, long daysLeft, Basis basis) {

        static Item of(long id, CustomerClient.Profile p, String area, RunOut r) {
            return new Item(id, p.code(), p.shortName(), area != null ? area : p.area(), p.phones(), r.lastDelivery(),
                    r.lastKg(), r.kgPerDay(), r.kgPerDayNow(), r.expectedRunOut(), r.earliest(), r.latest(), r.daysLeft(),
                    r.basis());
        }
    }

    /** One customer's expected run-out on a day: the list's {@link Item} without who the customer is. */
    public record RunOut(LocalDate lastDelivery, BigDecimal lastKg, BigDecimal kgPerDay, BigDecimal kgPerDayNow,
                         LocalDate expectedRunOut, LocalDate earliest, LocalDate latest, long daysLeft, Basis basis) {

        static RunOut of(RunOutModel.Forecast f, LocalDate day) {
            RunOutModel.Basis b = f.basis();
            return new RunOut(f.lastDelivery(), round(f.lastKg(), 2), round(f.kgPerDay(), 3), round(f.kgPerDayNow(), 3),
                    f.runOut(), f.earliest(), f.latest(), ChronoUnit.DAYS.between(day, f.runOut()),
                    new Basis(b.intervals(), b.from(), b.to(), b.method(),
                            b.priorKgPerDay() == null ? null : round(b.priorKgPerDay(), 2), round(b.seasonalFactor(), 3)));
        }
    }

    /** What one forecast is based on: intervals between delivery days from..to, the method, the prior used. */
    public record Basis(int intervals, LocalDate from, LocalDate to, String method, BigDecimal priorKgPerDay,
                        BigDecimal seasonalFactor) {
    }

    /** Seasonal factors by month ("1".."12"), or none when the history is too short. */
    public record Season(boolean applied, int months, Map<Integer, BigDecimal> factors) {
    }

    @Schema(name = "RunOutPage")
    public record Page(LocalDate date, int withinDays, String area, Season season, List<Item> items, int page, int size,
                       long total) {
    }

    /**
     * The history statement with its holes: where the customers come from (1), which of them
     * count (2), and which of their latest deliveries (3).
     */
    private static final String HISTORY_OF = """
            WITH RECURSIVE %1$s
            recent AS (
                SELECT c.c AS customer_id, r.id, r.delivery_date, r.delivered_at, r.area
                FROM customers c
                CROSS JOIN LATERAL (
                    (SELECT id, delivered_at, delivery_date, area FROM delivery.delivery
                     WHERE customer_id = c.c AND delivery_date <= :day
                     ORDER BY delivered_at DESC, id DESC LIMIT :depth)
                    UNION ALL
                    (SELECT id, delivered_at, delivery_date, area FROM delivery.delivery_archive
                     WHERE customer_id = c.c AND delivery_date <= :day
                     ORDER BY delivered_at DESC, id DESC LIMIT :depth)
                    ORDER BY delivered_at DESC, id DESC LIMIT :depth) r
                %2$s),
            latest AS (
                SELECT DISTINCT ON (customer_id) customer_id, area, delivery_date
                FROM recent ORDER BY customer_id, delivered_at DESC, id DESC),
            days AS (
                SELECT r.customer_id, r.delivery_date,
                       sum(CASE WHEN p.kind = 'FLOW' THEN i.quantity ELSE i.quantity * p.size_kg END) AS kg
                FROM recent r
                JOIN delivery.all_delivery_items i ON i.delivery_id = r.id
                JOIN delivery.product p ON p.code = i.product_code
                GROUP BY r.customer_id, r.delivery_date
                HAVING sum(CASE WHEN p.kind = 'FLOW' THEN i.quantity ELSE i.quantity * p.size_kg END) > 0)
            SELECT d.customer_id, l.area,
                   array_agg(d.delivery_date ORDER BY d.delivery_date)::text,
                   array_agg(d.kg ORDER BY d.delivery_date)::text
            FROM days d JOIN latest l ON l.customer_id = d.customer_id
            %3$s
            GROUP BY d.customer_id, l.area""";

    /**
     * Every customer with a delivery (live or archived; found by skipping through the customer
     * indexes), without an open order — the office has already heard from them
     * (orders_open_customer_idx, whose predicate the list must match, so it is written out, from
     * OrderAction.OPEN) — delivered to since {@code :activeSince}, in {@code :area} when given.
     */
    public static final String HISTORY = HISTORY_OF.formatted("""
            live(c) AS (
                SELECT min(customer_id) FROM delivery.delivery
                UNION ALL
                SELECT (SELECT min(customer_id) FROM delivery.delivery WHERE customer_id > live.c)
                FROM live WHERE live.c IS NOT NULL),
            archived(c) AS (
                SELECT min(customer_id) FROM delivery.delivery_archive
                UNION ALL
                SELECT (SELECT min(customer_id) FROM delivery.delivery_archive WHERE customer_id > archived.c)
                FROM archived WHERE archived.c IS NOT NULL),
            customers AS (
                SELECT c FROM live WHERE c IS NOT NULL
                UNION
                SELECT c FROM archived WHERE c IS NOT NULL),""",
            "WHERE NOT EXISTS (SELECT 1 FROM delivery.orders o WHERE o.customer_id = c.c AND o.status IN (%s))"
                    .formatted(OrderAction.openSqlList()),
            "WHERE l.delivery_date > :activeSince AND (CAST(:area AS text) IS NULL OR l.area = :area)");

    /**
     * One customer's history, whatever its orders and however long ago its last delivery: the
     * customer card shows the expected run-out next to the open orders and the last deliveries.
     */
    public static final String HISTORY_OF_ONE = HISTORY_OF.formatted(
            "customers AS (SELECT CAST(:customer AS bigint) AS c),", "", "");

    final EntityManager em;
    final ForecastConfig config;
    final SeasonFactors seasons;
    final CustomerProfiles customers;

    RunOutForecast(EntityManager em, ForecastConfig config, SeasonFactors seasons, CustomerProfiles customers) {
        this.em = em;
        this.config = config;
        this.seasons = seasons;
        this.customers = customers;
    }

    /** Customers whose expected run-out date is on or before {@code day + within}, soonest first. */
    @SuppressWarnings("unchecked")
    public Page list(LocalDate day, int within, String area, int page, int size) {
        double[] season = seasons.of(day);
        int intervals = config.intervals();
        int minIntervals = config.minIntervals();
        RunOutModel model = new RunOutModel(intervals, minIntervals);
        // Planned for the values at hand every time: after five runs PostgreSQL would otherwise
        // switch to a generic plan of this statement that took 2–3 s instead of 0.15 s (bench/reports).
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> {
            em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
            return em.createNativeQuery(HISTORY)
                    .setParameter("day", day).setParameter("depth", intervals + 1)
                    .setParameter("activeSince", day.minusDays(config.activeDays())).setParameter("area", area)
                    .getResultList();
        });
        // thin histories need the client list's average daily use before their date can be known
        Map<Long, List<RunOutModel.Day>> histories = new HashMap<>();
        Map<Long, String> areas = new HashMap<>();
        Set<Long> thin = new LinkedHashSet<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            List<RunOutModel.Day> days = days((String) r[2], (String) r[3]);
            histories.put(id, days);
            areas.put(id, (String) r[1]);
            if (days.size() - 1 < minIntervals) {
                thin.add(id);
            }
        }
        Map<Long, CustomerClient.Profile> profiles = customers.of(thin);
        LocalDate horizon = day.plusDays(within);
        List<Long> due = new ArrayList<>();
        Map<Long, RunOutModel.Forecast> forecasts = new HashMap<>();
        histories.forEach((id, days) -> {
            CustomerClient.Profile profile = profiles.get(id);
            Double prior = profile == null || profile.avgDailyUseKg() == null ? null : profile.avgDailyUseKg().doubleValue();
            RunOutModel.Forecast forecast = model.forecast(days, season, prior);
            if (forecast != null && !forecast.runOut().isAfter(horizon)) {
                forecasts.put(id, forecast);
                due.add(id);
            }
        });
        profiles.putAll(customers.of(due));
        List<Item> items = new ArrayList<>();
        for (Long id : due) {
            CustomerClient.Profile p = profiles.get(id);
            if (p == null || !p.active() || p.terminated()) {
                continue;
            }
            items.add(Item.of(id, p, areas.get(id), RunOut.of(forecasts.get(id), day)));
        }
        items.sort(Comparator.comparing(Item::expectedRunOut).thenComparing(Item::customerId));
        int from = Math.min(items.size(), page * size);
        int to = Math.min(items.size(), from + size);
        Map<Integer, BigDecimal> factors = new java.util.TreeMap<>();
        boolean applied = false;
        for (int m = 0; m < 12; m++) {
            factors.put(m + 1, round(season[m], 3));
            applied |= season[m] != 1.0;
        }
        return new Page(day, within, area, new Season(applied, config.seasonMonths(), applied ? factors : Map.of()),
                List.copyOf(items.subList(from, to)), page, size, items.size());
    }

    /**
     * {@code customerId}'s expected run-out on {@code day} ({@link #HISTORY_OF_ONE}: open orders and
     * the last delivery's age do not matter here), or null when the history says nothing: no
     * delivery, or one delivery and no average daily use to go on.
     *
     * @param avgDailyUseKg the client list's average daily use, the prior for a thin history; null when unknown
     */
    @SuppressWarnings("unchecked")
    public RunOut of(long customerId, LocalDate day, BigDecimal avgDailyUseKg) {
        List<Object[]> rows = em.createNativeQuery(HISTORY_OF_ONE).setParameter("customer", customerId)
                .setParameter("day", day).setParameter("depth", config.intervals() + 1).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        RunOutModel.Forecast forecast = new RunOutModel(config.intervals(), config.minIntervals())
                .forecast(days((String) r[2], (String) r[3]), seasons.of(day),
                        avgDailyUseKg == null ? null : avgDailyUseKg.doubleValue());
        return forecast == null ? null : RunOut.of(forecast, day);
    }

    /** PostgreSQL arrays as text ({2026-01-01,2026-01-11}, {40.00,20.00}) into delivery days. */
    static List<RunOutModel.Day> days(String dates, String kgs) {
        String[] d = dates.substring(1, dates.length() - 1).split(",");
        String[] k = kgs.substring(1, kgs.length() - 1).split(",");
        List<RunOutModel.Day> days = new ArrayList<>(d.length);
        for (int i = 0; i < d.length; i++) {
            days.add(new RunOutModel.Day(LocalDate.parse(d[i]), Double.parseDouble(k[i])));
        }
        return days;
    }

    private static BigDecimal round(double value, int scale) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
