package com.luckygas.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the import cannot trust: it stops with a reason naming the file (and the sheet), keeps
 * nothing of the run — not even the customers of a good client list given with it — and records
 * the failure.
 */
class CorruptInputTest {

    TestDatabase db;
    SmallFiles files;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabase() throws Exception {
        db = TestDatabase.shared();
        db.reset();
        files = SmallFiles.get();
    }

    private ImportFailure failsWith(List<Path> deliveries, Path legacy) throws Exception {
        ImportFailure e = assertThrows(ImportFailure.class,
                () -> ImportTest.run(db, files.clients(), deliveries, legacy, false, dir.resolve("report")));
        assertEquals(0, db.count("SELECT count(*) FROM customer.customer"), "nothing half-written");
        assertEquals(0, db.count("SELECT count(*) FROM delivery.all_deliveries"), "nothing half-written");
        assertEquals(0, db.count("SELECT count(*) FROM delivery.delivery_identity"), "nothing half-written");
        assertEquals("FAILED", db.text("SELECT outcome FROM importer.import_run ORDER BY id DESC LIMIT 1"));
        assertEquals(e.getMessage(), db.text("SELECT failure FROM importer.import_run ORDER BY id DESC LIMIT 1"));
        return e;
    }

    @Test
    void aTruncatedWorkbook() throws Exception {
        byte[] whole = Files.readAllBytes(files.deliveries());
        Path truncated = dir.resolve("truncated history.xlsx");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        ImportFailure e = failsWith(List.of(files.deliveries(), truncated), files.legacyDb());
        assertTrue(e.getMessage().startsWith("truncated history.xlsx: not a readable .xlsx workbook"), e.getMessage());
    }

    @Test
    void aWorkbookThatIsNoWorkbook() throws Exception {
        Path fake = dir.resolve("history.xlsx");
        Files.writeString(fake, "客戶編號,交易日期\n1001,1140520\n", StandardCharsets.UTF_8);
        ImportFailure e = failsWith(List.of(fake), null);
        assertTrue(e.getMessage().startsWith("history.xlsx: not a readable .xlsx workbook"), e.getMessage());
    }

    @Test
    void aFileThatIsNotSqlite() throws Exception {
        Path fake = dir.resolve("luckygas.db");
        Files.writeString(fake, "this is not a database", StandardCharsets.UTF_8);
        ImportFailure e = failsWith(List.of(files.deliveries()), fake);
        assertEquals("luckygas.db: not a SQLite database", e.getMessage());
    }

    @Test
    void aSheetWithoutTheDateColumn() throws Exception {
        Path book = workbook("no date.xlsx", new String[] {"Sheet1", "2019"},
                new String[][] {{"客戶編號", "交易日期", "20公斤"}, {"編號", "交易時間", "20公斤", "業務員"}});
        ImportFailure e = failsWith(List.of(book), files.legacyDb());
        assertEquals("no date.xlsx, sheet 2019: missing required column 交易日期 in the header row 1", e.getMessage());
    }

    @Test
    void anEmptySheet() throws Exception {
        Path book = workbook("with empty.xlsx", new String[] {"Sheet1", "Sheet2"},
                new String[][] {{"客戶編號", "交易日期", "20公斤"}, null});
        ImportFailure e = failsWith(List.of(book), null);
        assertEquals("with empty.xlsx, sheet Sheet2: the sheet is empty", e.getMessage());
    }

    @Test
    void aMissingFile() throws Exception {
        ImportFailure e = assertThrows(ImportFailure.class,
                () -> ImportTest.run(db, files.clients(), List.of(dir.resolve("nowhere.xlsx")), null, false, null));
        assertTrue(e.getMessage().endsWith("nowhere.xlsx: no such file"), e.getMessage());
        assertEquals(0, db.count("SELECT count(*) FROM customer.customer"));
    }

    /** A workbook whose sheets have the given headers (null: an empty sheet) and one good delivery row each. */
    private Path workbook(String name, String[] sheets, String[][] headers) throws Exception {
        Path file = dir.resolve(name);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (int s = 0; s < sheets.length; s++) {
                Sheet sheet = wb.createSheet(sheets[s]);
                if (headers[s] == null) {
                    continue;
                }
                Row h = sheet.createRow(0);
                Row r = sheet.createRow(1);
                for (int c = 0; c < headers[s].length; c++) {
                    h.createCell(c).setCellValue(headers[s][c]);
                    switch (headers[s][c]) {
                        case "客戶編號", "編號" -> r.createCell(c).setCellValue(1001);
                        case "交易日期" -> r.createCell(c).setCellValue("114/05/20");
                        case "交易時間" -> r.createCell(c).setCellValue("10:30");
                        case "業務員" -> r.createCell(c).setCellValue("陳志明");
                        default -> r.createCell(c).setCellValue(2);
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }
}
