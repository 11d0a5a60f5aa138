package com.luckygas.delivery.template;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When recurring templates become orders ({@code luckygas.templates.*}). */
@ConfigMapping(prefix = "luckygas.templates")
public interface TemplatesConfig {

    /** The daily run makes the orders of today and this many days ahead. */
    @WithDefault("7")
    int daysAhead();

    /** When the daily run starts (Taipei time). */
    @WithDefault("0 30 1 * * ?")
    String cron();
}
