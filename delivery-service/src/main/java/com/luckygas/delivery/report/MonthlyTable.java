package com.luckygas.delivery.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import com.luckygas.delivery.Sheets;

/**
 * The monthly report as the office downloads it: one table with Chinese headers, written as CSV
 * (UTF-8 with a BOM, so that Excel shows the Chinese right) or as an .xlsx workbook (Apache POI,
 * streaming writer).
 */
public final class MonthlyTable {

    public static final String XLSX = Sheets.XLSX;

    private MonthlyTable() {
    }

    /** Title row, header row, then one row per group; numbers stay numbers. */
    static List<List<Object>> rows(MonthlyReport.Month report) {
        TreeSet<String> products = new TreeSet<>(report.total().products().keySet());
        products.addAll(report.lastYear().products().keySet());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("期間", report.from() + " ~ " + report.to(), "資料更新時間", String.valueOf(report.refreshedAt())));
        List<Object> header = new ArrayList<>(List.of("分類", "項目", "配送次數", "現金收款", "配送金額",
                "去年同期配送次數", "去年同期現金收款", "去年同期配送金額"));
        products.forEach(p -> {
            header.add(p);
            header.add("去年同期 " + p);
        });
        rows.add(header);
        rows.add(row("合計", "全部", report.total(), report.lastYear(), products));
        report.byArea().forEach(g -> rows.add(row("區域", g.key(), g.figures(), g.lastYear(), products)));
        report.byDriver().forEach(g -> rows.add(row("司機", g.key(), g.figures(), g.lastYear(), products)));
        report.byCustomerType().forEach(g -> rows.add(row("客戶類型", g.key(), g.figures(), g.lastYear(), products)));
        return rows;
    }

    public static String csv(MonthlyReport.Month report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<Object> row : rows(report)) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object v = row.get(i);
                out.append(v instanceof BigDecimal number ? number.toPlainString() : quote(String.valueOf(v)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    public static byte[] xlsx(MonthlyReport.Month report) {
        return Sheets.xlsx("月報", rows(report));
    }

    private static List<Object> row(String kind, String key, MonthlyReport.Figures now, MonthlyReport.Figures lastYear,
                                    TreeSet<String> products) {
        List<Object> row = new ArrayList<>(List.of(kind, key, BigDecimal.valueOf(now.deliveries()),
                BigDecimal.valueOf(now.revenue()), BigDecimal.valueOf(now.valueDelivered()),
                BigDecimal.valueOf(lastYear.deliveries()), BigDecimal.valueOf(lastYear.revenue()),
                BigDecimal.valueOf(lastYear.valueDelivered())));
        for (String p : products) {
            row.add(value(now.products(), p));
            row.add(value(lastYear.products(), p));
        }
        return row;
    }

    private static BigDecimal value(Map<String, BigDecimal> values, String key) {
        return values.getOrDefault(key, BigDecimal.ZERO);
    }

    static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
