package com.luckygas.importer.read;

import com.luckygas.importer.ImportFailure;
import com.luckygas.importer.Product;
import com.luckygas.importer.Progress;
import com.luckygas.importer.Reason;
import com.luckygas.importer.Rejects;
import com.luckygas.importer.SourceCounts;
import com.luckygas.importer.Values;
import com.luckygas.importer.load.CopyWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client list workbook (legacy-data.md §1), sheet {@code 客戶資料}: one customer per row, the
 * master for names, address, preferences and flags. Each good row becomes one row of the
 * {@code stage_client} COPY, in the customer table's own terms (CASH/MONTHLY/TRANSFER, MORNING…,
 * CAR/SCOOTER, hours as numbers, equipment codes, cylinders held by product code).
 */
public final class ClientList {

    public static final String SHEET = "客戶資料";

    private final Path file;
    private final String fileName;
    private final SourceCounts counts;
    private final Rejects rejects;
    private final Progress progress;
    private final CopyWriter out;

    public ClientList(Path file, SourceCounts counts, Rejects rejects, Progress progress, CopyWriter out) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.counts = counts;
        this.rejects = rejects;
        this.progress = progress;
        this.out = out;
    }

    public void read() {
        try (WorkbookReader reader = new WorkbookReader(file)) {
            List<String> names = reader.sheetNames();
            String sheet = names.contains(SHEET) ? SHEET : names.size() == 1 ? names.get(0) : null;
            if (sheet == null) {
                throw new ImportFailure(fileName + ": no sheet named " + SHEET + " (sheets: " + String.join(", ", names) + ")");
            }
            reader.read(sheet, new Rows());
        }
    }

    private final class Rows implements WorkbookReader.Rows {
        String sheet;
        long xmlBytes;
        int rowsSeen;
        boolean nonBlank;
        Map<String, Integer> col;
        String[] headers;
        long rows;
        final Set<String> codes = new HashSet<>();

        @Override
        public void startSheet(String name, long xmlBytes) {
            sheet = name;
            this.xmlBytes = xmlBytes;
            counts.sheets++;
            progress.start(fileName + " / " + name);
        }

        @Override
        public void row(SheetRow row, long bytesRead) {
            if (col == null) {
                rowsSeen++;
                if (!row.blank()) {
                    nonBlank = true;
                    Map<String, Integer> found = new HashMap<>();
                    String[] names = new String[row.width()];
                    for (int c = 0; c < row.width(); c++) {
                        String h = DeliveryWorkbook.normalizeHeader(row.text(c));
                        names[c] = h;
                        if (h != null) {
                            found.putIfAbsent(h, c);
                        }
                    }
                    if (found.containsKey("客戶簡稱") || found.containsKey("客戶") && found.size() >= 3) {
                        List<String> missing = new ArrayList<>();
                        for (String required : List.of("客戶", "客戶簡稱")) {
                            if (!found.containsKey(required)) {
                                missing.add(required);
                            }
                        }
                        if (!missing.isEmpty()) {
                            throw new ImportFailure(fileName + ", sheet " + sheet + ": missing required column "
                                    + String.join(", ", missing) + " in the header row " + row.number);
                        }
                        col = found;
                        headers = names;
                        return;
                    }
                }
                if (rowsSeen >= DeliveryWorkbook.HEADER_SEARCH_ROWS) {
                    throw new ImportFailure(fileName + ", sheet " + sheet + ": no header row (expected columns 客戶, 客戶簡稱 …)");
                }
                return;
            }
            rows++;
            counts.rowsRead++;
            progress.rows(rows, bytesRead, xmlBytes);
            client(row);
        }

        @Override
        public void endSheet(String name) {
            if (col == null) {
                throw new ImportFailure(fileName + ", sheet " + name + ": "
                        + (nonBlank ? "no header row (expected columns 客戶, 客戶簡稱 …)" : "the sheet is empty"));
            }
            progress.finish(rows);
        }

        private String text(SheetRow row, String header) {
            Integer c = col.get(header);
            if (c == null) {
                return null;
            }
            String s = Values.clean(row.text(c));
            return s == null || s.isEmpty() ? null : s;
        }

        private void client(SheetRow row) {
            if (row.blank()) {
                counts.count(Reason.BLANK_ROW);
                return;
            }
            Integer codeCol = col.get("客戶");
            String code = Values.code(row.text(codeCol), row.numeric(codeCol));
            if (code == null) {
                reject(row, "客戶", Reason.MISSING_CODE, null);
                return;
            }
            if (!codes.add(code)) {
                reject(row, "客戶", Reason.DUPLICATE_CODE, null);
                return;
            }
            String shortName = text(row, "客戶簡稱");
            if (shortName == null) {
                reject(row, "客戶簡稱", Reason.BAD_VALUE, "no short name");
                return;
            }
            String area = text(row, "區域");
            if (area != null && area.length() > 50) {
                reject(row, "區域", Reason.BAD_VALUE, "area longer than 50 characters");
                return;
            }
            try {
                String payment = payment(row);
                String slot = choice(row, "時段早1午2晚3全天0", new String[] {"ANY", "MORNING", "NOON", "EVENING"});
                String vehicle = choice(row, "1汽車/2機車/0全部", new String[] {"ANY", "CAR", "SCOOTER"});
                BigDecimal avg = decimal(row, "平均日使用", 2, 999_999);
                BigDecimal cycle = decimal(row, "最大週期", 0, 100_000);
                BigDecimal delay = decimal(row, "可延後天數", 0, 100_000);
                BigDecimal monthly = decimal(row, "月配送量", 2, 99_999_999);
                if (cycle != null && cycle.signum() == 0) {
                    throw new BadCell("最大週期", "must be more than 0");
                }
                StringBuilder held = new StringBuilder("{");
                for (Product p : Product.ALL) {
                    if (p.clientListHeader() == null) {
                        continue;
                    }
                    BigDecimal n = decimal(row, p.clientListHeader(), 0, Product.MAX_CYLINDERS);
                    if (n != null && n.signum() > 0) {
                        held.append(held.length() > 1 ? ", " : "").append('"').append(p.code()).append("\": ").append(n.toPlainString());
                    }
                }
                held.append('}');
                StringBuilder hours = new StringBuilder("{");
                for (int h = 8; h < 20; h++) {
                    if (Values.flag(text(row, h + "~" + (h + 1)))) {
                        hours.append(hours.length() > 1 ? "," : "").append(h);
                    }
                }
                hours.append('}');
                List<String> equipment = new ArrayList<>();
                if (Values.flag(text(row, "流量表"))) {
                    equipment.add("FLOW_METER");
                }
                if (Values.flag(text(row, "切替器"))) {
                    equipment.add("CHANGEOVER_VALVE");
                }
                if (Values.flag(text(row, "智慧秤"))) {
                    equipment.add("SMART_SCALE");
                }
                Set<String> phones = new LinkedHashSet<>();
                for (String h : List.of("電話", "手機", "電話1", "電話2", "行動電話")) {
                    String p = phone(text(row, h));
                    if (p != null) {
                        phones.add(p);
                    }
                }
                out.field(code).field(shortName).field(text(row, "電子發票抬頭")).field(text(row, "地址")).field(area)
                        .field(text(row, "類型")).field("{" + String.join(",", phones) + "}").field(payment)
                        .field(text(row, "計價方式")).field(hours.toString()).field(slot).field(text(row, "公休日"))
                        .field(vehicle).field(plain(avg)).field(plain(cycle)).field(plain(delay)).field(plain(monthly))
                        .field(bool(row, "訂閱式會員")).field(bool(row, "需要當天配送")).field(bool(row, "已解約"))
                        .field("{" + String.join(",", equipment) + "}").field(held.toString());
                out.endRow();
                counts.valid++;
            } catch (BadCell e) {
                reject(row, e.header, Reason.BAD_VALUE, e.getMessage());
            }
        }

        private String bool(SheetRow row, String header) {
            return Values.flag(text(row, header)) ? "t" : "f";
        }

        private String payment(SheetRow row) throws BadCell {
            String v = text(row, "結帳方式");
            if (v == null) {
                return "CASH";
            }
            if (v.contains("現金") || v.contains("現結")) {
                return "CASH";
            }
            if (v.contains("月結")) {
                return "MONTHLY";
            }
            if (v.contains("轉帳") || v.contains("匯款")) {
                return "TRANSFER";
            }
            throw new BadCell("結帳方式", "unknown payment term (現金, 月結, 轉帳)");
        }

        private String choice(SheetRow row, String header, String[] values) throws BadCell {
            BigDecimal v = decimal(row, header, 0, values.length - 1);
            return v == null ? values[0] : values[v.intValueExact()];
        }

        private BigDecimal decimal(SheetRow row, String header, int scale, long max) throws BadCell {
            String v = text(row, header);
            if (v == null) {
                return null;
            }
            BigDecimal d;
            try {
                d = new BigDecimal(v.replace(",", ""));
            } catch (NumberFormatException e) {
                throw new BadCell(header, "not a number");
            }
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw new BadCell(header, "out of range (0 to " + max + ")");
            }
            BigDecimal scaled = d.setScale(scale, RoundingMode.HALF_UP);
            if (scale == 0 && scaled.compareTo(d) != 0) {
                throw new BadCell(header, "not a whole number");
            }
            return scaled;
        }

        private void reject(SheetRow row, String header, Reason reason, String detail) {
            counts.count(reason);
            Integer c = col.get(header);
            rejects.add(fileName, sheet, row.number, header, c == null ? null : row.text(c), reason, detail);
        }
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    /** Taiwanese numbers in national form ({@code 0223456789}, {@code 0912345678}); anything else is dropped. */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+886")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("886") && digits.length() >= 11) {
            digits = "0" + digits.substring(3);
        }
        digits = digits.replace("+", "");
        return digits.matches("0[2-9][0-9]{7,8}") ? digits : null;
    }

    private static final class BadCell extends Exception {
        final String header;

        BadCell(String header, String message) {
            super(header + ": " + message, null, false, false);
            this.header = header;
        }
    }
}
