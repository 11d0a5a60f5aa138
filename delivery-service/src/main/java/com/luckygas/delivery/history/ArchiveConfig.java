package com.luckygas.delivery.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When deliveries move to the archive ({@code luckygas.archive.*}, docs/adr/0005). */
@ConfigMapping(prefix = "luckygas.archive")
public interface ArchiveConfig {

    /** Deliveries older than this many months move (the importer archives with the same figure). */
    @WithDefault("6")
    int keepMonths();

    /** Deliveries moved per statement (and transaction). */
    @WithDefault("5000")
    int batchSize();

    /** When the daily move runs (Taipei time). */
    @WithDefault("0 0 3 * * ?")
    String cron();
}
