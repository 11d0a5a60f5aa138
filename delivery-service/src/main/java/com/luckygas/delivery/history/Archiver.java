package com.luckygas.delivery.history;

import com.luckygas.delivery.SlowStatementLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Moves deliveries older than {@link ArchiveConfig#keepMonths()} (and their items) from the live
 * tables to the archive (docs/adr/0005). Each batch is one statement in its own transaction that
 * copies and deletes the same rows, so the job can be stopped at any moment and run again — even
 * twice at once (SKIP LOCKED) — without losing or doubling a row.
 */
@ApplicationScoped
public class Archiver {

    private static final Logger LOG = Logger.getLogger(Archiver.class);

    static final String MOVE_BATCH = """
            WITH batch AS (
                SELECT id FROM delivery.delivery WHERE delivery_date < :cutoff
                ORDER BY delivery_date, id LIMIT :batch FOR UPDATE SKIP LOCKED),
            items AS (
                DELETE FROM delivery.delivery_item WHERE delivery_id IN (SELECT id FROM batch) RETURNING *),
            archived_items AS (
                INSERT INTO delivery.delivery_item_archive SELECT * FROM items),
            moved AS (
                DELETE FROM delivery.delivery WHERE id IN (SELECT id FROM batch) RETURNING *)
            INSERT INTO delivery.delivery_archive SELECT * FROM moved""";

    final int keepMonths;
    final int batchSize;
    final EntityManager em;
    final Clock clock;

    Archiver(ArchiveConfig config, EntityManager em, Clock clock) {
        this.keepMonths = config.keepMonths();
        this.batchSize = config.batchSize();
        this.em = em;
        this.clock = clock;
    }

    /** Archives everything older than the working window; returns how many deliveries moved. */
    public long archive() {
        return archiveBefore(LocalDate.now(clock).minusMonths(keepMonths));
    }

    public long archiveBefore(LocalDate cutoff) {
        long start = System.nanoTime();
        long total = 0;
        int moved;
        do {
            moved = moveBatch(cutoff);
            total += moved;
        } while (moved == batchSize);
        if (total > 0) {
            LOG.infof("Archived %d deliveries older than %s in %d ms", total, cutoff, (System.nanoTime() - start) / 1_000_000);
        }
        return total;
    }

    /** One batch, in its own transaction: the unit the job can be interrupted between. */
    public int moveBatch(LocalDate cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> SlowStatementLog.executeUpdate(em.createNativeQuery(MOVE_BATCH)
                .setParameter("cutoff", cutoff).setParameter("batch", batchSize)));
    }
}
