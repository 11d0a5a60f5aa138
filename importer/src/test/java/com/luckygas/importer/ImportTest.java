package com.luckygas.importer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import of generated legacy files into a real PostgreSQL: every count the generator's
 * manifest promises, the Excel ⟷ SQLite merge, re-runs, newer exports, dry runs, the reject report.
 */
class ImportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    TestDatabase db;
    SmallFiles files;

    @TempDir
    Path report;

    @BeforeEach
    void emptyDatabase() throws Exception {
        db = TestDatabase.shared();
        db.reset();
        files = SmallFiles.get();
    }

    Map<String, Object> run(Path clients, List<Path> deliveries, Path legacy, boolean dryRun) {
        return run(db, clients, deliveries, legacy, dryRun, report);
    }

    static Map<String, Object> run(TestDatabase db, Path clients, List<Path> deliveries, Path legacy, boolean dryRun, Path report) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Import.Options options = new Import.Options(clients, deliveries, legacy, dryRun, report, 6, TODAY);
        return new Import(options, db.database(), db::migrateImporter, out, new Progress(out, false)).run().summary();
    }

    Map<String, Object> runAll(boolean dryRun) {
        return run(files.clients(), List.of(files.deliveries()), files.legacyDb(), dryRun);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> source(Map<String, Object> summary, String kind) {
        for (Map<String, Object> s : (List<Map<String, Object>>) summary.get("sources")) {
            if (s.get("kind").equals(kind)) {
                return s;
            }
        }
        throw new AssertionError("no source " + kind);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(Map<String, Object> summary, String name) {
        return (Map<String, Object>) summary.get(name);
    }

    /** Each count the manifest gives for a file (rows, valid, duplicates, each skip and reject reason) equals the import's. */
    @SuppressWarnings("unchecked")
    static void assertSourceMatches(JsonNode expected, Map<String, Object> actual) {
        List<Executable> checks = new ArrayList<>();
        for (String field : List.of("rowsRead", "valid", "duplicates", "sheets")) {
            if (expected.has(field)) {
                checks.add(() -> assertEquals(expected.get(field).asLong(), ((Number) actual.get(field)).longValue(),
                        actual.get("file") + " " + field));
            }
        }
        for (String group : List.of("skipped", "rejected")) {
            Map<String, Long> got = (Map<String, Long>) actual.get(group);
            Iterator<Map.Entry<String, JsonNode>> it = expected.get(group).fields();
            long expectedTotal = 0;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                expectedTotal += e.getValue().asLong();
                checks.add(() -> assertEquals(e.getValue().asLong(), got.getOrDefault(e.getKey(), 0L),
                        actual.get("file") + " " + group + " " + e.getKey()));
            }
            long total = expectedTotal;
            checks.add(() -> assertEquals(total, got.values().stream().mapToLong(Long::longValue).sum(),
                    actual.get("file") + " " + group + " in all (no other reason): " + got));
        }
        assertAll(checks.stream());
    }

    @Test
    void everyMessKindIsCountedExactlyAsTheManifestSays() throws Exception {
        Map<String, Object> summary = runAll(false);
        JsonNode m = files.manifest;
        assertSourceMatches(m.get("clients"), source(summary, "clients"));
        assertSourceMatches(m.get("deliveryWorkbook"), source(summary, "deliveryWorkbook"));
        assertSourceMatches(m.get("legacyDb"), source(summary, "legacyDb"));
        // every kind of mess is present in the small files too
        for (String reason : List.of("MISSING_CODE", "BAD_DATE", "DATE_BEFORE_2000", "DATE_IN_FUTURE", "NEGATIVE_QUANTITY",
                "QUANTITY_OVER_200", "BAD_QUANTITY")) {
            assertTrue(m.get("deliveryWorkbook").get("rejected").get(reason).asLong() > 0, reason);
        }
        for (String reason : List.of("BLANK_ROW", "SUBTOTAL_ROW", "NO_QUANTITIES")) {
            assertTrue(m.get("deliveryWorkbook").get("skipped").get(reason).asLong() > 0, reason);
        }
        assertTrue(m.get("deliveryWorkbook").get("duplicates").asLong() > 0);
    }

    @Test
    void importsEachDeliveryOnceAndCreatesFlaggedCustomersForUnknownCodes() throws Exception {
        Map<String, Object> summary = runAll(false);
        JsonNode m = files.manifest;
        long distinct = m.get("deliveries").get("distinct").asLong();
        Map<String, Object> deliveries = part(summary, "deliveries");
        assertEquals(distinct, deliveries.get("distinct"));
        assertEquals(m.get("deliveries").get("overlap").asLong(), deliveries.get("overlap"));
        assertEquals(m.get("deliveries").get("excelOnly").asLong(), deliveries.get("excelOnly"));
        assertEquals(m.get("deliveries").get("sqliteOnly").asLong(), deliveries.get("sqliteOnly"));
        assertEquals(distinct, deliveries.get("inserted"));

        assertEquals(distinct, db.count("SELECT count(*) FROM delivery.all_deliveries"));
        assertEquals(distinct, db.count("SELECT count(*) FROM delivery.delivery_identity"));
        // everything of 2016-2025 is older than six months before 2026-11-22: straight into the archive
        assertEquals(distinct, db.count("SELECT count(*) FROM delivery.delivery_archive"));
        assertEquals(0, db.count("SELECT count(*) FROM delivery.all_deliveries d WHERE NOT EXISTS "
                + "(SELECT 1 FROM delivery.all_delivery_items i WHERE i.delivery_id = d.id)"));

        assertEquals(m.get("customers").get("total").asLong(), db.count("SELECT count(*) FROM customer.customer"));
        assertEquals(m.get("customers").get("createdIncomplete").asLong(),
                db.count("SELECT count(*) FROM customer.customer WHERE incomplete"));
        assertEquals(m.get("customers").get("createdIncomplete").asLong(), part(summary, "customers").get("createdIncomplete"));
        assertEquals(m.get("customers").get("withCoordinates").asLong(),
                db.count("SELECT count(*) FROM customer.customer WHERE latitude IS NOT NULL"));
        // deliveries carry the customer's area and type (the monthly report groups by them)
        assertEquals(0, db.count("SELECT count(*) FROM delivery.all_deliveries d JOIN customer.customer c ON c.id = d.customer_id "
                + "WHERE d.area IS DISTINCT FROM c.area OR d.customer_type IS DISTINCT FROM c.customer_type"));
        // the report views were refreshed with the history
        assertEquals(distinct, db.count("SELECT sum(deliveries) FROM delivery.monthly_deliveries"));
        // every customer starts the cylinder ledger from the client list's counts, after its imported history
        long customers = m.get("customers").get("total").asLong();
        assertEquals(customers, part(summary, "cylinderOpenings").get("written"));
        assertEquals(customers, db.count("SELECT count(*) FROM delivery.cylinder_count WHERE kind = 'OPENING'"));
        assertEquals(0, db.count("SELECT count(*) FROM customer.customer c JOIN delivery.cylinder_count k ON k.customer_id = c.id "
                + "WHERE coalesce((SELECT jsonb_object_agg(l.product_code, l.quantity) FROM delivery.cylinder_count_line l "
                + "WHERE l.count_id = k.id), '{}') IS DISTINCT FROM (SELECT coalesce(jsonb_object_agg(h.key, h.value::int), '{}') "
                + "FROM jsonb_each_text(c.cylinders_held) h JOIN delivery.product p ON p.code = h.key AND p.kind = 'CYLINDER' "
                + "WHERE h.value::int > 0)"));
        assertTrue(db.count("SELECT count(*) FROM customer.customer WHERE cylinders_held <> '{}'") > 0, "the files hold cylinders");
        assertEquals(0, db.count("SELECT count(*) FROM delivery.all_deliveries d JOIN delivery.cylinder_count k "
                + "ON k.customer_id = d.customer_id WHERE d.delivered_at >= k.counted_at"));
        // the run is recorded with its files, checksums and outcome
        assertEquals("SUCCEEDED", db.text("SELECT outcome FROM importer.import_run"));
        assertEquals(3, db.count("SELECT jsonb_array_length(files) FROM importer.import_run WHERE files->0->>'sha256' ~ '^[0-9a-f]{64}$'"));
    }

    @Test
    void theSameDeliveryInExcelAndSqliteIsMergedOnceWithTheSqliteRowFillingAmountTimeAndDriver() throws Exception {
        runAll(false);
        JsonNode m = files.manifest;
        long overlap = m.get("deliveries").get("overlap").asLong();
        long sqliteOnly = m.get("deliveries").get("sqliteOnly").asLong();
        // only SQLite rows carry an amount: every delivery SQLite knows has one, no other does
        assertEquals(overlap + sqliteOnly, db.count("SELECT count(*) FROM delivery.all_deliveries WHERE amount_collected IS NOT NULL"));

        // importing the workbook alone, then SQLite alone, ends the same as both at once
        String together = db.contents();
        db.reset();
        Map<String, Object> excel = run(files.clients(), List.of(files.deliveries()), null, false);
        assertEquals(m.get("deliveries").get("excelOnly").asLong() + overlap, part(excel, "deliveries").get("inserted"));
        Map<String, Object> sqlite = run(null, List.of(), files.legacyDb(), false);
        // a newer export adds only what is new: the overlap is already there
        assertEquals(sqliteOnly, part(sqlite, "deliveries").get("inserted"));
        assertEquals(overlap, part(sqlite, "deliveries").get("alreadyPresent"));
        assertEquals(m.get("deliveries").get("distinct").asLong(), db.count("SELECT count(*) FROM delivery.all_deliveries"));
        // already-present deliveries are left as they are: amounts only where SQLite's row came first or alone
        assertEquals(sqliteOnly, db.count("SELECT count(*) FROM delivery.all_deliveries WHERE amount_collected IS NOT NULL"));
        assertNotEquals("", together);
    }

    @Test
    void runningAgainChangesNothing() throws Exception {
        runAll(false);
        String before = db.contents();
        String refreshed = db.text("SELECT refreshed_at::text FROM delivery.report_refresh");
        String customersUpdated = db.text("SELECT max(updated_at)::text FROM customer.customer");
        Map<String, Object> again = runAll(false);
        assertEquals(before, db.contents());
        assertEquals(0L, part(again, "deliveries").get("inserted"));
        assertEquals(files.manifest.get("deliveries").get("distinct").asLong(), part(again, "deliveries").get("alreadyPresent"));
        assertEquals(0L, part(again, "customers").get("inserted"));
        assertEquals(0L, part(again, "customers").get("updated"));
        assertEquals(0L, part(again, "customers").get("createdIncomplete"));
        assertEquals(0L, part(again, "customers").get("coordinatesAdded"));
        assertEquals(0L, part(again, "cylinderOpenings").get("written"));
        assertEquals(files.manifest.get("customers").get("total").asLong(), part(again, "cylinderOpenings").get("unchanged"));
        assertEquals(refreshed, db.text("SELECT refreshed_at::text FROM delivery.report_refresh"));
        assertEquals(customersUpdated, db.text("SELECT max(updated_at)::text FROM customer.customer"));
        assertEquals(2, db.count("SELECT count(*) FROM importer.import_run WHERE outcome = 'SUCCEEDED'"));
    }

    @Test
    void aDryRunReportsTheSameCountsAndWritesNothing() throws Exception {
        String deliverySeq = db.text("SELECT last_value::text FROM delivery.delivery_id_seq");
        String customerSeq = db.text("SELECT last_value::text FROM customer.customer_id_seq");
        Map<String, Object> dry = runAll(true);
        assertEquals("DRY_RUN", dry.get("outcome"));
        assertEquals(files.manifest.get("deliveries").get("distinct").asLong(), part(dry, "deliveries").get("inserted"));
        assertEquals(files.manifest.get("customers").get("createdIncomplete").asLong(), part(dry, "customers").get("createdIncomplete"));
        assertEquals(files.manifest.get("customers").get("fromClientList").asLong(), part(dry, "customers").get("inserted"));
        assertSourceMatches(files.manifest.get("deliveryWorkbook"), source(dry, "deliveryWorkbook"));
        assertEquals(0, db.count("SELECT count(*) FROM customer.customer"));
        assertEquals(0, db.count("SELECT count(*) FROM customer.area"));
        assertEquals(0, db.count("SELECT count(*) FROM delivery.all_deliveries"));
        assertEquals(0, db.count("SELECT count(*) FROM delivery.delivery_identity"));
        assertEquals(0, db.count("SELECT count(*) FROM importer.import_run"));
        assertEquals(deliverySeq, db.text("SELECT last_value::text FROM delivery.delivery_id_seq"));
        assertEquals(customerSeq, db.text("SELECT last_value::text FROM customer.customer_id_seq"));

        // and over a full database it predicts "nothing new"
        runAll(false);
        String full = db.contents();
        Map<String, Object> dryAgain = runAll(true);
        assertEquals(0L, part(dryAgain, "deliveries").get("inserted"));
        assertEquals(0L, part(dryAgain, "customers").get("updated"));
        assertEquals(full, db.contents());
    }

    @Test
    void theRejectReportListsEachRejectedRowWithFileSheetRowColumnValueAndReason() throws Exception {
        Map<String, Object> summary = runAll(false);
        byte[] bytes = Files.readAllBytes(report.resolve("rejects.csv"));
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        List<String> lines = Files.readAllLines(report.resolve("rejects.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFfile,sheet,row,column,value,reason", lines.get(0));
        long expected = 0;
        for (String kind : List.of("clients", "deliveryWorkbook", "legacyDb")) {
            Map<String, Object> s = source(summary, kind);
            @SuppressWarnings("unchecked")
            Map<String, Long> rejected = (Map<String, Long>) s.get("rejected");
            expected += rejected.values().stream().mapToLong(Long::longValue).sum() + (long) s.get("duplicates");
        }
        assertEquals(expected, lines.size() - 1);
        assertTrue(lines.stream().anyMatch(l -> l.matches("deliver history\\.xlsx,[^,]+,\\d+,交易日期,[^,]*,DATE_IN_FUTURE: .*")), "future date row");
        assertTrue(lines.stream().anyMatch(l -> l.matches("deliver history\\.xlsx,[^,]+,\\d+,20公斤,'?-.*,NEGATIVE_QUANTITY: .*")), "negative");
        assertTrue(lines.stream().anyMatch(l -> l.matches("luckygas\\.db,deliveries,\\d+,client_id,9\\d+,UNKNOWN_CLIENT: .*")), "unknown client");
        assertTrue(lines.stream().anyMatch(l -> l.matches("client list\\.xlsx,客戶資料,\\d+,平均日使用,很多,BAD_VALUE: .*")), "bad value");
        assertTrue(Files.readString(report.resolve("summary.txt")).contains("Import SUCCEEDED"));
        assertTrue(Files.readString(report.resolve("summary.json")).contains("\"outcome\" : \"SUCCEEDED\""));
    }

    @Test
    void nothingToReadIsAClearFailure() {
        ImportFailure e = assertThrows(ImportFailure.class, () -> run(null, List.of(), null, false));
        assertTrue(e.getMessage().contains("nothing to import"));
    }
}
