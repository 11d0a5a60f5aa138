package com.luckygas.delivery.safety;

import com.luckygas.delivery.Sheets;
import com.luckygas.delivery.customer.CustomerClient;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The safety checks of a period as the authority reads them: one sheet, Chinese headers, one row per check. */
final class SafetyTable {

    static final List<String> HEADERS = List.of("檢查編號", "檢查日期", "檢查時間", "客戶編號", "客戶名稱", "區域", "客戶類型",
            "檢查人員", "身分", "配送單號", "橡膠管", "調整器", "測漏", "容器放置及通風", "瓦斯偵測器", "結果", "備註", "照片");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SafetyTable() {
    }

    static byte[] xlsx(LocalDate from, LocalDate to, List<CheckView> checks, Map<Long, CustomerClient.Profile> customers) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("期間", from + " ~ " + to, "檢查件數", checks.size()));
        rows.add(new ArrayList<>(HEADERS));
        for (CheckView c : checks) {
            CustomerClient.Profile p = customers.get(c.customerId());
            RecordCheck.Items i = c.items();
            List<Object> row = new ArrayList<>();
            row.add(c.id());
            row.add(c.checkedAt().toLocalDate().toString());
            row.add(c.checkedAt().format(TIME));
            row.add(p == null ? String.valueOf(c.customerId()) : p.code());
            row.add(p == null ? null : p.shortName());
            row.add(p == null ? null : p.area());
            row.add(c.customerType());
            row.add(c.checkedBy());
            row.add(role(c.checkerRole()));
            row.add(c.orderId());
            row.add(mark(i.hose()));
            row.add(mark(i.regulator()));
            row.add(mark(i.leakTest()));
            row.add(mark(i.placementVentilation()));
            row.add(mark(i.gasDetector()));
            row.add(c.passed() ? "合格" : "不合格");
            row.add(c.notes());
            row.add(c.photo() == null ? "無" : "有");
            rows.add(row);
        }
        return Sheets.xlsx("安全檢查紀錄", rows);
    }

    static String mark(boolean ok) {
        return ok ? "合格" : "不合格";
    }

    static String role(String role) {
        return switch (role) {
            case "DRIVER" -> "配送員";
            case "TECHNICIAN" -> "安全技術人員";
            default -> "辦公室";
        };
    }
}
