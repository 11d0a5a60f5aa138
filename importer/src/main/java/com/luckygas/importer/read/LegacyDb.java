package com.luckygas.importer.read;

import com.luckygas.importer.ImportFailure;
import com.luckygas.importer.Product;
import com.luckygas.importer.Progress;
import com.luckygas.importer.Reason;
import com.luckygas.importer.Rejects;
import com.luckygas.importer.SourceCounts;
import com.luckygas.importer.Values;
import com.luckygas.importer.load.CopyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The earlier app's SQLite database (legacy-data.md §3), read only: {@code clients} (names, and
 * the coordinates the client list lacks) and {@code deliveries} (only {@code completed} rows are
 * deliveries; the date is that of {@code delivered_at}, else {@code scheduled_date}).
 */
public final class LegacyDb implements AutoCloseable {

    public interface Sink {
        void delivery(long ord, String code, LocalDate date, LocalTime time, String driver, Long amount, long[] qty)
                throws SQLException;
    }

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SQLITE_PRODUCTS = 9;

    private final Path file;
    private final String fileName;
    private final Connection db;
    private final Map<Long, String> codes = new HashMap<>();

    public LegacyDb(Path file) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(head, MAGIC)) {
                throw new ImportFailure(fileName + ": not a SQLite database");
            }
        } catch (IOException e) {
            throw new ImportFailure(fileName + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            Properties props = new Properties();
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                Set<String> tables = new HashSet<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                for (String t : new String[] {"clients", "deliveries"}) {
                    if (!tables.contains(t)) {
                        throw new ImportFailure(fileName + ": the database has no table " + t);
                    }
                }
            }
        } catch (SQLException e) {
            throw new ImportFailure(fileName + ": not a readable SQLite database (" + e.getMessage() + ")", e);
        }
    }

    /** Stages the clients (for names and coordinates) and remembers id → customer code. */
    public void clients(CopyWriter out) {
        String sql = "SELECT id, client_code, short_name, invoice_title, address, area, latitude, longitude, client_type FROM clients ORDER BY id";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            Set<String> staged = new HashSet<>();
            while (rs.next()) {
                String code = Values.code(rs.getString(2), false);
                if (code == null) {
                    continue;
                }
                codes.put(rs.getLong(1), code);
                if (!staged.add(code)) {
                    continue;
                }
                double latValue = rs.getDouble(7);
                Double lat = rs.wasNull() ? null : latValue;
                double lonValue = rs.getDouble(8);
                Double lon = rs.wasNull() ? null : lonValue;
                // only coordinates in Taiwan (customer_coordinates_taiwan); (0, 0) and the like mean unknown
                boolean valid = lat != null && lon != null && lat >= 21.8 && lat <= 26.5 && lon >= 118.0 && lon <= 122.1;
                String area = blankToNull(rs.getString(6));
                out.field(code).field(blankToNull(rs.getString(3))).field(blankToNull(rs.getString(4)))
                        .field(blankToNull(rs.getString(5))).field(area != null && area.length() <= 50 ? area : null)
                        .field(blankToNull(rs.getString(9)))
                        .field(valid ? String.format("%.6f", lat) : null).field(valid ? String.format("%.6f", lon) : null);
                out.endRow();
            }
        } catch (SQLException e) {
            throw new ImportFailure(fileName + ", table clients: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        String c = Values.clean(s);
        return c == null || c.isEmpty() ? null : c;
    }

    public void deliveries(SourceCounts counts, Rejects rejects, Progress progress, LocalDate today, Sink sink) {
        StringBuilder cols = new StringBuilder("id, client_id, scheduled_date, delivered_at, amount, driver_name, status");
        for (int p = 0; p < SQLITE_PRODUCTS; p++) {
            cols.append(", ").append(Product.ALL.get(p).sqliteColumn());
        }
        long total;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM deliveries")) {
            total = rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new ImportFailure(fileName + ", table deliveries: " + e.getMessage(), e);
        }
        progress.start(fileName + " / deliveries");
        long[] qty = new long[Product.COUNT];
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + cols + " FROM deliveries ORDER BY id")) {
            long n = 0;
            while (rs.next()) {
                n++;
                counts.rowsRead++;
                progress.rows(n, n, total);
                long id = rs.getLong(1);
                String status = Values.clean(rs.getString(7));
                if (status == null || !status.equalsIgnoreCase("completed")) {
                    counts.count(Reason.NOT_COMPLETED);
                    continue;
                }
                long clientId = rs.getLong(2);
                String code = rs.wasNull() ? null : codes.get(clientId);
                if (code == null) {
                    reject(counts, rejects, id, "client_id", rs.wasNull() ? null : Long.toString(clientId), Reason.UNKNOWN_CLIENT);
                    continue;
                }
                String deliveredAt = Values.clean(rs.getString(4));
                LocalDate date;
                LocalTime time = null;
                String dateColumn;
                String dateText;
                try {
                    if (deliveredAt != null && !deliveredAt.isEmpty()) {
                        dateColumn = "delivered_at";
                        dateText = deliveredAt;
                        int split = deliveredAt.indexOf(' ') > 0 ? deliveredAt.indexOf(' ') : deliveredAt.indexOf('T');
                        date = isoDate(split > 0 ? deliveredAt.substring(0, split) : deliveredAt);
                        if (split > 0) {
                            time = Values.time(deliveredAt.substring(split + 1), false);
                        }
                    } else {
                        dateColumn = "scheduled_date";
                        dateText = rs.getString(3);
                        date = isoDate(Values.clean(dateText == null ? "" : dateText));
                    }
                } catch (DateTimeException | Values.Bad e) {
                    String column = deliveredAt != null && !deliveredAt.isEmpty() ? "delivered_at" : "scheduled_date";
                    reject(counts, rejects, id, column, column.equals("delivered_at") ? deliveredAt : rs.getString(3), Reason.BAD_DATE);
                    continue;
                }
                if (date.getYear() < 2000 || date.isAfter(today)) {
                    reject(counts, rejects, id, dateColumn, dateText, date.getYear() < 2000 ? Reason.DATE_BEFORE_2000 : Reason.DATE_IN_FUTURE);
                    continue;
                }
                boolean any = false;
                Reason bad = null;
                String badColumn = null;
                String badValue = null;
                Arrays.fill(qty, 0);
                for (int p = 0; p < SQLITE_PRODUCTS && bad == null; p++) {
                    String v = rs.getString(8 + p);
                    try {
                        qty[p] = Values.quantity(v, true, false);
                        any |= qty[p] != 0;
                    } catch (Values.Bad e) {
                        bad = e.reason;
                        badColumn = Product.ALL.get(p).sqliteColumn();
                        badValue = v;
                    }
                }
                if (bad != null) {
                    reject(counts, rejects, id, badColumn, badValue, bad);
                    continue;
                }
                if (!any) {
                    counts.count(Reason.NO_QUANTITIES);
                    continue;
                }
                long amount = rs.getLong(5);
                Long amountOrNull = rs.wasNull() || amount < 0 ? null : amount;
                String driver = blankToNull(rs.getString(6));
                counts.valid++;
                sink.delivery(id, code, date, time, driver, amountOrNull, qty);
            }
            progress.finish(n);
        } catch (SQLException e) {
            throw new ImportFailure(fileName + ", table deliveries: " + e.getMessage(), e);
        }
    }

    /**
     * {@link LocalDate#parse} (ISO {@code 2025-05-20}), with the form the app writes read without the
     * formatter (a tenth of its cost, the same dates and the same failures).
     */
    static LocalDate isoDate(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                return LocalDate.of(y, m, d);
            }
        }
        return LocalDate.parse(s);
    }

    /** The ASCII digits s[from, to) as a number, or -1. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private void reject(SourceCounts counts, Rejects rejects, long id, String column, String value, Reason reason) {
        counts.count(reason);
        rejects.add(fileName, "deliveries", id, column, value, reason, null);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // read only
        }
    }
}
