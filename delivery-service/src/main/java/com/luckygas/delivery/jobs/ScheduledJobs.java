package com.luckygas.delivery.jobs;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The in-service schedule: for the local stack and deployments with an instance always up. On Cloud
 * Run scaled to zero, Cloud Scheduler calls the same jobs (deploy/jobs.tsv); when both run, the
 * second run finds nothing left to do. A failed run is logged and recorded (JobRuns); the next one
 * catches up.
 */
@ApplicationScoped
public class ScheduledJobs {

    final Jobs jobs;

    ScheduledJobs(Jobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(cron = "{luckygas.templates.cron}", timeZone = "Asia/Taipei",
               concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void recurringOrders() {
        quietly(Job.RECURRING_ORDERS);
    }

    @Scheduled(cron = "{luckygas.archive.cron}", timeZone = "Asia/Taipei",
               concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void archival() {
        quietly(Job.ARCHIVAL);
    }

    @Scheduled(cron = "{luckygas.reports.refresh-cron}", timeZone = "Asia/Taipei",
               concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void reportRefresh() {
        quietly(Job.REPORT_REFRESH);
    }

    @Scheduled(every = "{luckygas.sms.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
               skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void smsOutbox() {
        quietly(Job.SMS_OUTBOX);
    }

    private void quietly(Job job) {
        try {
            jobs.run(job, Jobs.SCHEDULE);
        } catch (RuntimeException e) {
            // logged and recorded by JobRuns; the schedule goes on
        }
    }
}
