package com.luckygas.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.importer.generate.Generator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job as ops run it: a separate process ({@code java -jar target/quarkus-app/quarkus-run.jar}),
 * killed with SIGKILL in the middle of its work and run again, against a real PostgreSQL.
 */
class ImporterJarIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    static Path files;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        files = tmp.resolve("files");
        // big enough that the run takes a few seconds, small enough for a test
        Generator.generate(new Generator.Settings(11, 200, 40_000, 18_000, files, null));
    }

    record Run(int exit, String output) {
    }

    static ProcessBuilder job(TestDatabase db, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LUCKYGAS_DB_URL", db.url);
        pb.environment().put("LUCKYGAS_DB_USER", db.user);
        pb.environment().put("LUCKYGAS_DB_PASSWORD", db.password == null ? "" : db.password);
        return pb;
    }

    static String[] allFiles() {
        return new String[] {"--clients", files.resolve(Generator.CLIENTS_FILE).toString(),
            "--deliveries", files.resolve(Generator.DELIVERIES_FILE).toString(),
            "--legacy-db", files.resolve(Generator.LEGACY_DB_FILE).toString()};
    }

    static Run run(TestDatabase db, String... args) throws Exception {
        Process p = job(db, args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    /** Starts the job and kills it (SIGKILL) as soon as it prints a line containing {@code when}. */
    static String killWhen(TestDatabase db, String when) throws Exception {
        Process p = job(db, allFiles()).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains(when)) {
                    p.destroyForcibly();
                    break;
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(seen.toString().contains(when), "the job never reached '" + when + "':\n" + seen);
        assertTrue(p.exitValue() != 0, "killed, not finished:\n" + seen);
        awaitSessionsEnded(db);
        return seen.toString();
    }

    /**
     * Waits until PostgreSQL has ended the killed job's sessions. A backend notices that its client is
     * gone only when it next reads from or writes to the connection: one busy with a merge statement
     * keeps the job's transaction and advisory lock until that statement is done, and a run started
     * before then is rightly refused ("another import is running").
     */
    static void awaitSessionsEnded(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String sessions = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'importer'";
        while (db.count(sessions) > 0) {
            assertTrue(System.nanoTime() < deadline, "the killed job's database sessions did not end within 120 s");
            Thread.sleep(50);
        }
    }

    @Test
    void killedAtAnyMomentThenRunAgainEndsWithExactlyTheRowsOfACleanRun() throws Exception {
        TestDatabase clean = TestDatabase.shared().sibling("importer_it_clean");
        Run first = run(clean, allFiles());
        assertEquals(0, first.exit(), first.output());
        String expected = clean.contents();
        long deliveries = clean.count("SELECT count(*) FROM delivery.all_deliveries");
        assertTrue(deliveries > 30_000, "deliveries: " + deliveries);

        TestDatabase killed = TestDatabase.shared().sibling("importer_it_killed");
        // while reading the workbook, and in the middle of the merge
        for (String moment : List.of("deliver history.xlsx / 2017", "Merging")) {
            killWhen(killed, moment);
            assertEquals(0, killed.count("SELECT count(*) FROM delivery.all_deliveries"), "killed at " + moment);
            assertEquals(0, killed.count("SELECT count(*) FROM customer.customer"), "killed at " + moment);
            assertEquals("RUNNING", killed.text("SELECT outcome FROM importer.import_run ORDER BY id DESC LIMIT 1"));
        }
        Run again = run(killed, allFiles());
        assertEquals(0, again.exit(), again.output());
        // the second killed run marked the first INTERRUPTED; this run marks the second
        assertTrue(again.output().contains("Earlier run(s) interrupted: 1"), again.output());
        assertEquals(expected, killed.contents());
        assertEquals(2, killed.count("SELECT count(*) FROM importer.import_run WHERE outcome = 'INTERRUPTED'"));

        // and once more: nothing changes
        Run third = run(killed, allFiles());
        assertEquals(0, third.exit(), third.output());
        assertTrue(third.output().contains("0 inserted"), third.output());
        assertEquals(expected, killed.contents());
    }

    @Test
    void failuresExitNonZeroWithTheReasonAndUsageErrorsWithTwo() throws Exception {
        TestDatabase db = TestDatabase.shared().sibling("importer_it_fail");
        Path fake = tmp.resolve("not-a-db.db");
        Files.writeString(fake, "hello");
        Run bad = run(db, "--legacy-db", fake.toString());
        assertEquals(1, bad.exit(), bad.output());
        assertTrue(bad.output().contains("importer: FAILED: not-a-db.db: not a SQLite database"), bad.output());
        assertEquals(0, db.count("SELECT count(*) FROM customer.customer"));

        Run usage = run(db, "--bogus");
        assertEquals(2, usage.exit(), usage.output());
        assertTrue(usage.output().contains("unknown argument --bogus"), usage.output());

        Run dry = run(db, "--dry-run", "--clients", files.resolve(Generator.CLIENTS_FILE).toString());
        assertEquals(0, dry.exit(), dry.output());
        assertTrue(dry.output().contains("Import DRY_RUN"), dry.output());
        assertEquals(0, db.count("SELECT count(*) FROM customer.customer"));
    }
}
