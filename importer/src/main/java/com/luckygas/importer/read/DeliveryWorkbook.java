package com.luckygas.importer.read;

import com.luckygas.importer.ImportFailure;
import com.luckygas.importer.Product;
import com.luckygas.importer.Progress;
import com.luckygas.importer.Reason;
import com.luckygas.importer.Rejects;
import com.luckygas.importer.SourceCounts;
import com.luckygas.importer.Values;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery history workbook (legacy-data.md §2): every sheet, its header found by text (title
 * rows above it, aliases, any column order), each row read, cleaned, checked, and either staged as
 * a delivery or counted as skipped, duplicate or rejected (with file, sheet, row, column and value).
 */
public final class DeliveryWorkbook {

    /** How many rows at the top of a sheet may come before its header (title rows). */
    static final int HEADER_SEARCH_ROWS = 10;

    public interface Sink {
        void delivery(long ord, String code, LocalDate date, LocalTime time, String driver, long[] qty) throws SQLException;
    }

    private final Path file;
    private final String fileName;
    private final SourceCounts counts;
    private final Rejects rejects;
    private final Progress progress;
    private final LocalDate today;
    private final Sink sink;
    private long ord;

    public DeliveryWorkbook(Path file, SourceCounts counts, Rejects rejects, Progress progress, LocalDate today,
                            long firstOrd, Sink sink) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.counts = counts;
        this.rejects = rejects;
        this.progress = progress;
        this.today = today;
        this.ord = firstOrd;
        this.sink = sink;
    }

    /** Reads the whole workbook; returns the next free ordinal. */
    public long read() {
        try (WorkbookReader reader = new WorkbookReader(file)) {
            reader.read(null, new SheetRows());
        }
        return ord;
    }

    private final class SheetRows implements WorkbookReader.Rows {
        String sheet;
        long xmlBytes;
        int rowsSeen;
        boolean nonBlankSeen;
        boolean headerFound;
        int codeCol;
        int dateCol;
        int timeCol;
        int driverCol;
        int[] productCols;
        String[] headers;
        long sheetRows;
        final Map<String, Integer> seen = new HashMap<>();
        final long[] qty = new long[Product.COUNT];

        @Override
        public void startSheet(String name, long xmlBytes) {
            sheet = name;
            this.xmlBytes = xmlBytes;
            rowsSeen = 0;
            nonBlankSeen = false;
            headerFound = false;
            sheetRows = 0;
            seen.clear();
            counts.sheets++;
            progress.start(fileName + " / " + name);
        }

        @Override
        public void row(SheetRow row, long bytesRead) {
            if (!headerFound) {
                rowsSeen++;
                if (!row.blank()) {
                    nonBlankSeen = true;
                    if (header(row)) {
                        return;
                    }
                }
                if (rowsSeen >= HEADER_SEARCH_ROWS) {
                    throw new ImportFailure(fileName + ", sheet " + sheet + ": no header row in the first " + HEADER_SEARCH_ROWS
                            + " rows (expected columns such as 客戶編號 or 編號, 交易日期, 50公斤 …)");
                }
                return;
            }
            sheetRows++;
            counts.rowsRead++;
            progress.rows(sheetRows, bytesRead, xmlBytes);
            try {
                dataRow(row);
            } catch (SQLException e) {
                throw new com.luckygas.importer.load.CopyWriter.CopyFailed(e);
            }
        }

        @Override
        public void endSheet(String name) {
            if (!headerFound) {
                throw new ImportFailure(fileName + ", sheet " + name + ": " + (nonBlankSeen
                        ? "no header row (expected columns such as 客戶編號 or 編號, 交易日期, 50公斤 …)"
                        : "the sheet is empty"));
            }
            progress.finish(sheetRows);
        }

        /** Is this the header row? If so, maps the columns (and fails when a required one is missing). */
        private boolean header(SheetRow row) {
            int known = 0;
            int code = -1;
            int date = -1;
            int time = -1;
            int driver = -1;
            int[] products = new int[Product.COUNT];
            java.util.Arrays.fill(products, -1);
            String[] names = new String[row.width()];
            for (int c = 0; c < row.width(); c++) {
                String h = normalizeHeader(row.text(c));
                names[c] = h;
                if (h == null) {
                    continue;
                }
                switch (h) {
                    case "客戶編號", "編號", "客戶代號" -> {
                        code = code < 0 ? c : code;
                        known++;
                    }
                    case "交易日期" -> {
                        date = c;
                        known++;
                    }
                    case "交易時間" -> {
                        time = c;
                        known++;
                    }
                    case "業務員" -> {
                        driver = c;
                        known++;
                    }
                    default -> {
                        for (Product p : Product.ALL) {
                            if (p.deliveryHeader().equals(h) || (p.deliveryHeader() + "公斤").equals(h)) {
                                products[p.index()] = c;
                                known++;
                            }
                        }
                    }
                }
            }
            if (known < 3) {
                return false;
            }
            List<String> missing = new ArrayList<>();
            if (code < 0) {
                missing.add("客戶編號 (or 編號)");
            }
            if (date < 0) {
                missing.add("交易日期");
            }
            boolean anyProduct = false;
            for (int p : products) {
                anyProduct |= p >= 0;
            }
            if (!anyProduct) {
                missing.add("a quantity column (50公斤, 20公斤 …)");
            }
            if (!missing.isEmpty()) {
                throw new ImportFailure(fileName + ", sheet " + sheet + ": missing required column " + String.join(", ", missing)
                        + " in the header row " + row.number);
            }
            headerFound = true;
            codeCol = code;
            dateCol = date;
            timeCol = time;
            driverCol = driver;
            productCols = products;
            headers = names;
            return true;
        }

        private void dataRow(SheetRow row) throws SQLException {
            if (row.blank()) {
                counts.count(Reason.BLANK_ROW);
                return;
            }
            for (int c = 0; c < row.width(); c++) {
                String t = row.text(c);
                if (t != null && !row.numeric(c) && (t.contains("小計") || t.contains("合計") || t.contains("總計"))) {
                    counts.count(Reason.SUBTOTAL_ROW);
                    return;
                }
            }
            String code = Values.code(row.text(codeCol), row.numeric(codeCol));
            if (code == null) {
                reject(row, codeCol, Reason.MISSING_CODE);
                return;
            }
            LocalDate date;
            try {
                date = Values.date(row.text(dateCol), row.numeric(dateCol));
            } catch (Values.Bad e) {
                reject(row, dateCol, e.reason);
                return;
            }
            if (date.getYear() < 2000) {
                reject(row, dateCol, Reason.DATE_BEFORE_2000);
                return;
            }
            if (date.isAfter(today)) {
                reject(row, dateCol, Reason.DATE_IN_FUTURE);
                return;
            }
            LocalTime time = null;
            if (timeCol >= 0) {
                try {
                    time = Values.time(row.text(timeCol), row.numeric(timeCol));
                } catch (Values.Bad e) {
                    reject(row, timeCol, e.reason);
                    return;
                }
            }
            boolean any = false;
            for (int p = 0; p < Product.COUNT; p++) {
                int col = productCols[p];
                if (col < 0) {
                    qty[p] = 0;
                    continue;
                }
                try {
                    qty[p] = Values.quantity(row.text(col), row.numeric(col), Product.ALL.get(p).flow());
                } catch (Values.Bad e) {
                    reject(row, col, e.reason);
                    return;
                }
                any |= qty[p] != 0;
            }
            if (!any) {
                counts.count(Reason.NO_QUANTITIES);
                return;
            }
            Integer first = seen.putIfAbsent(row.cellsKey(), row.number);
            if (first != null) {
                counts.count(Reason.DUPLICATE);
                rejects.add(fileName, sheet, row.number, null, null, Reason.DUPLICATE, "exact copy of row " + first + " (imported once)");
                return;
            }
            String driver = driverCol >= 0 ? Values.clean(row.text(driverCol)) : null;
            if (driver != null && driver.isEmpty()) {
                driver = null;
            }
            counts.valid++;
            sink.delivery(ord++, code, date, time, driver, qty);
        }

        private void reject(SheetRow row, int column, Reason reason) {
            counts.count(reason);
            rejects.add(fileName, sheet, row.number, column >= 0 && column < headers.length ? headers[column] : null,
                    row.text(column), reason, null);
        }
    }

    /** Header text as compared: full-width folded, all white space removed. */
    static String normalizeHeader(String text) {
        String s = Values.clean(text);
        if (s == null || s.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
