package com.luckygas.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.luckygas.importer.load.CopyWriter;
import com.luckygas.importer.load.Merge;
import com.luckygas.importer.load.Staging;
import com.luckygas.importer.read.ClientList;
import com.luckygas.importer.read.DeliveryWorkbook;
import com.luckygas.importer.read.LegacyDb;
import com.luckygas.importer.read.WorkbookReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One import run: reads the given files (streaming), copies their rows into staging tables, merges
 * them into the customer and delivery schemas in <b>one transaction</b> — so a run killed at any
 * moment leaves no row behind and the next run does the whole work again, ending with exactly the
 * rows of an uninterrupted run — records the run in {@code importer.import_run}, refreshes the
 * report views, and writes the summary and the reject report.
 */
public final class Import {

    public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    public record Options(Path clients, List<Path> deliveries, Path legacyDb, boolean dryRun, Path reportDir,
                          int archiveKeepMonths, LocalDate today) {
        public Options {
            deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
            today = today == null ? LocalDate.now(TAIPEI) : today;
        }

        public boolean nothingToRead() {
            return clients == null && deliveries.isEmpty() && legacyDb == null;
        }
    }

    /** Where the database is (the job's datasource, or a test's). */
    public interface Database {
        Connection open() throws SQLException;
    }

    /** The run's outcome: the summary, and whether the report views could be refreshed. */
    public record Result(Map<String, Object> summary, String refreshFailure) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Options o;
    private final Database database;
    private final Runnable migrateOwnSchema;
    private final PrintStream out;
    private final Progress progress;

    public Import(Options options, Database database, Runnable migrateOwnSchema, PrintStream out, Progress progress) {
        this.o = options;
        this.database = database;
        this.migrateOwnSchema = migrateOwnSchema;
        this.out = out;
        this.progress = progress;
    }

    public Result run() {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now(TAIPEI);
        if (o.nothingToRead()) {
            throw new ImportFailure("nothing to import: give --clients, --deliveries and/or --legacy-db");
        }
        // where the run's time goes (seconds per phase, in the summary)
        Map<String, Object> phases = new LinkedHashMap<>();
        ProcessHandle.current().info().startInstant().ifPresent(t ->
                phases.put("processStart", Math.round(java.time.Duration.between(t, java.time.Instant.now()).toMillis() / 10.0) / 100.0));
        long phase = System.nanoTime();
        for (Path file : InputFiles.of(o)) {
            if (!Files.isRegularFile(file)) {
                throw new ImportFailure(file + ": no such file");
            }
        }
        // while the database is being set up, other threads compute the files' checksums (for the run
        // record) and load the workbook reader's classes (POI's first open of a workbook: half a second
        // of class loading, before any row)
        java.util.concurrent.FutureTask<List<Map<String, Object>>> checksums = new java.util.concurrent.FutureTask<>(() -> InputFiles.describe(o));
        background(checksums, "checksums");
        Path firstBook = o.clients() != null ? o.clients() : o.deliveries().isEmpty() ? null : o.deliveries().get(0);
        if (firstBook != null) {
            background(() -> WorkbookReader.warmUp(firstBook), "workbook-warm-up");
        }
        if (!o.dryRun() && migrateOwnSchema != null) {
            migrateOwnSchema.run();
        }
        List<Map<String, Object>> files;
        List<SourceCounts> sources = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        Path rejectsFile = o.reportDir() == null ? null : o.reportDir().resolve("rejects.csv");
        Long runId = null;
        try (Connection c = database.open()) {
            RunRecord.checkSchemas(c);
            RunRecord.lock(c);
            files = join(checksums);
            phase = phase(phases, "setup", phase);
            try (Statement st = c.createStatement()) {
                // the staging tables are temporary: keep them in memory (set before the session's first temporary table)
                st.execute("SET temp_buffers = '256MB'");
            }
            if (!o.dryRun()) {
                runId = RunRecord.start(c, files, out);
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL work_mem = '256MB'");
            }
            phase = phase(phases, "run record", phase);
            try (Rejects rejects = new Rejects(rejectsFile); Staging staging = new Staging(c)) {
                read(staging, rejects, sources, phases);
                staging.flush();
                phase = phase(phases, "read", phase);
                out.println("Merging …");
                long mergeStart = System.nanoTime();
                LocalDate archiveBefore = o.today().minusMonths(o.archiveKeepMonths());
                Merge merge = new Merge(c, o.dryRun(), archiveBefore, o.deliveries().size() + 1, o.today());
                Map<String, Object> customers = merge.customers();
                Map<String, Object> deliveries = merge.deliveries();
                Map<String, Object> openings = merge.openings();
                summary.put("outcome", o.dryRun() ? "DRY_RUN" : "SUCCEEDED");
                if (runId != null) {
                    summary.put("runId", runId);
                }
                summary.put("startedAt", startedAt.toString());
                summary.put("files", files);
                List<Map<String, Object>> s = new ArrayList<>();
                sources.forEach(x -> s.add(x.toMap()));
                summary.put("sources", s);
                summary.put("customers", customers);
                summary.put("deliveries", deliveries);
                summary.put("cylinderOpenings", openings);
                summary.put("archiveBefore", archiveBefore.toString());
                summary.put("rejectsListed", rejects.written());
                summary.put("mergeSeconds", seconds(mergeStart));
                summary.put("mergeSteps", merge.timings());
                phase = phase(phases, "merge", phase);
                summary.put("phases", phases);
                if (o.dryRun()) {
                    c.rollback();
                } else {
                    summary.put("seconds", seconds(started));
                    RunRecord.finish(c, runId, "SUCCEEDED", summary, null);
                    c.commit();
                }
                phase = phase(phases, "commit", phase);
            } catch (RuntimeException | SQLException e) {
                rollbackQuietly(c);
                throw e;
            }
            String refreshFailure = null;
            boolean changed = changed(summary);
            if (!o.dryRun() && changed) {
                refreshFailure = ReportViews.refresh(c, database, out);
                phase(phases, "reportViews", phase);
            }
            summary.put("reportViews", o.dryRun() ? "not refreshed (dry run)" : !changed ? "unchanged (nothing new)"
                    : refreshFailure == null ? "refreshed" : "refresh failed: " + refreshFailure);
            summary.put("seconds", seconds(started));
            writeReports(summary);
            return new Result(summary, refreshFailure);
        } catch (SQLException | CopyWriter.CopyFailed e) {
            String reason = "database: " + e.getMessage();
            recordFailure(runId, reason);
            throw new ImportFailure(reason, e);
        } catch (ImportFailure e) {
            recordFailure(runId, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            recordFailure(runId, String.valueOf(e));
            throw e;
        }
    }

    /** Records the seconds since {@code since} as the phase {@code name}; returns now. */
    private static long phase(Map<String, Object> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, Math.round((now - since) / 1e7) / 100.0);
        return now;
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private static boolean changed(Map<String, Object> summary) {
        Map<String, Object> cu = (Map<String, Object>) summary.get("customers");
        Map<String, Object> de = (Map<String, Object>) summary.get("deliveries");
        long n = (long) cu.get("inserted") + (long) cu.get("updated") + (long) cu.get("createdIncomplete")
                + (long) cu.get("coordinatesAdded") + (long) de.get("inserted");
        return n > 0;
    }

    private void read(Staging staging, Rejects rejects, List<SourceCounts> sources, Map<String, Object> phases)
            throws SQLException {
        long phase = System.nanoTime();
        int legacySrc = o.deliveries().size() + 1;
        LegacyDb legacy = o.legacyDb() == null ? null : new LegacyDb(o.legacyDb());
        Thread legacyReader = null;
        Throwable[] legacyFailure = new Throwable[1];
        try {
            SourceCounts legacyCounts = null;
            Staging.DeliveryRows legacyRows = null;
            Rejects legacyRejects = null;
            if (legacy != null) {
                legacy.clients(staging.legacyClients());
                staging.endLegacyClients();
                // the SQLite deliveries are read on a second thread while the workbooks are parsed, into
                // memory in chunks (a connection carries one COPY at a time), each chunk copied between two
                // workbook rows as soon as it is complete
                legacyCounts = new SourceCounts("legacyDb", o.legacyDb().getFileName().toString());
                Staging.DeliveryRows rows = staging.interleavedDeliveries();
                legacyRows = rows;
                SourceCounts counts = legacyCounts;
                Progress lines = progress.lines();
                legacyRejects = Rejects.held();
                Rejects held = legacyRejects;
                legacyReader = new Thread(() -> {
                    try {
                        legacy.deliveries(counts, held, lines, o.today(),
                                (n, code, date, time, driver, amount, qty) -> rows.delivery(legacySrc, n, code, date, time, driver, amount, qty));
                    } catch (Throwable e) {
                        legacyFailure[0] = e;
                    }
                }, "legacy-db-reader");
                legacyReader.setDaemon(true);
                legacyReader.start();
                phase = phase(phases, "read: SQLite clients", phase);
            }
            if (o.clients() != null) {
                SourceCounts counts = new SourceCounts("clients", o.clients().getFileName().toString());
                sources.add(counts);
                new ClientList(o.clients(), counts, rejects, progress, staging.clients()).read();
                staging.endClients();
                phase = phase(phases, "read: client list", phase);
            }
            long ord = 0;
            for (int i = 0; i < o.deliveries().size(); i++) {
                Path file = o.deliveries().get(i);
                SourceCounts counts = new SourceCounts("deliveryWorkbook", file.getFileName().toString());
                sources.add(counts);
                int src = i + 1;
                // streamed: each row goes into the copy as it is parsed, PostgreSQL taking it in meanwhile
                ord = new DeliveryWorkbook(file, counts, rejects, progress, o.today(), ord,
                        (n, code, date, time, driver, qty) -> staging.delivery(src, n, code, date, time, driver, null, qty)).read();
            }
            if (!o.deliveries().isEmpty()) {
                phase = phase(phases, "read: delivery workbooks", phase);
            }
            if (legacyReader != null) {
                while (legacyReader.isAlive()) {
                    staging.pump();
                    legacyReader.join(20);
                }
                if (legacyFailure[0] instanceof RuntimeException e) {
                    throw e;
                }
                if (legacyFailure[0] != null) {
                    throw new ImportFailure(o.legacyDb().getFileName() + ": " + legacyFailure[0], legacyFailure[0]);
                }
                sources.add(legacyCounts);
                rejects.addAll(legacyRejects);
                staging.append(legacyRows);
                phase = phase(phases, "read: rest of the SQLite deliveries", phase);
            }
            staging.endDeliveries();
            staging.stageRepeated();
            phase(phases, "read: end of the copy", phase);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("interrupted", e);
        } finally {
            if (legacy != null) {
                // never close the SQLite connection under the reader's feet: let it finish first
                while (legacyReader != null && legacyReader.isAlive()) {
                    try {
                        legacyReader.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                legacy.close();
            }
        }
    }

    private static void background(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private static <T> T join(java.util.concurrent.FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void recordFailure(Long runId, String reason) {
        if (runId == null) {
            return;
        }
        try (Connection c = database.open()) {
            RunRecord.finish(c, runId, "FAILED", null, reason);
        } catch (SQLException e) {
            out.println("Could not record the failure of run " + runId + ": " + e.getMessage());
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next
        }
    }

    private void writeReports(Map<String, Object> summary) {
        if (o.reportDir() == null) {
            return;
        }
        try {
            Files.createDirectories(o.reportDir());
            Files.writeString(o.reportDir().resolve("summary.json"), json(summary), StandardCharsets.UTF_8);
            Files.writeString(o.reportDir().resolve("summary.txt"), SummaryText.of(summary), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
