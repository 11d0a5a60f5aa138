-- Scheduled jobs that run themselves (issue 21): each job's last run, its outcome and duration,
-- and its last success, one row per job (updated in place: the SMS outbox runs every 10 s).
-- A job is overdue when it has not succeeded within its period (luckygas.jobs.<job>.overdue-after),
-- counted from its last success, or from when it was first known here if it never succeeded.
CREATE TABLE job_status (
    job                text        PRIMARY KEY CHECK (job IN ('recurring-orders', 'archival', 'report-refresh', 'sms-outbox')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    last_started_at    timestamptz,
    last_finished_at   timestamptz,
    last_outcome       text        CHECK (last_outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    last_duration_ms   bigint,
    -- what the run did ("12 orders made for 2026-12-02..2026-12-09 from 40 templates") or why it failed
    last_detail        text,
    -- who started it: 'schedule' (in the service), 'scheduler' (Cloud Scheduler's call), 'hand:<user>'
    last_trigger       text,
    last_succeeded_at  timestamptz,
    failures_in_a_row  integer     NOT NULL DEFAULT 0
);
INSERT INTO job_status (job) VALUES ('recurring-orders'), ('archival'), ('report-refresh'), ('sms-outbox');

-- The generator found this template's customer deactivated (or unknown): it makes no orders, and
-- today's missing order is not an alarm. Cleared when the customer is active again.
ALTER TABLE order_template ADD COLUMN customer_inactive_since timestamptz;
