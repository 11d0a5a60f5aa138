package com.luckygas.delivery;

import com.luckygas.delivery.forecast.RunOutModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.luckygas.delivery.forecast.RunOutModel.Day;
import com.luckygas.delivery.forecast.RunOutModel.Forecast;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forecast's arithmetic on small histories whose answers can be worked out by hand. */
class RunOutModelTest {

    private static final double[] FLAT = RunOutModel.noSeason();
    private final RunOutModel model = new RunOutModel(8, 3);

    private static Day day(String date, double kg) {
        return new Day(LocalDate.parse(date), kg);
    }

    @Test
    void regularDeliveriesGiveTheirRateAndTheNextDateExactly() {
        // 20 kg every 10 days: 2 kg a day, the 20 kg of June 5 last until June 15
        Forecast f = model.forecast(List.of(day("2031-05-06", 20), day("2031-05-16", 20), day("2031-05-26", 20),
                day("2031-06-05", 20)), FLAT, null);
        assertEquals(2.0, f.kgPerDay());
        assertEquals(LocalDate.parse("2031-06-15"), f.runOut());
        assertEquals(LocalDate.parse("2031-06-15"), f.earliest());
        assertEquals(LocalDate.parse("2031-06-15"), f.latest());
        assertEquals(3, f.basis().intervals());
        assertEquals(LocalDate.parse("2031-05-06"), f.basis().from());
        assertEquals(RunOutModel.HISTORY, f.basis().method());
        assertNull(f.basis().priorKgPerDay());
    }

    @Test
    void oneLongIntervalDoesNotMoveTheMedianButWidensTheRange() {
        // rates 2, 2, 2 and 1 (a 20-day gap): median 2; 20th percentile 1 + 0.6 × (2 − 1) = 1.6; 80th 2
        Forecast f = model.forecast(List.of(day("2031-04-21", 20), day("2031-05-01", 20), day("2031-05-11", 20),
                day("2031-05-21", 20), day("2031-06-10", 20)), FLAT, null);
        assertEquals(2.0, f.kgPerDay());
        assertEquals(LocalDate.parse("2031-06-20"), f.runOut());
        assertEquals(LocalDate.parse("2031-06-20"), f.earliest());
        // 20 kg at 1.6 kg a day: 12.5 days, so gone on the 13th day
        assertEquals(LocalDate.parse("2031-06-23"), f.latest());
    }

    @Test
    void onlyTheMostRecentIntervalsCount() {
        RunOutModel lastTwo = new RunOutModel(2, 1);
        // an old 1 kg/day interval, then two at 4 kg/day: only the last two are used
        Forecast f = lastTwo.forecast(List.of(day("2031-01-01", 10), day("2031-01-11", 40), day("2031-01-21", 40),
                day("2031-01-31", 40)), FLAT, null);
        assertEquals(4.0, f.kgPerDay());
        assertEquals(2, f.basis().intervals());
        assertEquals(LocalDate.parse("2031-01-11"), f.basis().from());
        assertEquals(LocalDate.parse("2031-02-10"), f.runOut());
    }

    @Test
    void aThinHistoryIsBlendedWithTheClientListsDailyUse() {
        // one interval at 2 kg/day, prior 4 kg/day weighted as 3 intervals: (2 + 3 × 4) / 4 = 3.5 kg/day
        Forecast f = model.forecast(List.of(day("2031-06-01", 20), day("2031-06-11", 35)), FLAT, 4.0);
        assertEquals(3.5, f.kgPerDay());
        assertEquals(LocalDate.parse("2031-06-21"), f.runOut());
        assertEquals(RunOutModel.HISTORY_AND_PRIOR, f.basis().method());
        assertEquals(4.0, f.basis().priorKgPerDay());
        // ±50 %: 5.25 kg/day → 6.67 days; 2.33 kg/day → 15 days
        assertEquals(LocalDate.parse("2031-06-18"), f.earliest());
        assertEquals(LocalDate.parse("2031-06-26"), f.latest());
    }

    @Test
    void oneDeliveryUsesThePriorAloneOrNothing() {
        Forecast f = model.forecast(List.of(day("2031-06-01", 20)), FLAT, 2.5);
        assertEquals(2.5, f.kgPerDay());
        assertEquals(LocalDate.parse("2031-06-09"), f.runOut());
        assertEquals(RunOutModel.PRIOR, f.basis().method());
        assertEquals(0, f.basis().intervals());
        assertNull(model.forecast(List.of(day("2031-06-01", 20)), FLAT, null));
        assertNull(model.forecast(List.of(day("2031-06-01", 20)), FLAT, 0.0));
    }

    @Test
    void aShortHistoryWithoutPriorRangesOverWhatItSaw() {
        // 16 kg lasting 8 days twice: 2 kg/day; range 2/1.5 .. 2×1.5
        Forecast f = model.forecast(List.of(day("2031-05-20", 16), day("2031-05-28", 16), day("2031-06-05", 32)), FLAT, null);
        assertEquals(2.0, f.kgPerDay());
        assertEquals(RunOutModel.SHORT_HISTORY, f.basis().method());
        assertEquals(LocalDate.parse("2031-06-21"), f.runOut());
        assertEquals(LocalDate.parse("2031-06-16"), f.earliest());
        assertEquals(LocalDate.parse("2031-06-29"), f.latest());
    }

    @Test
    void seasonalFactorsAreTakenOutOfPastRatesAndPutIntoTheFuture() {
        double[] august = RunOutModel.noSeason();
        august[7] = 2.0;
        RunOutModel two = new RunOutModel(8, 2);
        // July: 20 kg lasting 10 days twice, 2 kg/day. The 40 kg of July 26 last 6 July days
        // (12 kg), then 28 kg at 4 kg/day in August: 7 days, gone on August 8 (flat: August 15).
        Forecast f = two.forecast(List.of(day("2031-07-06", 20), day("2031-07-16", 20), day("2031-07-26", 40)), august, null);
        assertEquals(2.0, f.kgPerDay());
        assertEquals(2.0, f.kgPerDayNow());
        assertEquals(LocalDate.parse("2031-08-08"), f.runOut());
        assertEquals(LocalDate.parse("2031-08-15"), two.forecast(List.of(day("2031-07-06", 20), day("2031-07-16", 20),
                day("2031-07-26", 40)), FLAT, null).runOut());
        // August intervals: 20 kg in 5 days is 4 kg/day, i.e. 2 kg/day once August's factor is taken out
        Forecast g = two.forecast(List.of(day("2031-08-01", 20), day("2031-08-06", 20), day("2031-08-11", 20)), august, null);
        assertEquals(2.0, g.kgPerDay());
        assertEquals(4.0, g.kgPerDayNow());
        assertEquals(2.0, g.basis().seasonalFactor());
        assertEquals(LocalDate.parse("2031-08-16"), g.runOut());
    }

    @Test
    void seasonalFactorsComeFromThreeYearsOfMonthlyTotals() {
        // 36 months at 10 kg/day, Januaries at 20: every centred 12-month average is (11 × 10 + 20) / 12
        Map<YearMonth, Double> kg = new HashMap<>();
        for (YearMonth m = YearMonth.of(2028, 1); m.isBefore(YearMonth.of(2031, 1)); m = m.plusMonths(1)) {
            kg.put(m, (m.getMonthValue() == 1 ? 20.0 : 10.0) * m.lengthOfMonth());
        }
        double[] f = RunOutModel.season(kg, YearMonth.of(2031, 1), 36);
        assertEquals(20 / (130.0 / 12), f[0], 1e-9);
        assertEquals(10 / (130.0 / 12), f[6], 1e-9);
        // fewer than 24 months of deliveries: no season at all
        Map<YearMonth, Double> short_ = new HashMap<>();
        kg.entrySet().stream().filter(e -> e.getKey().getYear() == 2030).forEach(e -> short_.put(e.getKey(), e.getValue()));
        assertArrayEquals(RunOutModel.noSeason(), RunOutModel.season(short_, YearMonth.of(2031, 1), 36));
    }

    @Test
    void aGrowingCustomerBaseIsNotASeason() {
        // kg per day rising steadily by 2 % of the start each month, no season: every factor 1
        Map<YearMonth, Double> kg = new HashMap<>();
        YearMonth first = YearMonth.of(2028, 1);
        for (int t = 0; t < 36; t++) {
            YearMonth m = first.plusMonths(t);
            kg.put(m, (100.0 + 2 * t) * m.lengthOfMonth());
        }
        double[] f = RunOutModel.season(kg, YearMonth.of(2031, 1), 36);
        for (double factor : f) {
            assertEquals(1.0, factor, 1e-9);
        }
    }
}
