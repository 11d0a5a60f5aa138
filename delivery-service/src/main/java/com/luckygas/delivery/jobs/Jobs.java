package com.luckygas.delivery.jobs;

import com.luckygas.delivery.history.Archiver;
import com.luckygas.delivery.notification.NotificationSender;
import com.luckygas.delivery.report.MonthlyReport;
import com.luckygas.delivery.template.TemplateGenerator;
import com.luckygas.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.jboss.logging.Logger;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What each job does, whoever starts it: the in-service schedule (ScheduledJobs), Cloud Scheduler's
 * call or an ADMIN ({@code POST /api/jobs/<job>}), or the older by-hand endpoints. Every run is
 * recorded (JobRuns). All four are safe to run twice, at once, or late: recurring orders cover
 * today and the days ahead whole (one order per template and day), archival moves batch by batch,
 * the report refresh rebuilds the views, the outbox claims its messages (SKIP LOCKED).
 */
@ApplicationScoped
public class Jobs {

    /** Who started a run, as job_status.last_trigger says it. */
    public static final String SCHEDULE = "schedule";

    private static final Logger LOG = Logger.getLogger(Jobs.class);

    final JobRuns runs;
    final Clock clock;
    final TemplateGenerator generator;
    final Archiver archiver;
    final MonthlyReport monthly;
    final NotificationSender sender;

    Jobs(JobRuns runs, Clock clock, TemplateGenerator generator, Archiver archiver, MonthlyReport monthly,
         NotificationSender sender) {
        this.runs = runs;
        this.clock = clock;
        this.generator = generator;
        this.archiver = archiver;
        this.monthly = monthly;
        this.sender = sender;
    }

    /** The trigger of a run a caller asked for: Cloud Scheduler's account, or "hand:" and the user. */
    public static String by(SecurityIdentity caller) {
        String name = caller.getPrincipal().getName();
        return caller.hasRole(Roles.SCHEDULER) ? "scheduler:" + name : "hand:" + name;
    }

    public JobRun run(Job job, String trigger) {
        return switch (job) {
            case RECURRING_ORDERS -> runs.run(job, trigger, this::recurringOrders);
            case ARCHIVAL -> runs.run(job, trigger, () -> {
                long moved = archiver.archive();
                return new JobRuns.Outcome(moved, moved + " deliveries moved to the archive");
            });
            case REPORT_REFRESH -> runs.run(job, trigger, () -> {
                monthly.refresh();
                return new JobRuns.Outcome(0, "monthly report views refreshed");
            });
            case SMS_OUTBOX -> runs.run(job, trigger, () -> {
                int sent = sender.sendDue();
                return new JobRuns.Outcome(sent, sent + " SMS sent");
            });
        };
    }

    /** Recurring orders for today and {@code days} days ahead (the by-hand endpoint's own window). */
    public JobRun recurringOrders(String trigger, int days) {
        return runs.run(Job.RECURRING_ORDERS, trigger, () -> generated(generator.fromToday(days)));
    }

    /**
     * The daily run, which covers today and the days ahead whole; days before today that no run covered (more
     * nights missed than days ahead) are gone by: their orders are not made, and the run says so.
     */
    private JobRuns.Outcome recurringOrders() {
        Optional<LocalDate> coveredThrough = runs.lastSucceeded(Job.RECURRING_ORDERS)
                .map(at -> at.atZoneSameInstant(clock.getZone()).toLocalDate().plusDays(generator.daysAhead()));
        TemplateGenerator.Generation generation = generator.generateDaily();
        JobRuns.Outcome outcome = generated(generation);
        if (coveredThrough.isPresent() && coveredThrough.get().plusDays(1).isBefore(generation.from())) {
            String gone = coveredThrough.get().plusDays(1) + ".." + generation.from().minusDays(1);
            LOG.errorf("Recurring orders: no run covered %s; those days are gone by and their recurring orders were not made", gone);
            outcome = new JobRuns.Outcome(outcome.count(), outcome.detail()
                    + "; no run covered " + gone + " (gone by: their recurring orders were not made)");
        }
        return outcome;
    }

    private static JobRuns.Outcome generated(TemplateGenerator.Generation generation) {
        return new JobRuns.Outcome(generation.created(), generation.detail());
    }
}
