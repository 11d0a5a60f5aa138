package com.luckygas.delivery.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * When a customer runs out of gas, from the days gas was delivered and how much (kg), explained.
 *
 * <p>The gas delivered on one day lasts until the next delivery, so each interval between two
 * delivery days gives a consumption rate: kg delivered at its start / days. Each rate is divided
 * by the seasonal factor of the month the interval's middle falls in (winter uses more gas), and
 * the customer's rate is the <b>median</b> of the most recent such rates — one odd interval (a
 * holiday, a delivery by a competitor) does not move it. The 20th and 80th percentiles of the
 * same rates give the range. With fewer than {@code minIntervals} intervals the client list's
 * average daily use, when known, is blended in as a prior (weighted as {@code minIntervals}
 * intervals); the range is then ±50 % of the rate.
 *
 * <p>The run-out date walks forward from the last delivery, each day consuming the rate times
 * that month's seasonal factor, until the last delivery's kg is used up. This class is pure
 * arithmetic: the service feeds it from SQL ({@link RunOutForecast}) and the back-test
 * ({@link ForecastBacktest}) replays history through the very same code.
 */
public final class RunOutModel {

    /** One delivery day: all kg delivered to the customer that day (cylinders × size, flow kg). */
    public record Day(LocalDate date, double kg) {
    }

    /** What the forecast rests on. */
    public record Basis(int intervals, LocalDate from, LocalDate to, String method, Double priorKgPerDay,
                        double seasonalFactor) {
    }

    /**
     * {@code kgPerDay}: the rate without season; {@code kgPerDayNow}: times the factor of the month
     * after the last delivery. {@code earliest}/{@code latest}: run-out at the high/low rate.
     */
    public record Forecast(LocalDate lastDelivery, double lastKg, double kgPerDay, double kgPerDayNow,
                           LocalDate runOut, LocalDate earliest, LocalDate latest, Basis basis) {
    }

    public static final String HISTORY = "HISTORY";
    public static final String HISTORY_AND_PRIOR = "HISTORY_AND_PRIOR";
    public static final String PRIOR = "PRIOR";
    public static final String SHORT_HISTORY = "SHORT_HISTORY";

    /** A rate this low would mean years without gas: the walk stops there. */
    static final int MAX_DAYS = 730;

    private final int maxIntervals;
    private final int minIntervals;

    public RunOutModel(int maxIntervals, int minIntervals) {
        this.maxIntervals = maxIntervals;
        this.minIntervals = minIntervals;
    }

    /**
     * The forecast after the last of {@code days} (ascending dates, each date once, kg > 0), or
     * null when there is nothing to go on: one delivery and no prior.
     *
     * @param season month (1..12) → factor; all 1.0 when no season is applied
     * @param prior  the client list's average daily use in kg, or null
     */
    public Forecast forecast(List<Day> days, double[] season, Double prior) {
        if (days.isEmpty()) {
            return null;
        }
        int first = Math.max(1, days.size() - maxIntervals);
        int n = days.size() - first;
        double[] rates = new double[n];
        for (int i = first; i < days.size(); i++) {
            Day start = days.get(i - 1);
            long length = ChronoUnit.DAYS.between(start.date(), days.get(i).date());
            LocalDate middle = start.date().plusDays(length / 2);
            rates[i - first] = start.kg() / length / season[middle.getMonthValue() - 1];
        }
        Arrays.sort(rates);
        boolean usePrior = prior != null && prior > 0 && n < minIntervals;
        double rate;
        double low;
        double high;
        String method;
        if (n >= minIntervals) {
            rate = percentile(rates, 0.5);
            low = percentile(rates, 0.2);
            high = percentile(rates, 0.8);
            method = HISTORY;
        } else if (usePrior) {
            rate = n == 0 ? prior : (n * percentile(rates, 0.5) + minIntervals * prior) / (n + minIntervals);
            low = rate / 1.5;
            high = rate * 1.5;
            method = n == 0 ? PRIOR : HISTORY_AND_PRIOR;
        } else if (n > 0) {
            rate = percentile(rates, 0.5);
            low = Math.min(rates[0], rate / 1.5);
            high = Math.max(rates[n - 1], rate * 1.5);
            method = SHORT_HISTORY;
        } else {
            return null;
        }
        Day last = days.get(days.size() - 1);
        LocalDate runOut = walk(last, rate, season);
        LocalDate earliest = walk(last, high, season);
        LocalDate latest = walk(last, low, season);
        double factorNow = season[last.date().plusDays(1).getMonthValue() - 1];
        LocalDate from = n == 0 ? last.date() : days.get(first - 1).date();
        return new Forecast(last.date(), last.kg(), rate, rate * factorNow, runOut, earliest, latest,
                new Basis(n, from, last.date(), method, usePrior ? prior : null, factorNow));
    }

    /** The first day on which the gas delivered on {@code last} is used up at {@code rate} (seasonal). */
    static LocalDate walk(Day last, double rate, double[] season) {
        if (rate <= 0) {
            return last.date().plusDays(MAX_DAYS);
        }
        double left = last.kg();
        LocalDate day = last.date();
        for (int i = 0; i < MAX_DAYS; i++) {
            left -= rate * season[day.getMonthValue() - 1];
            day = day.plusDays(1);
            // a hair of tolerance so that 40 kg at 4 kg/day is 10 days, not 11 by rounding
            if (left <= 1e-9) {
                return day;
            }
        }
        return day;
    }

    /** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /** No seasonal adjustment. */
    public static double[] noSeason() {
        double[] flat = new double[12];
        Arrays.fill(flat, 1.0);
        return flat;
    }

    /**
     * Seasonal factors from kg delivered per month (all customers), by ratio to a moving average:
     * over the {@code months} complete months before {@code asOf}, each month's kg per day is
     * divided by the centred 12-month average around it (which takes out growth or shrinkage of
     * the customer base), and each calendar month's factor is the mean of its ratios, scaled so
     * that the twelve average 1; clamped to 0.5..2. Flat (all 1.0) unless every calendar month has
     * a ratio — less than two years of deliveries says nothing about winter.
     */
    public static double[] season(Map<YearMonth, Double> kgByMonth, YearMonth asOf, int months) {
        double[] perDay = new double[months];
        YearMonth first = asOf.minusMonths(months);
        for (int t = 0; t < months; t++) {
            YearMonth month = first.plusMonths(t);
            Double kg = kgByMonth.get(month);
            perDay[t] = kg == null ? 0 : kg / month.lengthOfMonth();
        }
        double[] sum = new double[12];
        int[] count = new int[12];
        for (int t = 6; t + 6 < months; t++) {
            double average = 0;
            boolean complete = true;
            for (int k = -6; k <= 6; k++) {
                complete &= perDay[t + k] > 0;
                average += perDay[t + k] * (Math.abs(k) == 6 ? 0.5 : 1.0);
            }
            if (complete) {
                int m = first.plusMonths(t).getMonthValue() - 1;
                sum[m] += perDay[t] / (average / 12);
                count[m]++;
            }
        }
        double[] factors = noSeason();
        double mean = 0;
        for (int m = 0; m < 12; m++) {
            if (count[m] == 0) {
                return factors;
            }
            mean += sum[m] / count[m] / 12;
        }
        for (int m = 0; m < 12; m++) {
            factors[m] = Math.max(0.5, Math.min(2.0, sum[m] / count[m] / mean));
        }
        return factors;
    }
}
