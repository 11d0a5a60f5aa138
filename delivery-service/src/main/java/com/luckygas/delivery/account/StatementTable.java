package com.luckygas.delivery.account;

import com.luckygas.delivery.Sheets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A customer's monthly statement as the office downloads it and sends on: one sheet, Chinese headers. */
public final class StatementTable {

    static final Map<String, String> METHODS = Map.of("TRANSFER", "轉帳", "CASH", "現金", "CHEQUE", "支票",
            "MONTHLY", "月結");

    private StatementTable() {
    }

    static List<List<Object>> rows(Accounts.Statement s) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("客戶對帳單", s.month().toString()));
        rows.add(List.of("客戶編號", nonNull(s.customerCode()), "客戶名稱", nonNull(s.customerName()),
                "付款方式", METHODS.getOrDefault(nonNull(s.paymentTerm()), nonNull(s.paymentTerm()))));
        rows.add(List.of());
        rows.add(List.of("上期結欠", s.broughtForward()));
        rows.add(List.of());
        rows.add(List.of("配送日期", "配送單號", "品項", "數量", "單價", "小計", "配送金額", "現場收款"));
        for (Accounts.StatementDelivery d : s.deliveries()) {
            boolean first = true;
            for (Accounts.Item i : d.items()) {
                List<Object> row = new ArrayList<>();
                row.add(first ? d.date().toString() : null);
                row.add(first ? d.id() : null);
                row.add(i.productCode());
                row.add(i.quantity());
                row.add(i.unitPrice());
                row.add(i.amount());
                row.add(first ? d.value() : null);
                row.add(first ? d.collected() : null);
                rows.add(row);
                first = false;
            }
        }
        rows.add(List.of());
        rows.add(List.of("收款日期", "收款方式", "參考號碼", "金額"));
        for (Accounts.Payment p : s.payments()) {
            rows.add(List.of(p.paidOn().toString(), METHODS.getOrDefault(p.method(), p.method()), nonNull(p.reference()),
                    p.amount()));
        }
        rows.add(List.of());
        rows.add(List.of("本期配送金額", s.charged()));
        rows.add(List.of("本期現場收款", s.collected()));
        rows.add(List.of("本期收款", s.paid()));
        rows.add(List.of("本期結欠", s.carriedForward()));
        return rows;
    }

    public static byte[] xlsx(Accounts.Statement statement) {
        return Sheets.xlsx("對帳單", rows(statement));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
