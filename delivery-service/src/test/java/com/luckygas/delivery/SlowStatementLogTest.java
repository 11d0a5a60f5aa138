package com.luckygas.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A statement slower than the threshold (100 ms) is logged with its SQL, whether it is a native
 * query or a native update (through {@link SlowStatementLog}, which every native update of the
 * service uses, since Hibernate does not time those).
 * The statements sleep 150 ms in PostgreSQL, so they are slow on any machine.
 */
@QuarkusTest
class SlowStatementLogTest {

    @Inject
    EntityManager em;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger slowLog = Logger.getLogger("org.hibernate.SQL_SLOW");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        slowLog.addHandler(capture);
    }

    @AfterEach
    void stop() {
        slowLog.removeHandler(capture);
    }

    @Test
    void aSlowNativeQueryIsLoggedWithItsSql() {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("SELECT pg_sleep(0.15) AS slow_query_marker").getSingleResult());
        assertTrue(logged.stream().anyMatch(m -> m.contains("slow_query_marker")), "not logged: " + logged);
    }

    @Test
    void aSlowNativeUpdateIsLoggedWithItsSql() {
        // as the archival, refresh, assignment and outbox statements run
        QuarkusTransaction.requiringNew().run(() -> SlowStatementLog.executeUpdate(em.createNativeQuery(
                "UPDATE delivery.report_refresh SET refreshed_at = refreshed_at WHERE view_name = "
                        + "(SELECT 'slow_update_marker' FROM pg_sleep(0.15))")));
        assertTrue(logged.stream().anyMatch(m -> m.contains("slow_update_marker")), "not logged: " + logged);
    }
}
