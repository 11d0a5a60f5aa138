package com.luckygas.delivery.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a job and records it in job_status (its own transactions, apart from the job's): started,
 * then succeeded with what it did and how long it took, or failed with why. The business clock
 * stamps the times, as it decides when a job is overdue (JobWatch).
 */
@ApplicationScoped
public class JobRuns {

    private static final Logger LOG = Logger.getLogger(JobRuns.class);
    private static final int DETAIL_MAX = 1000;

    /** What a job did: a count (orders made, deliveries moved, SMS sent) and a sentence. */
    public record Outcome(long count, String detail) {
    }

    final EntityManager em;
    final Clock clock;
    final JobWatch watch;

    JobRuns(EntityManager em, Clock clock, JobWatch watch) {
        this.em = em;
        this.clock = clock;
        this.watch = watch;
    }

    public JobRun run(Job job, String trigger, Supplier<Outcome> body) {
        OffsetDateTime started = OffsetDateTime.now(clock);
        long start = System.nanoTime();
        try {
            update("""
                    INSERT INTO delivery.job_status (job, last_started_at, last_outcome, last_trigger)
                    VALUES (:job, :at, 'RUNNING', :trigger)
                    ON CONFLICT (job) DO UPDATE SET last_started_at = :at, last_outcome = 'RUNNING', last_trigger = :trigger""",
                    job, started, Map.of("trigger", trigger));
        } catch (RuntimeException e) {
            LOG.warnf("Job not started: %s (%s): its run could not be recorded: %s", job.jobName, trigger, e.getMessage());
            throw e;
        }
        Outcome outcome;
        try {
            outcome = body.get();
        } catch (RuntimeException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.errorf(e, "Job failed: %s (%s) after %d ms: %s", job.jobName, trigger, ms, e.getMessage());
            try {
                update("""
                        UPDATE delivery.job_status SET last_outcome = 'FAILED', last_finished_at = :at, last_duration_ms = :ms,
                            last_detail = :detail, failures_in_a_row = failures_in_a_row + 1
                        WHERE job = :job""", job, OffsetDateTime.now(clock),
                        Map.of("ms", ms, "detail", cut(String.valueOf(e.getMessage()))));
            } catch (RuntimeException recording) {
                e.addSuppressed(recording); // the database is likely what failed the job: its error is the one to answer
            }
            watch.jobRan();
            throw e;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        // what the cloud's alert counts (a log-based metric): report-refresh's hourly success says the scheduler calls
        if (job == Job.SMS_OUTBOX && outcome.count() == 0) {
            LOG.debugf("Job succeeded: %s (%s) in %d ms: %s", job.jobName, trigger, ms, outcome.detail());
        } else {
            LOG.infof("Job succeeded: %s (%s) in %d ms: %s", job.jobName, trigger, ms, outcome.detail());
        }
        update("""
                UPDATE delivery.job_status SET last_outcome = 'SUCCEEDED', last_finished_at = :at, last_succeeded_at = :at,
                    last_duration_ms = :ms, last_detail = :detail, failures_in_a_row = 0
                WHERE job = :job""", job, OffsetDateTime.now(clock), Map.of("ms", ms, "detail", cut(outcome.detail())));
        watch.jobRan();
        return new JobRun(job.jobName, trigger, started, ms, outcome.count(), outcome.detail());
    }

    /** When the job last succeeded (by the business clock), if it ever did. */
    public Optional<OffsetDateTime> lastSucceeded(Job job) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT last_succeeded_at FROM delivery.job_status WHERE job = :job", OffsetDateTime.class)
                .setParameter("job", job.jobName).getResultList().stream().filter(java.util.Objects::nonNull)
                .map(OffsetDateTime.class::cast).findFirst());
    }

    private void update(String sql, Job job, OffsetDateTime at, Map<String, Object> more) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql).setParameter("job", job.jobName).setParameter("at", at);
            more.forEach(query::setParameter);
            query.executeUpdate();
        });
    }

    private static String cut(String text) {
        return text == null || text.length() <= DETAIL_MAX ? text : text.substring(0, DETAIL_MAX - 1) + "…";
    }
}
