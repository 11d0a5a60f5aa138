package com.luckygas.delivery.forecast;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the delivery history through the run-out forecast: at each past delivery day of each
 * customer, the forecast made from what was known that day ({@link RunOutModel}, the service's own
 * code, with seasonal factors from the 36 months before that month) is compared with the day of
 * the real next delivery; so is the naive forecast "the last interval again". Prints the absolute
 * error in days (median, p90), the bias, and how often the next delivery fell inside the range.
 * The client list's average daily use is not read (it lives in customer-service): thin histories
 * are forecast from history alone, so the figures are for the history-based part.
 *
 * <pre>delivery-service/bench/backtest [jdbc-url [user]]   (password from PGPASSWORD)</pre>
 * Reads only (one pass over all_deliveries / all_delivery_items, streamed).
 */
public final class ForecastBacktest {

    static final String DAYS = """
            SELECT d.customer_id, d.delivery_date,
                   sum(CASE WHEN p.kind = 'FLOW' THEN i.quantity ELSE i.quantity * p.size_kg END)::float8
            FROM delivery.all_deliveries d
            JOIN delivery.all_delivery_items i ON i.delivery_id = d.id
            JOIN delivery.product p ON p.code = i.product_code
            GROUP BY 1, 2
            HAVING sum(CASE WHEN p.kind = 'FLOW' THEN i.quantity ELSE i.quantity * p.size_kg END) > 0
            ORDER BY 1, 2""";

    static final String KG_BY_MONTH = """
            SELECT date_trunc('month', d.delivery_date)::date,
                   sum(CASE WHEN p.kind = 'FLOW' THEN i.quantity ELSE i.quantity * p.size_kg END)::float8
            FROM delivery.all_deliveries d
            JOIN delivery.all_delivery_items i ON i.delivery_id = d.id
            JOIN delivery.product p ON p.code = i.product_code
            GROUP BY 1""";

    /** Errors in days of one way of forecasting, over all prediction points. */
    static final class Errors {
        final String name;
        int[] errors = new int[1024];
        long signed;
        int n;
        int inRange;

        Errors(String name) {
            this.name = name;
        }

        void add(LocalDate predicted, LocalDate actual) {
            int error = (int) ChronoUnit.DAYS.between(actual, predicted);
            if (n == errors.length) {
                errors = Arrays.copyOf(errors, n * 2);
            }
            errors[n++] = Math.abs(error);
            signed += error;
        }

        String row() {
            int[] sorted = Arrays.copyOf(errors, n);
            Arrays.sort(sorted);
            return String.format("| %-44s | %9d | %6d | %6d | %6.1f | %+6.2f | %s |", name, n, n == 0 ? 0 : sorted[n / 2],
                    n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1)],
                    n == 0 ? 0 : Arrays.stream(sorted).average().orElse(0), n == 0 ? 0 : (double) signed / n,
                    inRange < 0 ? "-" : String.format("%.0f %%", n == 0 ? 0 : 100.0 * inRange / n));
        }
    }

    public static void main(String[] args) throws SQLException {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://localhost:5432/luckygas";
        String user = args.length > 1 ? args[1] : System.getProperty("user.name");
        int intervals = Integer.getInteger("intervals", 8);
        int minIntervals = Integer.getInteger("minIntervals", 3);
        int seasonMonths = Integer.getInteger("seasonMonths", 36);
        LocalDate since = LocalDate.parse(System.getProperty("since", "1900-01-01"));
        long start = System.nanoTime();
        RunOutModel model = new RunOutModel(intervals, minIntervals);
        Errors forecast = new Errors("forecast (median of recent rates, seasonal)");
        Errors flat = new Errors("forecast without seasonal factors");
        Errors naive = new Errors("naive: last interval repeated");
        Errors history = new Errors("forecast, customers with >= " + minIntervals + " intervals");
        naive.inRange = -1;
        flat.inRange = -1;
        try (Connection c = DriverManager.getConnection(url, user, System.getenv("PGPASSWORD"))) {
            c.setAutoCommit(false);
            Map<YearMonth, Double> kgByMonth = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(KG_BY_MONTH); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    kgByMonth.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getDouble(2));
                }
            }
            Map<YearMonth, double[]> seasons = new HashMap<>();
            double[] noSeason = RunOutModel.noSeason();
            long customers = 0;
            try (PreparedStatement s = c.prepareStatement(DAYS)) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    long current = Long.MIN_VALUE;
                    List<RunOutModel.Day> days = new ArrayList<>();
                    while (true) {
                        boolean more = rs.next();
                        long customer = more ? rs.getLong(1) : Long.MAX_VALUE;
                        if (customer != current) {
                            replay(days, model, kgByMonth, seasons, noSeason, seasonMonths, since, forecast, flat, naive, history,
                                    minIntervals);
                            days.clear();
                            current = customer;
                            customers++;
                        }
                        if (!more) {
                            break;
                        }
                        days.add(new RunOutModel.Day(rs.getDate(2).toLocalDate(), rs.getDouble(3)));
                    }
                }
            }
            System.out.printf("Back-test of the run-out forecast: %d customers, predictions made at each delivery day since %s "
                    + "(intervals=%d, min-intervals=%d, season from %d months), %.1f s%n%n", customers - 1, since, intervals,
                    minIntervals, seasonMonths, (System.nanoTime() - start) / 1e9);
        }
        System.out.println("| forecast | predictions | median abs error, days | p90 | mean | bias (+ late) | next delivery in range |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (Errors e : List.of(forecast, history, flat, naive)) {
            System.out.println(e.row());
        }
    }

    /**
     * At day k (k ≥ 1, so that the naive forecast exists too) with a next day k+1: forecast from
     * days 0..k, compare with day k+1.
     */
    static void replay(List<RunOutModel.Day> days, RunOutModel model, Map<YearMonth, Double> kgByMonth,
                       Map<YearMonth, double[]> seasons, double[] noSeason, int seasonMonths, LocalDate since,
                       Errors forecast, Errors flat, Errors naive, Errors history, int minIntervals) {
        for (int k = 1; k + 1 < days.size(); k++) {
            LocalDate at = days.get(k).date();
            if (at.isBefore(since)) {
                continue;
            }
            LocalDate actual = days.get(k + 1).date();
            List<RunOutModel.Day> known = days.subList(0, k + 1);
            double[] season = seasons.computeIfAbsent(YearMonth.from(at),
                    m -> RunOutModel.season(kgByMonth, m, seasonMonths));
            RunOutModel.Forecast f = model.forecast(known, season, null);
            forecast.add(f.runOut(), actual);
            if (!actual.isBefore(f.earliest()) && !actual.isAfter(f.latest())) {
                forecast.inRange++;
            }
            if (f.basis().intervals() >= minIntervals) {
                history.add(f.runOut(), actual);
                if (!actual.isBefore(f.earliest()) && !actual.isAfter(f.latest())) {
                    history.inRange++;
                }
            }
            flat.add(model.forecast(known, noSeason, null).runOut(), actual);
            naive.add(at.plusDays(ChronoUnit.DAYS.between(days.get(k - 1).date(), at)), actual);
        }
    }
}
