package com.luckygas.delivery.jobs;

import com.luckygas.delivery.Rows;
import com.luckygas.delivery.template.OrderTemplate;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Watches that the work no one sees gets done: a job that has not succeeded within its period
 * (overdue), today's recurring orders not made by {@code luckygas.jobs.recurring-orders.due-by}
 * (06:00), SMS undelivered for more than {@code luckygas.jobs.sms-undelivered-after} (30 minutes).
 * Shown by {@code GET /api/jobs}, {@code /q/health/well} (JobsHealth) and as metrics
 * ({@code luckygas_job_overdue{job}}, {@code luckygas_job_last_success_age_seconds{job}},
 * {@code luckygas_recurring_orders_missing}, {@code luckygas_sms_undelivered}, from the last check);
 * while something is wrong, an ERROR line says so every {@code luckygas.jobs.log-every} (the cloud's
 * log-based alerts read them: deploy/gcp/alerts).
 */
@ApplicationScoped
@Startup
public class JobWatch {

    private static final Logger LOG = Logger.getLogger(JobWatch.class);
    /** "No successful run yet": every template counts. */
    private static final OffsetDateTime NEVER = OffsetDateTime.parse("9999-12-31T00:00:00Z");

    /** One job's state: its last run and whether it is overdue (no success within {@code overdueAfter}, ISO-8601). */
    public record JobState(String job, String lastOutcome, OffsetDateTime lastStartedAt, OffsetDateTime lastFinishedAt,
                           Long lastDurationMs, String lastDetail, String lastTrigger, OffsetDateTime lastSucceededAt,
                           int failuresInARow, String overdueAfter, boolean overdue, Long secondsSinceSuccess) {
    }

    /** Everything the watch looks at, at one moment. */
    public record Check(OffsetDateTime at, List<JobState> jobs, List<Long> recurringOrdersMissing, long smsUndelivered) {
        public boolean healthy() {
            return jobs.stream().noneMatch(JobState::overdue) && recurringOrdersMissing.isEmpty() && smsUndelivered == 0;
        }
    }

    private static final Duration RECENT = Duration.ofSeconds(10);

    final EntityManager em;
    final Clock clock;
    /** Each job's period: no success for this long is overdue ({@code luckygas.jobs.<job>.overdue-after}). */
    final Map<Job, Duration> overdueAfter = new EnumMap<>(Job.class);
    final LocalTime recurringDueBy;
    final Duration smsUndeliveredAfter;
    final Duration logEvery;
    private volatile Check last;
    private volatile boolean stale;
    private volatile OffsetDateTime lastLogged;
    private volatile Set<String> lastLoggedKinds = Set.of();

    JobWatch(EntityManager em, Clock clock, Config config, MeterRegistry registry,
             @ConfigProperty(name = "luckygas.jobs.recurring-orders.due-by") LocalTime recurringDueBy,
             @ConfigProperty(name = "luckygas.jobs.sms-undelivered-after") Duration smsUndeliveredAfter,
             @ConfigProperty(name = "luckygas.jobs.log-every") Duration logEvery) {
        this.em = em;
        this.clock = clock;
        this.recurringDueBy = recurringDueBy;
        this.smsUndeliveredAfter = smsUndeliveredAfter;
        this.logEvery = logEvery;
        for (Job job : Job.values()) {
            // a job without its period is a start-up error, not a silent never-overdue
            overdueAfter.put(job, config.getValue("luckygas.jobs." + job.jobName + ".overdue-after", Duration.class));
            Gauge.builder("luckygas.job.overdue", this, w -> w.gauge(job, true)).tag("job", job.jobName)
                    .description("1 when the job has not succeeded within its period (last check)").register(registry);
            Gauge.builder("luckygas.job.last.success.age", this, w -> w.gauge(job, false)).tag("job", job.jobName)
                    .baseUnit("seconds").description("Time since the job last succeeded (last check)").register(registry);
        }
        Gauge.builder("luckygas.recurring.orders.missing", this, w -> w.last == null ? Double.NaN : w.last.recurringOrdersMissing().size())
                .description("Today's recurring orders not made after their due time (last check)").register(registry);
        Gauge.builder("luckygas.sms.undelivered", this, w -> w.last == null ? Double.NaN : w.last.smsUndelivered())
                .description("SMS waiting longer than they should (last check)").register(registry);
    }

    /** What is wrong, one sentence each, starting with its kind ("Job overdue:", …): what the ERROR lines say. */
    public List<String> problems(Check check) {
        List<String> problems = new ArrayList<>();
        check.jobs().stream().filter(JobState::overdue).forEach(j -> problems.add("Job overdue: " + j.job() + " has not succeeded "
                + (j.lastSucceededAt() == null ? "since it was set up" : "since " + j.lastSucceededAt())
                + " (its period: " + j.overdueAfter() + "; last outcome " + j.lastOutcome() + ": " + j.lastDetail() + ")"));
        if (!check.recurringOrdersMissing().isEmpty()) {
            problems.add("Recurring orders missing: " + check.recurringOrdersMissing().size() + " of today's recurring orders were "
                    + "not made (templates " + check.recurringOrdersMissing() + "); POST /api/jobs/recurring-orders makes them");
        }
        if (check.smsUndelivered() > 0) {
            problems.add("SMS undelivered: " + check.smsUndelivered() + " SMS waiting for more than " + smsUndeliveredAfter.toMinutes()
                    + " minutes or given up today (delivery.notification)");
        }
        return problems;
    }

    /** The scheduled look: refreshes the metrics, and logs what is wrong (when it changes, and every log-every). */
    @Scheduled(every = "{luckygas.jobs.watch-every}", delayed = "{luckygas.jobs.watch-delay}",
               concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void watch() {
        Check check = check();
        List<String> problems = problems(check);
        Set<String> kinds = new HashSet<>(problems.stream().map(p -> p.substring(0, p.indexOf(':'))).toList());
        boolean due = lastLogged == null || !kinds.equals(lastLoggedKinds)
                || Duration.between(lastLogged, check.at()).compareTo(logEvery) >= 0;
        if (!problems.isEmpty() && due) {
            problems.forEach(LOG::error);
            lastLogged = check.at();
        } else if (problems.isEmpty() && !lastLoggedKinds.isEmpty()) {
            LOG.info("Jobs: all well again");
            lastLogged = null;
        }
        lastLoggedKinds = kinds;
    }

    /**
     * The last look if it is recent (10 s by the business clock) and no job ran since, else a new one: for the
     * public {@code /q/health/well}, which anyone may call as often as they like.
     */
    public Check recent() {
        Check check = last;
        if (check != null && !stale && Duration.between(check.at(), OffsetDateTime.now(clock)).abs().compareTo(RECENT) < 0) {
            return check;
        }
        return check();
    }

    /** A job ran: the next look is a new one. */
    void jobRan() {
        stale = true;
    }

    /** Looks now (three small reads); needs a worker thread. */
    public Check check() {
        Check check = QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<JobState> jobs = jobs(now);
            OffsetDateTime lastRun = jobs.stream().filter(j -> j.job().equals(Job.RECURRING_ORDERS.jobName)).findFirst()
                    .map(JobState::lastSucceededAt).orElse(null);
            return new Check(now, jobs, recurringOrdersMissing(LocalDateTime.now(clock), lastRun), smsUndelivered());
        });
        last = check;
        stale = false;
        return check;
    }

    private double gauge(Job job, boolean overdue) {
        Check check = last;
        if (check == null) {
            return Double.NaN;
        }
        return check.jobs().stream().filter(j -> j.job().equals(job.jobName)).findFirst()
                .map(j -> overdue ? (j.overdue() ? 1.0 : 0.0) : j.secondsSinceSuccess() == null ? Double.NaN : j.secondsSinceSuccess())
                .orElse(Double.NaN);
    }

    @SuppressWarnings("unchecked")
    private List<JobState> jobs(OffsetDateTime now) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT job, last_outcome, last_started_at, last_finished_at, last_duration_ms, last_detail, last_trigger,
                       last_succeeded_at, failures_in_a_row, created_at
                FROM delivery.job_status ORDER BY job""").getResultList();
        List<JobState> jobs = new ArrayList<>();
        ZoneId zone = clock.getZone();
        for (Object[] r : rows) {
            Job job = Job.named((String) r[0]).orElse(null);
            if (job == null) {
                continue;
            }
            Duration period = overdueAfter.get(job);
            OffsetDateTime succeeded = Rows.time(r[7], zone);
            OffsetDateTime since = succeeded != null ? succeeded : Rows.time(r[9], zone);
            jobs.add(new JobState(job.jobName, (String) r[1], Rows.time(r[2], zone), Rows.time(r[3], zone),
                    r[4] == null ? null : ((Number) r[4]).longValue(),
                    (String) r[5], (String) r[6], succeeded, ((Number) r[8]).intValue(), period.toString(),
                    since.plus(period).isBefore(now), succeeded == null ? null : Duration.between(succeeded, now).toSeconds()));
        }
        return jobs;
    }

    /**
     * Today's recurring orders not made by their due time: templates that fall on today (the generator's own
     * rule, OrderTemplate.fallsOn), whose customer is not known to be inactive, without an order of today.
     */
    @SuppressWarnings("unchecked")
    private List<Long> recurringOrdersMissing(LocalDateTime now, OffsetDateTime lastRun) {
        if (now.toLocalTime().isBefore(recurringDueBy)) {
            return List.of();
        }
        LocalDate today = now.toLocalDate();
        // a template added or changed since the last successful run is not that run's miss (its orders come with the next)
        List<Long> ids = em.createNativeQuery("""
                SELECT id FROM delivery.order_template
                WHERE NOT paused AND customer_inactive_since IS NULL AND start_date <= :today
                  AND (end_date IS NULL OR end_date >= :today)
                  AND updated_at < :lastRun""", Long.class)
                .setParameter("today", today).setParameter("lastRun", lastRun != null ? lastRun : NEVER).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> falling = OrderTemplate.<OrderTemplate>list("id in ?1", ids).stream()
                .filter(t -> t.fallsOn(today)).map(t -> t.id).sorted().toList();
        if (falling.isEmpty()) {
            return List.of();
        }
        Set<Long> made = new HashSet<>(em.createNativeQuery("""
                SELECT template_id FROM delivery.orders WHERE requested_date = :today AND template_id IN (:ids)""", Long.class)
                .setParameter("today", today).setParameter("ids", falling).getResultList());
        return falling.stream().filter(id -> !made.contains(id)).toList();
    }

    /** SMS pending too long or given up today: the rule is SQL's ({@code delivery.sms_undelivered}, V18). */
    private long smsUndelivered() {
        return ((Number) em.createNativeQuery("SELECT delivery.sms_undelivered(make_interval(secs => :seconds))")
                .setParameter("seconds", smsUndeliveredAfter.toSeconds()).getSingleResult()).longValue();
    }
}
