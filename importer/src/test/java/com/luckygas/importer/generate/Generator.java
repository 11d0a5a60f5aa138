package com.luckygas.importer.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.luckygas.importer.Product;
import com.luckygas.importer.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the three legacy files (legacy-data.md) in their exact shapes — the client list workbook,
 * the delivery history workbook (many sheets), the earlier app's SQLite database — at any size,
 * the same bytes' worth of content for the same seed, with every kind of mess the importer must
 * handle, and a manifest of the exact counts an import of them must report.
 *
 * <p>How the counts come out exact: deliveries are first drawn per customer from ordering patterns
 * (restaurants about weekly with 50 kg, homes every 1–2 months with 20/16 kg, shops, factories,
 * flow-meter customers), then split into Excel-only, both, and SQLite-only sets of exactly the
 * sizes that the requested row counts leave once the mess rows are counted out.
 */
public final class Generator {

    public record Settings(long seed, int customers, int workbookRows, int sqliteRows, Path outDir, Path geo) {
        /** The full size of the real files. */
        public static Settings full(long seed, Path outDir) {
            return new Settings(seed, 1267, 349_920, 179_555, outDir, null);
        }
    }

    public static final String CLIENTS_FILE = "client list.xlsx";
    public static final String DELIVERIES_FILE = "deliver history.xlsx";
    public static final String LEGACY_DB_FILE = "luckygas.db";
    public static final String MANIFEST_FILE = "manifest.json";

    static final LocalDate FIRST = LocalDate.of(2016, 1, 1);
    static final LocalDate APP_START = LocalDate.of(2021, 1, 1);
    static final LocalDate LAST = LocalDate.of(2025, 12, 31);
    static final String[] DRIVERS = {"陳志明", "林建宏", "黃俊傑", "張家豪", "李宗翰", "王建國", "吳承恩", "劉志偉"};
    static final int[] PRICE = {3600, 900, 760, 520, 260, 950, 780, 920, 740, 560, 280};

    /** The delivery workbook's sheets: name, first month, last month (inclusive). */
    record SheetPlan(String name, LocalDate from, LocalDate to) {
    }

    static final List<SheetPlan> SHEETS = List.of(
            new SheetPlan("Sheet1", LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 1)),
            new SheetPlan("2017", LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 1)),
            new SheetPlan("民國107年", LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 1)),
            new SheetPlan("2019", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 1)),
            new SheetPlan("民國109年", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 1)),
            new SheetPlan("110年1-6月", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 1)),
            new SheetPlan("110年7-12月", LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 1)),
            new SheetPlan("2022", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 1)),
            new SheetPlan("民國112年", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 1)),
            new SheetPlan("1-6月", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 1)),
            new SheetPlan("7-12月", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 1)),
            new SheetPlan("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 1)));

    static final class Cust {
        int idx;
        int sqliteId;
        String code;
        String name;
        String invoice;
        String address;
        String area;
        String type;
        boolean inClientList = true;
        boolean inSqlite = true;
        boolean flowMeter;
        Double lat;
        Double lon;
        int slot;
        int vehicle;
        int driver;
        LocalDate start;
        LocalDate end;
        int p1;
        int min1;
        int max1;
        int p2 = -1;
        double p2Chance;
        int intervalMin;
        int intervalMax;
        String payment;
    }

    static final class Event {
        Cust c;
        LocalDate date;
        int minute;
        int driver;
        long[] qty = new long[Product.COUNT];
        int group;
        char cat;
        boolean sqliteable;
        boolean noExcelTime;
        boolean noExcelDriver;
        /** one of two deliveries with the same identity on the same day */
        boolean twinMarked;
        long amount;
    }

    private final Settings s;
    private final Towns towns;
    private final Map<String, Object> manifest = new LinkedHashMap<>();

    private Generator(Settings s) {
        this.s = s;
        this.towns = Towns.load(s.geo());
    }

    /** Writes the files into {@code settings.outDir()} and returns the manifest (also written as manifest.json). */
    public static Map<String, Object> generate(Settings settings) throws IOException, SQLException {
        return new Generator(settings).run();
    }

    static int atLeastOne(double v) {
        return Math.max(1, (int) Math.round(v));
    }

    private Map<String, Object> run() throws IOException, SQLException {
        Files.createDirectories(s.outDir());
        int n = s.customers();
        int w = s.workbookRows();
        int sq = s.sqliteRows();

        // --- mess of the delivery workbook, and its structure rows
        EnumMap<Reason, Integer> xMess = new EnumMap<>(Reason.class);
        xMess.put(Reason.MISSING_CODE, atLeastOne(w * 0.0008));
        xMess.put(Reason.BAD_DATE, atLeastOne(w * 0.0006));
        xMess.put(Reason.DATE_BEFORE_2000, atLeastOne(w * 0.0002));
        xMess.put(Reason.DATE_IN_FUTURE, atLeastOne(w * 0.0002));
        xMess.put(Reason.NEGATIVE_QUANTITY, atLeastOne(w * 0.0003));
        xMess.put(Reason.QUANTITY_OVER_200, atLeastOne(w * 0.0003));
        xMess.put(Reason.BAD_QUANTITY, atLeastOne(w * 0.0002));
        int xZero = atLeastOne(w * 0.002);
        int xDup = atLeastOne(w * 0.004);
        int months = 0;
        for (SheetPlan p : SHEETS) {
            months += (int) ChronoUnit.MONTHS.between(p.from(), p.to()) + 1;
        }
        int subtotalRows = months + SHEETS.size();
        int blankRows = months - SHEETS.size();
        int xRejected = xMess.values().stream().mapToInt(Integer::intValue).sum();
        int excelValid = w - subtotalRows - blankRows - xZero - xDup - xRejected;

        // --- mess of the SQLite database
        EnumMap<Reason, Integer> qMess = new EnumMap<>(Reason.class);
        qMess.put(Reason.UNKNOWN_CLIENT, atLeastOne(sq * 0.0005));
        qMess.put(Reason.BAD_DATE, atLeastOne(sq * 0.0003));
        qMess.put(Reason.NEGATIVE_QUANTITY, atLeastOne(sq * 0.0002));
        int qNotCompleted = atLeastOne(sq * 0.035);
        int qZero = atLeastOne(sq * 0.001);
        int qRejected = qMess.values().stream().mapToInt(Integer::intValue).sum();
        int sqliteValid = sq - qNotCompleted - qZero - qRejected;
        int targetC = atLeastOne(sqliteValid * 0.04);
        int targetB = sqliteValid - targetC;
        if (excelValid <= targetB || targetB <= 0) {
            throw new IllegalArgumentException("workbook rows (" + w + ") must be well above the SQLite rows (" + sq + ")");
        }

        List<Cust> customers = customers(n);

        // --- draw deliveries until the pools hold enough, then pick exact sets
        double rate = 1.0;
        List<Event> excel = null;
        List<Event> sqlite = null;
        int overlap = 0;
        int excelOnly = 0;
        int sqliteOnly = 0;
        for (int attempt = 0; attempt < 30 && excel == null; attempt++, rate *= 1.3) {
            SplittableRandom r = new SplittableRandom(s.seed() * 31 + 7 + attempt);
            List<List<Event>> oldGroups = new ArrayList<>();
            List<List<Event>> newGroups = new ArrayList<>();
            int[] group = {0};
            for (Cust c : customers) {
                draw(c, rate, r, group, oldGroups, newGroups);
            }
            shuffle(oldGroups, r);
            shuffle(newGroups, r);
            // customers that the client list lacks must keep at least one delivery: their groups go first
            Comparator<List<Event>> mustFirst = Comparator.comparing(g -> g.get(0).c.inClientList);
            oldGroups.sort(mustFirst);
            newGroups.sort(mustFirst);
            List<List<Event>> sqliteable = new ArrayList<>();
            List<Event> aNew = new ArrayList<>();
            for (List<Event> g : newGroups) {
                if (g.get(0).sqliteable && g.get(0).c.inSqlite) {
                    sqliteable.add(g);
                } else {
                    g.forEach(e -> e.cat = 'A');
                    aNew.addAll(g);
                }
            }
            int c = take(sqliteable, targetC, 'C');
            int b = take(sqliteable, targetB, 'B');
            int extra = take(sqliteable, (int) Math.round(targetB * 0.02), 'A');
            if (c < 0 || b < 0 || extra < 0) {
                continue;
            }
            int aOld = excelValid - targetB - aNew.size() - (int) Math.round(targetB * 0.02);
            if (aOld < 0 || take(oldGroups, aOld, 'A') < 0) {
                if (aOld < 0) {
                    throw new IllegalArgumentException("too few workbook rows for this many SQLite rows");
                }
                continue;
            }
            excel = new ArrayList<>();
            sqlite = new ArrayList<>();
            for (List<List<Event>> groups : List.of(oldGroups, newGroups)) {
                for (List<Event> g : groups) {
                    for (Event e : g) {
                        if (e.cat == 'A' || e.cat == 'B') {
                            excel.add(e);
                        }
                        if (e.cat == 'B' || e.cat == 'C') {
                            sqlite.add(e);
                        }
                        overlap += e.cat == 'B' ? 1 : 0;
                        excelOnly += e.cat == 'A' ? 1 : 0;
                        sqliteOnly += e.cat == 'C' ? 1 : 0;
                    }
                }
            }
        }
        if (excel == null) {
            throw new IllegalStateException("could not draw enough deliveries");
        }
        Comparator<Event> byTime = Comparator.comparing((Event e) -> e.date).thenComparingInt(e -> e.minute)
                .thenComparingInt(e -> e.c.idx);
        excel.sort(byTime);
        sqlite.sort(byTime);

        SplittableRandom r = new SplittableRandom(s.seed() * 17 + 3);
        int clientRows = writeClientList(customers, r);
        int sheets = writeDeliveries(excel, customers, xMess, xZero, xDup, r);
        writeSqlite(customers, sqlite, qMess, qNotCompleted, qZero, r);

        // --- what an import must report
        int incomplete = 0;
        int withCoordinates = 0;
        int fromClientList = 0;
        for (Cust c : customers) {
            incomplete += c.inClientList ? 0 : 1;
            fromClientList += c.inClientList ? 1 : 0;
            withCoordinates += c.inSqlite && c.lat != null ? 1 : 0;
        }
        manifest.put("seed", s.seed());
        manifest.put("towns", towns.source());
        Map<String, Object> cl = new LinkedHashMap<>();
        cl.put("file", CLIENTS_FILE);
        cl.put("rowsRead", clientRows);
        cl.put("valid", fromClientList);
        cl.put("skipped", Map.of(Reason.BLANK_ROW.name(), clientMess(n).get(Reason.BLANK_ROW)));
        Map<String, Integer> clRejected = new LinkedHashMap<>();
        clientMess(n).forEach((k, v) -> {
            if (k != Reason.BLANK_ROW) {
                clRejected.put(k.name(), v);
            }
        });
        cl.put("rejected", clRejected);
        manifest.put("clients", cl);

        Map<String, Object> wb = new LinkedHashMap<>();
        wb.put("file", DELIVERIES_FILE);
        wb.put("sheets", sheets);
        wb.put("rowsRead", w);
        wb.put("valid", excelValid);
        wb.put("duplicates", xDup);
        Map<String, Integer> wbSkipped = new LinkedHashMap<>();
        wbSkipped.put(Reason.BLANK_ROW.name(), blankRows);
        wbSkipped.put(Reason.SUBTOTAL_ROW.name(), subtotalRows);
        wbSkipped.put(Reason.NO_QUANTITIES.name(), xZero);
        wb.put("skipped", wbSkipped);
        Map<String, Integer> wbRejected = new LinkedHashMap<>();
        xMess.forEach((k, v) -> wbRejected.put(k.name(), v));
        wb.put("rejected", wbRejected);
        manifest.put("deliveryWorkbook", wb);

        Map<String, Object> db = new LinkedHashMap<>();
        db.put("file", LEGACY_DB_FILE);
        db.put("rowsRead", sq);
        db.put("valid", sqliteValid);
        Map<String, Integer> dbSkipped = new LinkedHashMap<>();
        dbSkipped.put(Reason.NOT_COMPLETED.name(), qNotCompleted);
        dbSkipped.put(Reason.NO_QUANTITIES.name(), qZero);
        db.put("skipped", dbSkipped);
        Map<String, Integer> dbRejected = new LinkedHashMap<>();
        qMess.forEach((k, v) -> dbRejected.put(k.name(), v));
        db.put("rejected", dbRejected);
        manifest.put("legacyDb", db);

        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("distinct", excelOnly + overlap + sqliteOnly);
        merged.put("overlap", overlap);
        merged.put("excelOnly", excelOnly);
        merged.put("sqliteOnly", sqliteOnly);
        manifest.put("deliveries", merged);

        Map<String, Object> cu = new LinkedHashMap<>();
        cu.put("total", n);
        cu.put("fromClientList", fromClientList);
        cu.put("createdIncomplete", incomplete);
        cu.put("withCoordinates", withCoordinates);
        manifest.put("customers", cu);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(s.outDir().resolve(MANIFEST_FILE).toFile(), manifest);
        return manifest;
    }

    /** Assigns whole groups (a delivery and its same-day twin) to a set until exactly {@code target} deliveries. */
    private static int take(List<List<Event>> groups, int target, char cat) {
        int remaining = target;
        for (List<Event> g : groups) {
            if (remaining == 0) {
                break;
            }
            if (g.get(0).cat != 0 || g.size() > remaining) {
                continue;
            }
            for (Event e : g) {
                e.cat = cat;
            }
            remaining -= g.size();
        }
        return remaining == 0 ? target : -1;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, r.nextInt(i + 1));
        }
    }

    // ------------------------------------------------------------------ customers

    private List<Cust> customers(int n) {
        SplittableRandom r = new SplittableRandom(s.seed());
        List<Cust> out = new ArrayList<>(n);
        int code = 1001;
        int incomplete = Math.max(2, (int) Math.round(n * 0.004));
        int orphans = Math.max(1, (int) Math.round(n * 0.002));
        String[] surnames = {"陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "郭", "洪"};
        String[] titles = {"先生", "太太", "小姐"};
        String[] shopPrefix = {"美味", "阿華", "老張", "好吃", "金龍", "福來", "大眾", "鼎泰", "阿美", "來來", "興隆", "永安", "順發", "新光", "全家福"};
        String[] restaurant = {"小吃", "麵店", "餐廳", "快炒", "火鍋", "牛肉麵", "便當", "早餐店", "自助餐"};
        String[] shop = {"商店", "雜貨店", "五金行", "洗衣店", "冰果室"};
        String[] factory = {"工業社", "食品廠", "企業社", "鐵工廠"};
        String[] streets = {"中正路", "中山路", "民生路", "民權路", "復興路", "和平東路", "忠孝東路", "信義路", "仁愛路", "光復路", "建國路", "成功路", "中華路", "文化路", "自強街"};
        for (int i = 0; i < n; i++) {
            Cust c = new Cust();
            c.idx = i;
            code += 1 + (r.nextInt(10) == 0 ? r.nextInt(5) : 0);
            c.code = Integer.toString(code);
            Towns.Town t = towns.list().get(r.nextInt(towns.list().size()));
            c.area = t.district();
            c.address = t.county() + t.district() + streets[r.nextInt(streets.length)]
                    + (r.nextInt(3) == 0 ? (1 + r.nextInt(3)) + "段" : "")
                    + (r.nextInt(2) == 0 ? (1 + r.nextInt(300)) + "巷" : "") + (1 + r.nextInt(400)) + "號";
            int kind = r.nextInt(100);
            String prefix = shopPrefix[r.nextInt(shopPrefix.length)];
            if (kind < 55) {
                c.type = "住家";
                c.name = surnames[r.nextInt(surnames.length)] + titles[r.nextInt(titles.length)];
                c.intervalMin = 30;
                c.intervalMax = 60;
                int brand = r.nextInt(100);
                c.p1 = brand < 55 ? 1 : brand < 80 ? 2 : brand < 88 ? 7 : brand < 93 ? 8 : brand < 96 ? 3 : brand < 98 ? 9 : 10;
                c.min1 = 1;
                c.max1 = r.nextInt(5) == 0 ? 2 : 1;
            } else if (kind < 80) {
                c.type = "餐廳";
                c.name = prefix + restaurant[r.nextInt(restaurant.length)];
                c.intervalMin = 5;
                c.intervalMax = 9;
                c.p1 = r.nextInt(10) < 7 ? 0 : r.nextInt(3) == 0 ? 5 : 1;
                c.min1 = 1;
                c.max1 = c.p1 == 0 ? 2 : 4;
                if (r.nextInt(4) == 0) {
                    c.p2 = 1;
                    c.p2Chance = 0.3;
                }
            } else if (kind < 92) {
                c.type = "商店";
                c.name = prefix + shop[r.nextInt(shop.length)];
                c.intervalMin = 12;
                c.intervalMax = 24;
                c.p1 = r.nextInt(4) == 0 ? 2 : 1;
                c.min1 = 1;
                c.max1 = 2;
                if (r.nextInt(5) == 0) {
                    c.p2 = 4;
                    c.p2Chance = 0.5;
                }
            } else {
                c.type = "工廠";
                c.name = prefix + factory[r.nextInt(factory.length)];
                c.intervalMin = 3;
                c.intervalMax = 7;
                c.p1 = r.nextInt(5) == 0 ? 6 : 0;
                c.min1 = 2;
                c.max1 = 8;
            }
            if ((c.type.equals("餐廳") || c.type.equals("工廠")) && r.nextInt(100) < 12) {
                c.flowMeter = true;
                c.p1 = 11 + (r.nextInt(5) == 0 ? 1 + r.nextInt(4) : 0);
                c.intervalMin = 10;
                c.intervalMax = 20;
                c.p2 = -1;
            }
            c.invoice = c.type.equals("住家") ? (r.nextInt(10) == 0 ? c.name : null) : prefix + (r.nextBoolean() ? "有限公司" : "企業社");
            c.slot = c.type.equals("餐廳") ? (r.nextBoolean() ? 1 : 2) : r.nextInt(4);
            c.vehicle = r.nextInt(10) < 2 ? 2 : r.nextInt(10) < 3 ? 1 : 0;
            c.driver = r.nextInt(DRIVERS.length);
            c.payment = c.type.equals("住家") ? "現金" : r.nextInt(3) == 0 ? "現金" : r.nextInt(5) == 0 ? "轉帳" : "月結";
            long span = ChronoUnit.DAYS.between(FIRST, LAST);
            c.start = r.nextInt(3) == 0 ? FIRST : FIRST.plusDays(r.nextLong(span - 200));
            c.end = r.nextInt(8) == 0 ? c.start.plusDays(200 + r.nextLong(Math.max(1, ChronoUnit.DAYS.between(c.start, LAST) - 199))) : LAST;
            if (c.end.isAfter(LAST)) {
                c.end = LAST;
            }
            if (r.nextInt(100) < 85) {
                c.lat = round6(t.lat() + (r.nextDouble() - 0.5) * 0.02);
                c.lon = round6(t.lon() + (r.nextDouble() - 0.5) * 0.02);
            }
            out.add(c);
        }
        // customers the client list lacks: some known to the app (SQLite), some only in old workbook rows
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picks.add(i);
        }
        shuffle(picks, r);
        for (int k = 0; k < incomplete + orphans && k < n; k++) {
            Cust c = out.get(picks.get(k));
            c.inClientList = false;
            c.start = FIRST;
            c.end = k < orphans ? LocalDate.of(2019, 12, 31) : LAST;
            c.inSqlite = k >= orphans;
        }
        int id = 1;
        for (Cust c : out) {
            if (c.inSqlite) {
                c.sqliteId = id++;
            }
        }
        return out;
    }

    private static double round6(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }

    private void draw(Cust c, double rate, SplittableRandom r, int[] group, List<List<Event>> oldGroups,
                      List<List<Event>> newGroups) {
        LocalDate d = c.start.plusDays(r.nextInt(Math.max(1, c.intervalMax)));
        while (!d.isAfter(c.end)) {
            Event e = event(c, d, r);
            e.group = ++group[0];
            List<Event> g = new ArrayList<>(2);
            g.add(e);
            if (r.nextInt(250) == 0 && e.minute < 17 * 60) {
                // a second delivery the same day, same quantities: a separate delivery
                Event twin = new Event();
                twin.c = c;
                twin.date = d;
                twin.minute = e.minute + 60 + r.nextInt(180);
                twin.driver = r.nextInt(DRIVERS.length);
                twin.qty = e.qty.clone();
                twin.sqliteable = e.sqliteable;
                twin.amount = e.amount;
                twin.group = e.group;
                e.twinMarked = true;
                twin.twinMarked = true;
                g.add(twin);
            }
            (d.isBefore(APP_START) ? oldGroups : newGroups).add(g);
            int interval = c.intervalMin + r.nextInt(c.intervalMax - c.intervalMin + 1);
            d = d.plusDays(Math.max(1, Math.round(interval / rate)));
        }
    }

    private static Event event(Cust c, LocalDate d, SplittableRandom r) {
        Event e = new Event();
        e.c = c;
        e.date = d;
        int from = switch (c.slot) {
            case 1 -> 8 * 60;
            case 2 -> 11 * 60;
            case 3 -> 17 * 60;
            default -> 8 * 60;
        };
        int span = c.slot == 0 ? 12 * 60 : 3 * 60;
        e.minute = from + r.nextInt(span);
        e.driver = r.nextInt(100) < 85 ? c.driver : r.nextInt(DRIVERS.length);
        if (Product.ALL.get(c.p1).flow()) {
            e.qty[c.p1] = 2000 + r.nextInt(16000);
        } else {
            e.qty[c.p1] = c.min1 + r.nextInt(c.max1 - c.min1 + 1);
        }
        if (c.p2 >= 0 && r.nextDouble() < c.p2Chance) {
            e.qty[c.p2] = 1 + r.nextInt(2);
        }
        e.sqliteable = true;
        long amount = 0;
        for (int p = 0; p < Product.COUNT; p++) {
            if (e.qty[p] != 0) {
                if (Product.ALL.get(p).sqliteColumn() == null) {
                    e.sqliteable = false;
                } else {
                    amount += e.qty[p] * PRICE[p];
                }
            }
        }
        e.amount = amount;
        e.noExcelTime = r.nextInt(100) < 15;
        e.noExcelDriver = r.nextInt(100) < 10;
        return e;
    }

    // ------------------------------------------------------------------ client list

    static final String[] CLIENT_HEADERS_MAIN = {"客戶", "客戶簡稱", "電子發票抬頭", "地址", "區域", "類型", "電話", "手機",
        "50KG", "20KG", "16KG", "10KG", "4KG", "營20", "營16", "好運20", "好運16", "時段早1午2晚3全天0",
        "8~9", "9~10", "10~11", "11~12", "12~13", "13~14", "14~15", "15~16", "16~17", "17~18", "18~19", "19~20",
        "1汽車/2機車/0全部", "平均日使用", "最大週期", "可延後天數", "月配送量", "計價方式", "結帳方式",
        "訂閱式會員", "需要當天配送", "已解約", "公休日", "流量表", "切替器", "智慧秤"};

    private static EnumMap<Reason, Integer> clientMess(int n) {
        EnumMap<Reason, Integer> m = new EnumMap<>(Reason.class);
        m.put(Reason.BLANK_ROW, atLeastOne(n * 0.003));
        m.put(Reason.MISSING_CODE, atLeastOne(n * 0.002));
        m.put(Reason.DUPLICATE_CODE, atLeastOne(n * 0.002));
        m.put(Reason.BAD_VALUE, atLeastOne(n * 0.002));
        return m;
    }

    private int writeClientList(List<Cust> customers, SplittableRandom r) throws IOException {
        List<String> headers = new ArrayList<>(List.of(CLIENT_HEADERS_MAIN));
        String[] fillers = {"聯絡人", "統一編號", "備註", "建檔日期", "最後交易日", "Email", "傳真", "介紹人"};
        for (int i = 0; headers.size() < 76; i++) {
            headers.add(i < fillers.length ? fillers[i] : "欄位" + (i + 1));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Cust c : customers) {
            if (c.inClientList) {
                rows.add(clientRow(c, headers.size(), r, false));
            }
        }
        EnumMap<Reason, Integer> mess = clientMess(customers.size());
        List<Object[]> extra = new ArrayList<>();
        for (int k = 0; k < mess.get(Reason.BLANK_ROW); k++) {
            Object[] row = new Object[headers.size()];
            row[0] = " ";
            rows.add(r.nextInt(rows.size() + 1), row);
        }
        for (int k = 0; k < mess.get(Reason.MISSING_CODE); k++) {
            Object[] row = clientRow(customers.get(r.nextInt(customers.size())), headers.size(), r, false);
            row[0] = null;
            row[1] = "新客戶" + (k + 1);
            rows.add(r.nextInt(rows.size() + 1), row);
        }
        for (int k = 0; k < mess.get(Reason.BAD_VALUE); k++) {
            Cust prospect = new Cust();
            prospect.code = Integer.toString(90001 + k);
            prospect.name = "潛在客戶" + (k + 1);
            prospect.type = "商店";
            prospect.area = customers.get(0).area;
            prospect.address = customers.get(0).address;
            prospect.payment = "現金";
            prospect.p1 = 1;
            Object[] row = clientRow(prospect, headers.size(), r, true);
            rows.add(r.nextInt(rows.size() + 1), row);
        }
        List<Cust> listed = customers.stream().filter(c -> c.inClientList).toList();
        for (int k = 0; k < mess.get(Reason.DUPLICATE_CODE); k++) {
            Cust c = listed.get(r.nextInt(listed.size()));
            Object[] row = clientRow(c, headers.size(), r, false);
            row[1] = c.name + "(舊)";
            extra.add(row);
        }
        rows.addAll(extra);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true)) {
            SXSSFSheet sheet = wb.createSheet("客戶資料");
            Row h = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            int rn = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(rn++);
                for (int i = 0; i < values.length; i++) {
                    put(row, i, values[i], null, null);
                }
            }
            write(wb, s.outDir().resolve(CLIENTS_FILE));
        }
        return rows.size();
    }

    private static Object[] clientRow(Cust c, int width, SplittableRandom r, boolean badValue) {
        Object[] v = new Object[width];
        v[0] = codeCell(c.code, r);
        v[1] = r.nextInt(30) == 0 ? " " + c.name + " " : c.name;
        v[2] = c.invoice;
        v[3] = c.address;
        v[4] = c.area;
        v[5] = c.type;
        v[6] = r.nextInt(3) == 0 ? null : "(02)2" + (100 + r.nextInt(900)) + "-" + (1000 + r.nextInt(9000));
        v[7] = r.nextInt(3) == 0 ? null : (r.nextBoolean() ? "09" : "+886 9") + (10 + r.nextInt(90)) + "-" + (100 + r.nextInt(900)) + "-" + (100 + r.nextInt(900));
        int held = 1 + r.nextInt(3);
        int p = Product.ALL.get(c.p1).flow() ? 0 : c.p1;
        if (p <= 8) {
            v[8 + p] = r.nextInt(5) == 0 ? Integer.toString(held) : (Object) (double) held;
        }
        v[17] = (double) c.slot;
        int[][] hours = {{8, 20}, {8, 11}, {11, 14}, {17, 20}};
        for (int hr = hours[c.slot][0]; hr < hours[c.slot][1]; hr++) {
            v[18 + hr - 8] = "V";
        }
        v[30] = (double) c.vehicle;
        v[31] = badValue ? "很多" : (Object) (Math.round((0.5 + r.nextDouble() * 6) * 100) / 100d);
        v[32] = (double) (c.intervalMax > 0 ? c.intervalMax : 30);
        v[33] = (double) r.nextInt(4);
        v[34] = (double) (1 + r.nextInt(12));
        v[35] = r.nextInt(4) == 0 ? "合約價" : "一般";
        v[36] = c.payment;
        String[] yes = {"V", "Y", "1"};
        v[37] = r.nextInt(10) == 0 ? yes[r.nextInt(3)] : null;
        v[38] = r.nextInt(15) == 0 ? yes[r.nextInt(3)] : null;
        v[39] = c.end != null && c.end.isBefore(LAST) ? yes[r.nextInt(3)] : null;
        v[40] = r.nextInt(5) == 0 ? (r.nextBoolean() ? "週日" : "每月1,15日") : null;
        v[41] = c.flowMeter ? "V" : null;
        v[42] = r.nextInt(20) == 0 ? "V" : null;
        v[43] = r.nextInt(25) == 0 ? "Y" : null;
        return v;
    }

    /** A customer code as the office typed it: a number, text, padded, or in full-width digits. */
    private static Object codeCell(String code, SplittableRandom r) {
        int k = r.nextInt(100);
        if (k < 70) {
            return (double) Long.parseLong(code);
        }
        if (k < 90) {
            return code;
        }
        if (k < 95) {
            return " " + code + " ";
        }
        return fullWidth(code);
    }

    static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            sb.append(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' ? (char) (ch + 0xFEE0) : ch);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ delivery workbook

    /** A cell written with a number format (a real Excel date or time). */
    record Styled(double value, boolean date) {
    }

    private static final int COL_CODE = -1;
    private static final int COL_DATE = -2;
    private static final int COL_TIME = -3;
    private static final int COL_DRIVER = -4;
    private static final int COL_NOTE = -5;

    private int writeDeliveries(List<Event> excel, List<Cust> customers, EnumMap<Reason, Integer> mess, int zero,
                                int dups, SplittableRandom r) throws IOException {
        // mess rows, each in a random month
        List<Cust> listed = customers.stream().filter(c -> c.inClientList).toList();
        Map<LocalDate, List<Object>> extras = new HashMap<>();
        long monthsSpan = ChronoUnit.MONTHS.between(FIRST, LAST) + 1;
        mess.forEach((reason, count) -> {
            for (int k = 0; k < count; k++) {
                LocalDate month = FIRST.plusMonths(r.nextLong(monthsSpan));
                extras.computeIfAbsent(month, m -> new ArrayList<>()).add(reason);
            }
        });
        for (int k = 0; k < zero; k++) {
            LocalDate month = FIRST.plusMonths(r.nextLong(monthsSpan));
            extras.computeIfAbsent(month, m -> new ArrayList<>()).add(Reason.NO_QUANTITIES);
        }
        // exact copies of some valid rows
        java.util.Set<Event> duplicated = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (duplicated.size() < dups) {
            duplicated.add(excel.get(r.nextInt(excel.size())));
        }

        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true)) {
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            CellStyle timeStyle = wb.createCellStyle();
            timeStyle.setDataFormat(wb.createDataFormat().getFormat("h:mm"));
            int next = 0;
            for (int si = 0; si < SHEETS.size(); si++) {
                SheetPlan plan = SHEETS.get(si);
                LocalDate endExclusive = plan.to().plusMonths(1);
                int from = next;
                while (next < excel.size() && excel.get(next).date.isBefore(endExclusive)) {
                    next++;
                }
                List<Event> events = excel.subList(from, next);
                List<Integer> columns = sheetColumns(si, events, r);
                SXSSFSheet sheet = wb.createSheet(plan.name());
                int rn = 0;
                int titles = si % 4 == 1 ? 1 : si % 4 == 2 ? 2 : 0;
                if (titles > 0) {
                    sheet.createRow(rn++).createCell(0).setCellValue("幸福氣體行 送貨明細");
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.min(7, columns.size() - 1)));
                    if (titles == 2) {
                        sheet.createRow(rn++).createCell(0).setCellValue("民國" + (plan.from().getYear() - 1911) + "年");
                    }
                }
                Row header = sheet.createRow(rn++);
                for (int i = 0; i < columns.size(); i++) {
                    header.createCell(i).setCellValue(headerOf(columns.get(i), si));
                }
                int dominant = si % 7;
                int e = 0;
                long[] sheetTotal = new long[Product.COUNT];
                for (LocalDate month = plan.from(); !month.isAfter(plan.to()); month = month.plusMonths(1)) {
                    LocalDate monthEnd = month.plusMonths(1);
                    List<Object[]> rows = new ArrayList<>();
                    long[] monthTotal = new long[Product.COUNT];
                    while (e < events.size() && events.get(e).date.isBefore(monthEnd)) {
                        Event ev = events.get(e++);
                        Object[] cells = eventRow(ev, columns, dominant, dateStyle, r);
                        rows.add(cells);
                        if (duplicated.contains(ev)) {
                            rows.add(cells);
                        }
                        for (int p = 0; p < Product.COUNT; p++) {
                            monthTotal[p] += ev.qty[p];
                        }
                    }
                    for (Object x : extras.getOrDefault(month, List.of())) {
                        Object[] cells = messRow((Reason) x, listed.get(r.nextInt(listed.size())), month, columns, r);
                        rows.add(r.nextInt(rows.size() + 1), cells);
                    }
                    for (Object[] cells : rows) {
                        writeRow(sheet.createRow(rn++), cells, dateStyle, timeStyle);
                    }
                    writeRow(sheet.createRow(rn++), totalRow(columns, monthTotal, month.getMonthValue() + "月小計", r), dateStyle, timeStyle);
                    for (int p = 0; p < Product.COUNT; p++) {
                        sheetTotal[p] += monthTotal[p];
                    }
                    if (month.isBefore(plan.to())) {
                        sheet.createRow(rn++).createCell(0).setCellValue(" ");
                    }
                }
                writeRow(sheet.createRow(rn++), totalRow(columns, sheetTotal, si == SHEETS.size() - 1 ? "總計" : "合計", r),
                        dateStyle, timeStyle);
            }
            write(wb, s.outDir().resolve(DELIVERIES_FILE));
        }
        return SHEETS.size();
    }

    /** The columns of one sheet: which and in what order differ from sheet to sheet. */
    private static List<Integer> sheetColumns(int si, List<Event> events, SplittableRandom r) {
        boolean[] used = new boolean[Product.COUNT];
        for (Event e : events) {
            for (int p = 0; p < Product.COUNT; p++) {
                used[p] |= e.qty[p] != 0;
            }
        }
        List<Integer> cols = new ArrayList<>(List.of(COL_CODE, COL_DATE, COL_TIME));
        if (si != 0 && si != 3) {
            cols.add(COL_DRIVER);
        }
        for (int p = 0; p < Product.COUNT; p++) {
            // quantities are needed in every sheet for the mess rows (R20)
            if (used[p] || si % 3 == 0 || p == 1) {
                cols.add(p);
            }
        }
        if (si % 3 == 2) {
            cols.add(COL_NOTE);
        }
        if (si % 2 == 1) {
            shuffle(cols, r);
        }
        return cols;
    }

    private static String headerOf(int column, int si) {
        return switch (column) {
            case COL_CODE -> si % 2 == 0 ? "客戶編號" : "編號";
            case COL_DATE -> "交易日期";
            case COL_TIME -> "交易時間";
            case COL_DRIVER -> "業務員";
            case COL_NOTE -> "備註";
            default -> Product.ALL.get(column).deliveryHeader();
        };
    }

    private static Object[] eventRow(Event ev, List<Integer> columns, int dominant, CellStyle dateStyle, SplittableRandom r) {
        Object[] cells = new Object[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            int col = columns.get(i);
            switch (col) {
                case COL_CODE -> cells[i] = codeCell(ev.c.code, r);
                case COL_DATE -> cells[i] = dateCell(ev.date, r.nextInt(100) < 85 ? dominant : r.nextInt(7), r);
                case COL_TIME -> {
                    // twins (same identity that day) always carry their time, else they could be exact copies
                    if (!ev.noExcelTime || ev.twinMarked) {
                        LocalTime t = LocalTime.of(ev.minute / 60, ev.minute % 60);
                        cells[i] = r.nextInt(100) < 70 ? String.format("%02d:%02d", t.getHour(), t.getMinute())
                                : new Styled(t.toSecondOfDay() / 86_400d, false);
                    }
                }
                case COL_DRIVER -> cells[i] = ev.noExcelDriver ? null : DRIVERS[ev.driver];
                case COL_NOTE -> cells[i] = r.nextInt(20) == 0 ? "後門" : null;
                default -> cells[i] = quantityCell(ev.qty[col], Product.ALL.get(col).flow(), r);
            }
        }
        return cells;
    }

    private static Object quantityCell(long q, boolean flow, SplittableRandom r) {
        if (q == 0) {
            return r.nextInt(100) < 80 ? null : r.nextBoolean() ? (Object) 0d : "0";
        }
        if (flow) {
            double kg = q / 100d;
            return r.nextInt(100) < 85 ? (Object) kg : com.luckygas.importer.Values.quantityText(q, true);
        }
        int k = r.nextInt(100);
        if (k < 80) {
            return (double) q;
        }
        if (k < 92) {
            return Long.toString(q);
        }
        if (k < 97) {
            return fullWidth(Long.toString(q));
        }
        return " " + q + " ";
    }

    /** A date in one of the forms the office used: 0 ROC number, 1 Excel date, 2 114/05/20, 3 2025/5/20, 4 114.5.20, 5 2025-05-20, 6 ROC text. */
    private static Object dateCell(LocalDate d, int form, SplittableRandom r) {
        int roc = d.getYear() - 1911;
        return switch (form) {
            case 0 -> (double) (roc * 10_000L + d.getMonthValue() * 100L + d.getDayOfMonth());
            case 1 -> new Styled(ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), d), true);
            case 2 -> String.format("%d/%02d/%02d", roc, d.getMonthValue(), d.getDayOfMonth());
            case 3 -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
            case 4 -> roc + "." + d.getMonthValue() + "." + d.getDayOfMonth();
            case 5 -> d.toString();
            default -> r.nextInt(4) == 0 ? fullWidth(String.format("%d%02d%02d", roc, d.getMonthValue(), d.getDayOfMonth()))
                    : String.format("%d%02d%02d", roc, d.getMonthValue(), d.getDayOfMonth());
        };
    }

    private static Object[] messRow(Reason reason, Cust c, LocalDate month, List<Integer> columns, SplittableRandom r) {
        Object[] cells = new Object[columns.size()];
        LocalDate d = month.plusDays(r.nextInt(month.lengthOfMonth()));
        int target = columns.indexOf(1);
        for (int i = 0; i < cells.length; i++) {
            int col = columns.get(i);
            switch (col) {
                case COL_CODE -> cells[i] = reason == Reason.MISSING_CODE ? (r.nextBoolean() ? null : "  ") : codeCell(c.code, r);
                case COL_DATE -> cells[i] = switch (reason) {
                    case BAD_DATE -> new String[] {"114/13/45", "abc", "2025/02/30", "1141345", "?"}[r.nextInt(5)];
                    case DATE_BEFORE_2000 -> new Object[] {"88/12/31", "1999/5/3", "0881231", new Styled(36000, true)}[r.nextInt(4)];
                    case DATE_IN_FUTURE -> new String[] {"2099/1/1", "1880101", "188/03/04"}[r.nextInt(3)];
                    default -> dateCell(d, r.nextInt(7), r);
                };
                case COL_TIME, COL_NOTE, COL_DRIVER -> cells[i] = null;
                default -> {
                    if (i == target) {
                        cells[i] = switch (reason) {
                            case NEGATIVE_QUANTITY -> r.nextBoolean() ? (Object) (-1d - r.nextInt(3)) : "-2";
                            case QUANTITY_OVER_200 -> r.nextBoolean() ? (Object) (201d + r.nextInt(1000)) : "1200";
                            case BAD_QUANTITY -> new String[] {"兩", "2瓶", "1.5"}[r.nextInt(3)];
                            case NO_QUANTITIES -> r.nextBoolean() ? null : "0";
                            default -> (double) (1 + r.nextInt(3));
                        };
                    }
                }
            }
        }
        return cells;
    }

    private static Object[] totalRow(List<Integer> columns, long[] totals, String label, SplittableRandom r) {
        Object[] cells = new Object[columns.size()];
        int labelAt = r.nextBoolean() ? columns.indexOf(COL_CODE) : columns.indexOf(COL_DATE);
        cells[labelAt] = label;
        for (int i = 0; i < cells.length; i++) {
            int col = columns.get(i);
            if (col >= 0) {
                boolean flow = Product.ALL.get(col).flow();
                cells[i] = flow ? totals[col] / 100d : (double) totals[col];
            }
        }
        return cells;
    }

    private static void writeRow(Row row, Object[] cells, CellStyle dateStyle, CellStyle timeStyle) {
        for (int i = 0; i < cells.length; i++) {
            put(row, i, cells[i], dateStyle, timeStyle);
        }
    }

    private static void put(Row row, int i, Object v, CellStyle dateStyle, CellStyle timeStyle) {
        if (v == null) {
            return;
        }
        if (v instanceof String str) {
            row.createCell(i).setCellValue(str);
        } else if (v instanceof Double num) {
            row.createCell(i).setCellValue(num);
        } else if (v instanceof Styled st) {
            var cell = row.createCell(i);
            cell.setCellValue(st.value());
            cell.setCellStyle(st.date() ? dateStyle : timeStyle);
        } else {
            row.createCell(i).setCellValue(v.toString());
        }
    }

    private static void write(SXSSFWorkbook wb, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            wb.write(out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    // ------------------------------------------------------------------ legacy SQLite database

    private void writeSqlite(List<Cust> customers, List<Event> sqlite, EnumMap<Reason, Integer> mess, int notCompleted,
                             int zero, SplittableRandom r) throws IOException, SQLException {
        Path file = s.outDir().resolve(LEGACY_DB_FILE);
        Files.deleteIfExists(file);
        List<Cust> known = customers.stream().filter(c -> c.inSqlite).toList();
        // every row of the deliveries table: [date, client_id, scheduled, delivered_at, qty..., amount, driver, status]
        List<Object[]> rows = new ArrayList<>(sqlite.size() + notCompleted + 100);
        for (Event e : sqlite) {
            String delivered = null;
            String scheduled = e.date.toString();
            boolean twin = e.twinMarked;
            int k = r.nextInt(100);
            if (k < 8 && !twin) {
                delivered = null;
            } else {
                LocalTime t = LocalTime.of(e.minute / 60, e.minute % 60, r.nextInt(60));
                delivered = e.date + " " + t;
                if (k >= 95) {
                    scheduled = e.date.minusDays(1).toString();
                }
            }
            rows.add(new Object[] {e.date, e.c.sqliteId, scheduled, delivered, e.qty, e.amount,
                r.nextInt(100) < 5 ? null : DRIVERS[e.driver], "completed"});
        }
        long days = ChronoUnit.DAYS.between(APP_START, LAST);
        for (int k = 0; k < notCompleted + zero; k++) {
            Cust c = known.get(r.nextInt(known.size()));
            LocalDate d = APP_START.plusDays(r.nextLong(days));
            long[] q = new long[Product.COUNT];
            if (k < notCompleted) {
                q[1] = 1 + r.nextInt(2);
            }
            String status = k < notCompleted ? (r.nextInt(7) == 0 ? "pending" : "cancelled") : "completed";
            rows.add(new Object[] {d, c.sqliteId, d.toString(), null, q, k < notCompleted ? q[1] * PRICE[1] : 0L,
                null, status});
        }
        for (Map.Entry<Reason, Integer> m : mess.entrySet()) {
            for (int k = 0; k < m.getValue(); k++) {
                Cust c = known.get(r.nextInt(known.size()));
                LocalDate d = APP_START.plusDays(r.nextLong(days));
                long[] q = new long[Product.COUNT];
                q[1] = 1;
                int client = c.sqliteId;
                String scheduled = d.toString();
                switch (m.getKey()) {
                    case UNKNOWN_CLIENT -> client = 900_000 + k;
                    case BAD_DATE -> scheduled = new String[] {"2023-02-30", "N/A", ""}[r.nextInt(3)];
                    case NEGATIVE_QUANTITY -> q[1] = -1;
                    default -> throw new IllegalStateException();
                }
                rows.add(new Object[] {d, client, scheduled, null, q, 900L, null, "completed"});
            }
        }
        rows.sort(Comparator.comparing(o -> (LocalDate) o[0]));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("""
                        CREATE TABLE clients (
                          id INTEGER PRIMARY KEY, client_code TEXT NOT NULL, short_name TEXT, invoice_title TEXT,
                          address TEXT, area TEXT, latitude REAL, longitude REAL, client_type TEXT,
                          is_active INTEGER DEFAULT 1)""");
                st.execute("""
                        CREATE TABLE deliveries (
                          id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES clients(id),
                          scheduled_date TEXT,
                          delivered_at TEXT,
                          qty_50kg INTEGER DEFAULT 0, qty_20kg INTEGER DEFAULT 0, qty_16kg INTEGER DEFAULT 0,
                          qty_10kg INTEGER DEFAULT 0, qty_4kg INTEGER DEFAULT 0,
                          qty_ying20 INTEGER DEFAULT 0, qty_ying16 INTEGER DEFAULT 0,
                          qty_haoyun20 INTEGER DEFAULT 0, qty_haoyun16 INTEGER DEFAULT 0,
                          amount INTEGER, driver_name TEXT,
                          status TEXT)""");
                st.execute("CREATE TABLE drivers (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)");
                st.execute("CREATE TABLE vehicles (id INTEGER PRIMARY KEY, plate TEXT, kind TEXT)");
                st.execute("CREATE TABLE routes (id INTEGER PRIMARY KEY, route_date TEXT, driver_id INTEGER)");
                st.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT, password_hash TEXT)");
                for (int i = 0; i < DRIVERS.length; i++) {
                    st.execute("INSERT INTO drivers (name, phone) VALUES ('" + DRIVERS[i] + "', '09" + (12345670 + i) + "')");
                    st.execute("INSERT INTO vehicles (plate, kind) VALUES ('ABC-" + (1000 + i) + "', '" + (i % 3 == 0 ? "scooter" : "car") + "')");
                }
                st.execute("INSERT INTO users (username, password_hash) VALUES ('office', 'x')");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO clients (id, client_code, short_name, invoice_title, address, area, latitude, longitude,
                                         client_type, is_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Cust cu : known) {
                    ps.setInt(1, cu.sqliteId);
                    ps.setString(2, cu.code);
                    ps.setString(3, cu.name);
                    ps.setString(4, cu.invoice);
                    ps.setString(5, cu.address);
                    ps.setString(6, cu.area);
                    if (cu.lat != null) {
                        ps.setDouble(7, cu.lat);
                        ps.setDouble(8, cu.lon);
                    } else {
                        ps.setNull(7, Types.REAL);
                        ps.setNull(8, Types.REAL);
                    }
                    ps.setString(9, cu.type);
                    ps.setInt(10, cu.end.isBefore(LAST) ? 0 : 1);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO deliveries (id, client_id, scheduled_date, delivered_at, qty_50kg, qty_20kg, qty_16kg, qty_10kg,
                      qty_4kg, qty_ying20, qty_ying16, qty_haoyun20, qty_haoyun16, amount, driver_name, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int id = 1;
                for (Object[] row : rows) {
                    ps.setInt(1, id++);
                    ps.setInt(2, (Integer) row[1]);
                    ps.setString(3, (String) row[2]);
                    ps.setString(4, (String) row[3]);
                    long[] q = (long[]) row[4];
                    for (int p = 0; p < 9; p++) {
                        ps.setLong(5 + p, q[p]);
                    }
                    ps.setLong(14, (Long) row[5]);
                    ps.setString(15, (String) row[6]);
                    ps.setString(16, (String) row[7]);
                    ps.addBatch();
                    if (id % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** Runs the generator from the command line (see {@code ImporterMain}). */
    public static String describe(Map<String, Object> manifest) {
        return manifest.toString();
    }

    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }
}
