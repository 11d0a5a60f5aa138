package com.luckygas.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows with the same identity (customer, date, quantities) that are not exact copies are separate
 * deliveries — also when they sit in different sheets — numbered in order of time, while an exact
 * copy within a sheet is one delivery.
 */
class SameDayDeliveriesTest {

    TestDatabase db;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabase() throws Exception {
        db = TestDatabase.shared();
        db.reset();
    }

    @Test
    void twoDeliveriesOfADayInTwoSheetsAreTwoAndAnExactCopyIsOne() throws Exception {
        Path book = dir.resolve("two sheets.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(book)) {
            String[][][] sheets = {
                {{"客戶編號", "交易日期", "交易時間", "20公斤"}, {"1001", "114/05/20", "15:00", "2"}, {"1001", "114/05/20", "15:00", "2"}},
                {{"編號", "20公斤", "交易日期", "交易時間"}, {"1001", "2", "2025-05-20", "09:10"}, {"1002", "1", "2025-05-20", ""}}};
            for (int s = 0; s < sheets.length; s++) {
                Sheet sheet = wb.createSheet("S" + s);
                for (int r = 0; r < sheets[s].length; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < sheets[s][r].length; c++) {
                        if (!sheets[s][r][c].isEmpty()) {
                            row.createCell(c).setCellValue(sheets[s][r][c]);
                        }
                    }
                }
            }
            wb.write(out);
        }
        Map<String, Object> summary = ImportTest.run(db, null, List.of(book), null, false, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> deliveries = (Map<String, Object>) summary.get("deliveries");
        assertEquals(3L, deliveries.get("inserted"));
        assertEquals(1L, ImportTest.source(summary, "deliveryWorkbook").get("duplicates"));
        // numbered in order of time: the 09:10 delivery (second sheet) is the day's first
        assertEquals("09:10:00|1,15:00:00|2", db.text("""
                SELECT string_agg((d.delivered_at AT TIME ZONE 'Asia/Taipei')::time || '|' || k.occurrence, ',' ORDER BY k.occurrence)
                FROM delivery.delivery_identity k JOIN delivery.all_deliveries d ON d.id = k.delivery_id
                WHERE k.customer_code = '1001'"""));
        assertEquals(2, db.count("SELECT count(*) FROM customer.customer WHERE incomplete"));

        Map<String, Object> again = ImportTest.run(db, null, List.of(book), null, false, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) again.get("deliveries");
        assertEquals(0L, second.get("inserted"));
        assertEquals(3L, second.get("alreadyPresent"));
    }
}
