package com.luckygas.importer;

import java.util.List;
import java.util.Map;

/** The run's summary as the few lines an ops person reads at the end of the job's log. */
final class SummaryText {

    private SummaryText() {
    }

    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Import ").append(s.get("outcome"));
        if (s.containsKey("runId")) {
            sb.append(" (run ").append(s.get("runId")).append(')');
        }
        sb.append(" in ").append(s.get("seconds")).append(" s\n");
        for (Map<String, Object> src : (List<Map<String, Object>>) s.get("sources")) {
            sb.append(String.format("  %s (%s%s): %,d rows read: %,d valid, %,d duplicates, %s skipped, %s rejected%n",
                    src.get("file"), src.get("kind"), src.containsKey("sheets") ? ", " + src.get("sheets") + " sheets" : "",
                    (long) src.get("rowsRead"), (long) src.get("valid"), (long) src.get("duplicates"),
                    byReason((Map<String, Long>) src.get("skipped")), byReason((Map<String, Long>) src.get("rejected"))));
        }
        Map<String, Object> cu = (Map<String, Object>) s.get("customers");
        sb.append(String.format("Customers: %,d in the client list: %,d inserted, %,d updated, %,d unchanged; "
                        + "%,d created from codes only deliveries know (flagged incomplete); coordinates added to %,d%n",
                (long) cu.get("inClientList"), (long) cu.get("inserted"), (long) cu.get("updated"), (long) cu.get("unchanged"),
                (long) cu.get("createdIncomplete"), (long) cu.get("coordinatesAdded")));
        Map<String, Object> de = (Map<String, Object>) s.get("deliveries");
        sb.append(String.format("Deliveries: %,d distinct (%,d in both the workbook and SQLite, merged once; %,d workbook only; "
                        + "%,d SQLite only): %,d inserted (%,d into the archive), %,d already present%n",
                (long) de.get("distinct"), (long) de.get("overlap"), (long) de.get("excelOnly"), (long) de.get("sqliteOnly"),
                (long) de.get("inserted"), (long) de.get("insertedIntoArchive"), (long) de.get("alreadyPresent")));
        Map<String, Object> op = (Map<String, Object>) s.get("cylinderOpenings");
        if (op != null) {
            sb.append(String.format("Cylinder ledger openings (the client list's cylinders held): %,d written, %,d unchanged, "
                            + "%,d kept (customers the platform tracks already)%n",
                    (long) op.get("written"), (long) op.get("unchanged"), (long) op.get("keptTracked")));
        }
        if (s.containsKey("reportViews")) {
            sb.append("Report views: ").append(s.get("reportViews")).append('\n');
        }
        sb.append(String.format("Rejected rows and duplicates listed: %,d%n", (long) s.get("rejectsListed")));
        return sb.toString();
    }

    private static String byReason(Map<String, Long> m) {
        long total = m.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder(String.format("%,d (", total));
        boolean first = true;
        for (Map.Entry<String, Long> e : m.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(' ').append(String.format("%,d", e.getValue()));
            first = false;
        }
        return sb.append(')').toString();
    }
}
