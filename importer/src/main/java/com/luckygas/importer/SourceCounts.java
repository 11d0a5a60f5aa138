package com.luckygas.importer;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one input file held: rows read, valid, duplicates, skipped and rejected by reason. */
public final class SourceCounts {

    public final String kind;
    public final String file;
    public long rowsRead;
    public long valid;
    public long duplicates;
    public int sheets;
    public final EnumMap<Reason, Long> skipped = new EnumMap<>(Reason.class);
    public final EnumMap<Reason, Long> rejected = new EnumMap<>(Reason.class);

    public SourceCounts(String kind, String file) {
        this.kind = kind;
        this.file = file;
    }

    public void count(Reason reason) {
        switch (reason.kind) {
            case SKIPPED -> skipped.merge(reason, 1L, Long::sum);
            case REJECTED -> rejected.merge(reason, 1L, Long::sum);
            case DUPLICATE -> duplicates++;
        }
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("file", file);
        if (sheets > 0) {
            m.put("sheets", sheets);
        }
        m.put("rowsRead", rowsRead);
        m.put("valid", valid);
        m.put("duplicates", duplicates);
        Map<String, Long> s = new LinkedHashMap<>();
        skipped.forEach((k, v) -> s.put(k.name(), v));
        m.put("skipped", s);
        Map<String, Long> r = new LinkedHashMap<>();
        rejected.forEach((k, v) -> r.put(k.name(), v));
        m.put("rejected", r);
        return m;
    }
}
