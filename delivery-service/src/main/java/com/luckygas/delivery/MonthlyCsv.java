package com.luckygas.delivery;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The monthly report as CSV with Chinese headers, UTF-8 with a BOM so that Excel opens it right. */
public final class MonthlyCsv {

    private MonthlyCsv() {
    }

    public static String of(MonthlyReport.Month report) {
        TreeSet<String> products = new TreeSet<>(report.total().products().keySet());
        report.lastYear().products().keySet().forEach(products::add);
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("期間,").append(report.from()).append(" ~ ").append(report.to())
                .append(",資料更新時間,").append(report.refreshedAt()).append("\r\n");
        out.append("分類,項目,配送次數,營收,去年同期配送次數,去年同期營收");
        products.forEach(p -> out.append(',').append(p).append(",去年同期 ").append(p));
        out.append("\r\n");
        row(out, "合計", "全部", report.total(), report.lastYear(), products);
        group(out, "區域", report.byArea(), products);
        group(out, "司機", report.byDriver(), products);
        group(out, "客戶類型", report.byCustomerType(), products);
        return out.toString();
    }

    private static void group(StringBuilder out, String kind, List<MonthlyReport.Group> groups, TreeSet<String> products) {
        groups.forEach(g -> row(out, kind, g.key(), g.figures(), g.lastYear(), products));
    }

    private static void row(StringBuilder out, String kind, String key, MonthlyReport.Figures now,
                            MonthlyReport.Figures lastYear, TreeSet<String> products) {
        out.append(kind).append(',').append(quote(key)).append(',').append(now.deliveries()).append(',').append(now.revenue())
                .append(',').append(lastYear.deliveries()).append(',').append(lastYear.revenue());
        for (String p : products) {
            out.append(',').append(plain(now.products(), p)).append(',').append(plain(lastYear.products(), p));
        }
        out.append("\r\n");
    }

    private static String plain(Map<String, BigDecimal> values, String key) {
        BigDecimal v = values.get(key);
        return v == null ? "0" : v.toPlainString();
    }

    static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
