package com.luckygas.delivery.forecast;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the run-out forecast reads the history ({@code luckygas.forecast.*}). */
@ConfigMapping(prefix = "luckygas.forecast")
public interface ForecastConfig {

    /** The most intervals between delivery days one forecast reads (the latest ones). */
    @WithDefault("8")
    int intervals();

    /** Fewer intervals than this and the client list's average daily use is the prior. */
    @WithDefault("3")
    int minIntervals();

    /** A customer is active when delivered within this many days. */
    @WithDefault("365")
    int activeDays();

    /** The months of history the seasonal factors are computed from. */
    @WithDefault("36")
    int seasonMonths();
}
