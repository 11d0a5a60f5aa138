package com.luckygas.delivery;

import jakarta.persistence.Query;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * Hibernate logs slow selects (quarkus.hibernate-orm.log.queries-slower-than-ms) but not native
 * updates: its native mutation path calls the JDBC statement without timing it. Native updates
 * (archival batches, report refresh, batch assignment, the SMS outbox) go through
 * {@link #executeUpdate(Query)}, which logs them the same way, to the same logger, past the same
 * threshold.
 */
public final class SlowStatementLog {

    private static final Logger LOG = Logger.getLogger("org.hibernate.SQL_SLOW");
    private static volatile Long thresholdMs;

    private SlowStatementLog() {
    }

    public static int executeUpdate(Query query) {
        long start = System.nanoTime();
        int rows = query.executeUpdate();
        long ms = (System.nanoTime() - start) / 1_000_000;
        long threshold = threshold();
        if (threshold > 0 && ms >= threshold) {
            LOG.infof("Slow query took %d milliseconds [%s]", ms, query.unwrap(NativeQuery.class).getQueryString());
        }
        return rows;
    }

    private static long threshold() {
        Long value = thresholdMs;
        if (value == null) {
            value = ConfigProvider.getConfig().getOptionalValue("quarkus.hibernate-orm.log.queries-slower-than-ms", Long.class)
                    .orElse(0L);
            thresholdMs = value;
        }
        return value;
    }
}
