package com.luckygas.delivery.jobs;

import java.util.Arrays;
import java.util.Optional;

/**
 * delivery-service's scheduled jobs, by the names Cloud Scheduler calls them ({@code POST /api/jobs/<name>},
 * declared in deploy/jobs.tsv) and job_status stores them. Each is safe to run twice, at once or late.
 */
public enum Job {
    /** Orders from recurring templates, today and the days ahead (01:30). */
    RECURRING_ORDERS("recurring-orders"),
    /** Deliveries older than the working window to the archive, in batches (03:00). */
    ARCHIVAL("archival"),
    /** The monthly report's views (hourly). */
    REPORT_REFRESH("report-refresh"),
    /** The SMS outbox: what is due is sent, failures retried later (every 10 s in the service). */
    SMS_OUTBOX("sms-outbox");

    public final String jobName;

    Job(String jobName) {
        this.jobName = jobName;
    }

    public static Optional<Job> named(String name) {
        return Arrays.stream(values()).filter(j -> j.jobName.equals(name)).findFirst();
    }
}
