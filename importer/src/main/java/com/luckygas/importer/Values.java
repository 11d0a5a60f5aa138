package com.luckygas.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * How the legacy files write codes, dates, times and quantities (legacy-data.md), turned into
 * values — or into a {@link Bad} naming the reason, never a guess.
 */
public final class Values {

    private Values() {
    }

    /** A value that cannot be read: the row is rejected with this reason. */
    public static final class Bad extends Exception {
        public final Reason reason;

        public Bad(Reason reason) {
            super(reason.text, null, false, false);
            this.reason = reason;
        }
    }

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /**
     * Full-width ASCII forms (＀-｠, e.g. {@code １２}) to ASCII, the ideographic space to a space,
     * then trimmed of all white space (also no-break spaces). {@code null} stays {@code null}.
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        boolean plain = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0xFF01 && c <= 0xFF5E || c == 0x3000 || c == 0xA0 || c <= ' ') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c = (char) (c - 0xFEE0);
            } else if (c == 0x3000 || c == 0xA0 || c == '\t' || c == '\r' || c == '\n') {
                c = ' ';
            }
            sb.append(c);
        }
        return sb.toString().strip();
    }

    public static boolean isBlank(String s) {
        return s == null || clean(s).isEmpty();
    }

    /** A customer code: {@code 1032}, {@code 1032.0} (a number cell), {@code " １０３２ "} all give {@code "1032"}. */
    public static String code(String raw, boolean numberCell) {
        String s = clean(raw);
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (numberCell || s.indexOf('.') > 0) {
            int dot = s.indexOf('.');
            if (dot > 0 && onlyZerosAfter(s, dot) && digitsBefore(s, dot)) {
                return s.substring(0, dot);
            }
            if (numberCell && (s.contains("E") || s.contains("e"))) {
                try {
                    return new BigDecimal(s).toBigIntegerExact().toString();
                } catch (ArithmeticException | NumberFormatException e) {
                    return s;
                }
            }
        }
        return s;
    }

    /**
     * A delivery date: an Excel date (serial number), an ROC compact number {@code 1140520} or
     * {@code 990520}, ROC text {@code 114/05/20}, {@code 114.5.20}, {@code 114-5-20}, or Gregorian
     * {@code 2025/5/20}, {@code 2025-05-20}, {@code 2025.5.20}, {@code 20250520}.
     */
    public static LocalDate date(String raw, boolean numberCell) throws Bad {
        String s = clean(raw);
        if (s == null || s.isEmpty()) {
            throw new Bad(Reason.BAD_DATE);
        }
        try {
            if (numberCell) {
                double v = Double.parseDouble(s);
                if (v >= 100_000) {
                    return compact((long) v, v);
                }
                if (v < 1) {
                    throw new Bad(Reason.BAD_DATE);
                }
                return EXCEL_EPOCH.plusDays((long) Math.floor(v));
            }
            // a date and a time in one cell: keep the date
            int space = s.indexOf(' ');
            if (space > 0) {
                s = s.substring(0, space);
            }
            if (allDigits(s)) {
                if (s.length() == 8) {
                    return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                            Integer.parseInt(s.substring(6)));
                }
                if (s.length() == 6 || s.length() == 7) {
                    long v = Long.parseLong(s);
                    return compact(v, v);
                }
                throw new Bad(Reason.BAD_DATE);
            }
            String[] parts = splitDate(s);
            if (parts == null) {
                // 民國114年5月20日 / 2025年5月20日
                if (!s.contains("年")) {
                    throw new Bad(Reason.BAD_DATE);
                }
                parts = s.replace("民國", "").split("[年月日]", -1);
                if (parts.length < 3) {
                    throw new Bad(Reason.BAD_DATE);
                }
            }
            for (int i = 0; i < 3; i++) {
                if (!allDigits(parts[i]) || parts[i].isEmpty() || parts[i].length() > 4) {
                    throw new Bad(Reason.BAD_DATE);
                }
            }
            int y = Integer.parseInt(parts[0]);
            int m = Integer.parseInt(parts[1]);
            int d = Integer.parseInt(parts[2]);
            if (parts[0].length() <= 3) {
                y += 1911;
            }
            return LocalDate.of(y, m, d);
        } catch (NumberFormatException | DateTimeException e) {
            throw new Bad(Reason.BAD_DATE);
        }
    }

    /** {@code 114/05/20}, {@code 2025-5-20}, {@code 114.5.20} into three parts, or null. */
    private static String[] splitDate(String s) {
        int a = -1;
        int b = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '.' || c == '-') {
                if (a < 0) {
                    a = i;
                } else if (b < 0) {
                    b = i;
                } else {
                    return null;
                }
            }
        }
        if (b < 0) {
            return null;
        }
        return new String[] {s.substring(0, a), s.substring(a + 1, b), s.substring(b + 1)};
    }

    private static LocalDate compact(long v, double exact) throws Bad {
        if (v != exact || v > 9_991_231) {
            throw new Bad(Reason.BAD_DATE);
        }
        int d = (int) (v % 100);
        int m = (int) (v / 100 % 100);
        int y = (int) (v / 10_000) + 1911;
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            throw new Bad(Reason.BAD_DATE);
        }
    }

    /** A time of day: {@code 14:35}, {@code 14:35:10}, {@code 1435}, or an Excel time (fraction of a day); blank is {@code null}. */
    public static LocalTime time(String raw, boolean numberCell) throws Bad {
        String s = clean(raw);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            if (numberCell) {
                double v = Double.parseDouble(s);
                double fraction = v - Math.floor(v);
                long seconds = Math.round(fraction * 86_400);
                if (seconds >= 86_400) {
                    seconds = 86_399;
                }
                return LocalTime.ofSecondOfDay(seconds);
            }
            int space = s.lastIndexOf(' ');
            if (space > 0 && s.indexOf(':') > space) {
                s = s.substring(space + 1);
            }
            String[] parts = s.split(":", -1);
            if (parts.length == 1 && allDigits(s) && (s.length() == 3 || s.length() == 4)) {
                int v = Integer.parseInt(s);
                return LocalTime.of(v / 100, v % 100);
            }
            if (parts.length < 2 || parts.length > 3) {
                throw new Bad(Reason.BAD_TIME);
            }
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 2 || !allDigits(p)) {
                    throw new Bad(Reason.BAD_TIME);
                }
            }
            return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    parts.length == 3 ? Integer.parseInt(parts[2]) : 0);
        } catch (NumberFormatException | DateTimeException e) {
            throw new Bad(Reason.BAD_TIME);
        }
    }

    /**
     * A quantity: blank is 0; whole cylinders up to {@link Product#MAX_CYLINDERS}, or kg of flow gas
     * with two decimals. Returned scaled: cylinders as whole numbers, kg in hundredths.
     */
    public static long quantity(String raw, boolean numberCell, boolean flow) throws Bad {
        String s = clean(raw);
        if (s == null || s.isEmpty()) {
            return 0;
        }
        if (numberCell && !flow && s.length() < 12 && (allDigits(s) || s.length() > 2 && s.endsWith(".0") && allDigits(s.substring(0, s.length() - 2)))) {
            long v = Long.parseLong(s.endsWith(".0") ? s.substring(0, s.length() - 2) : s);
            if (v > Product.MAX_CYLINDERS) {
                throw new Bad(Reason.QUANTITY_OVER_200);
            }
            return v;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(s.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new Bad(Reason.BAD_QUANTITY);
        }
        if (v.signum() < 0) {
            throw new Bad(Reason.NEGATIVE_QUANTITY);
        }
        if (flow) {
            if (v.compareTo(BigDecimal.valueOf(99_999_999L)) > 0) {
                throw new Bad(Reason.BAD_QUANTITY);
            }
            return v.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        }
        BigDecimal whole = v.setScale(0, RoundingMode.HALF_UP);
        // a number cell may hold 2.0000000001 for 2; text like 2.5 is not a cylinder count
        if (v.subtract(whole).abs().compareTo(new BigDecimal("0.000001")) > 0) {
            throw new Bad(Reason.BAD_QUANTITY);
        }
        if (whole.compareTo(BigDecimal.valueOf(Product.MAX_CYLINDERS)) > 0) {
            throw new Bad(Reason.QUANTITY_OVER_200);
        }
        return whole.longValueExact();
    }

    /** A quantity as {@link #quantity} returns it, as decimal text ({@code 2}, {@code 87.35}). */
    public static String quantityText(long scaled, boolean flow) {
        if (!flow) {
            return Long.toString(scaled);
        }
        return BigDecimal.valueOf(scaled, 2).stripTrailingZeros().toPlainString();
    }

    /** A yes/no flag of the client list: {@code V}, {@code Y}, {@code 1} (and ✓, 是) are yes; blank is no. */
    public static boolean flag(String raw) {
        String s = clean(raw);
        if (s == null || s.isEmpty()) {
            return false;
        }
        return switch (s.toUpperCase()) {
            case "V", "Y", "1", "1.0", "YES", "TRUE", "是", "✓", "✔", "O" -> true;
            default -> false;
        };
    }

    private static boolean onlyZerosAfter(String s, int dot) {
        for (int i = dot + 1; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean digitsBefore(String s, int dot) {
        for (int i = 0; i < dot; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
