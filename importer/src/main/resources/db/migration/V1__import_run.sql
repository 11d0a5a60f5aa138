-- The importer's own schema (docs/adr/0006): its run log. Staging tables are temporary tables of
-- the import's session, so a killed run leaves nothing behind but its RUNNING row, which the next
-- run marks INTERRUPTED.
CREATE TABLE import_run (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    outcome      text        NOT NULL DEFAULT 'RUNNING'
        CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED')),
    -- [{"role": "deliveries", "path": …, "bytes": …, "sha256": …}, …]
    files        jsonb       NOT NULL,
    -- the run's summary (the same JSON as summary.json)
    summary      jsonb,
    failure      text,
    host         text
);
-- the latest runs first (ops: "what did the last import do?")
CREATE INDEX import_run_started_idx ON import_run (started_at DESC);
