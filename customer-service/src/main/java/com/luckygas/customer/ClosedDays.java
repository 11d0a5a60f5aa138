package com.luckygas.customer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a customer's closed days (公休日), free text typed by the office or taken from the legacy
 * client list, as weekdays and days of the month: {@code 週日}, {@code 週六日}, {@code 日、一},
 * {@code 週一至週五}, {@code 週末}, {@code 每月1,15日}, {@code 1,15}, {@code 每月十五日}, {@code SUN},
 * {@code 無}, and mixtures such as {@code 週日、每月1,15日公休}.
 * <p>
 * What it cannot read is never dropped silently: the reading says so and quotes the part
 * ({@code 國定假日}, {@code 初一十五} — lunar dates, {@code 隔週日} — every other week). What was
 * understood still counts; a customer whose text was not understood at all is open every day.
 * This is the one reading of the text: route-service plans with it (through the customer lookup).
 */
public final class ClosedDays {

    /**
     * The reading of a closed-days text: the weekdays and days of the month it closes (a day of
     * the month beyond a month's length closes nothing that month), and the parts not understood.
     */
    public record Reading(List<DayOfWeek> weekdays, List<Integer> monthDays, boolean understood, List<String> notUnderstood) {

        public static final Reading NONE = new Reading(List.of(), List.of(), true, List.of());

        public boolean closedOn(LocalDate date) {
            return weekdays.contains(date.getDayOfWeek()) || monthDays.contains(date.getDayOfMonth());
        }
    }

    private static final String WEEKDAY_CHARS = "一二三四五六日天";
    private static final String[] WEEK_PREFIXES = {"星期", "禮拜", "礼拜", "週", "周", "拜"};
    private static final String[] NONE_WORDS = {"全年無休", "全年无休", "無公休", "无公休", "沒有", "没有", "不休", "無休", "无休", "無", "无"};
    /** Words that say nothing about which days: "公休", "每", "及"… */
    private static final String[] FILLERS = {"公休日", "公休", "店休", "休假", "休息", "固定", "每個", "每个", "以及", "及", "和", "與", "与",
            "跟", "或", "休", "每", "都", "皆"};
    private static final String[] QUALIFIERS = {"隔週", "隔周", "單週", "单周", "雙週", "双周", "第"};
    private static final String[] ENGLISH = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

    private ClosedDays() {
    }

    public static Reading read(String text) {
        if (text == null || text.isBlank()) {
            return Reading.NONE;
        }
        return new Parser(normalise(text)).parse();
    }

    /** Full-width digits, letters and punctuation as half-width; upper case; one kind of separator. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            out.append(c);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static final class Parser {
        private final String s;
        private int i;
        private final Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        private final Set<Integer> monthDays = new TreeSet<>();
        private final List<String> unknown = new ArrayList<>();
        private final StringBuilder pendingUnknown = new StringBuilder();
        /** After 每月 (or a number already read as a day of the month): numbers are days of the month. */
        private boolean monthContext;

        Parser(String s) {
            this.s = s;
        }

        Reading parse() {
            while (i < s.length()) {
                if (separator() || noneWord() || lunar() || qualified() || week() || weekend() || english() || monthly() || number()
                        || bareWeekday() || filler()) {
                    flushUnknown();
                    continue;
                }
                pendingUnknown.append(s.charAt(i++));
            }
            flushUnknown();
            return new Reading(List.copyOf(weekdays), List.copyOf(monthDays), unknown.isEmpty(), List.copyOf(unknown));
        }

        private void flushUnknown() {
            if (!pendingUnknown.isEmpty()) {
                unknown.add(pendingUnknown.toString());
                pendingUnknown.setLength(0);
            }
        }

        private boolean startsWith(String word) {
            return s.startsWith(word, i);
        }

        private boolean separator() {
            char c = s.charAt(i);
            if (" ,、;；/.。()（）:：".indexOf(c) >= 0) {
                i++;
                return true;
            }
            return false;
        }

        private boolean noneWord() {
            String whole = s.strip();
            if (i == 0 && (whole.equals("0") || whole.equals("-") || whole.equals("NONE") || whole.equals("N/A"))) {
                i = s.length();
                return true;
            }
            for (String w : NONE_WORDS) {
                if (startsWith(w)) {
                    i += w.length();
                    return true;
                }
            }
            return false;
        }

        /** 初一、十五 and 農曆… are lunar dates, which this reading does not convert: not understood. */
        private boolean lunar() {
            return notUnderstood(new String[] {"農曆", "农历", "初"}, () -> skip("一二三四五六七八九十廿初、,日號号月"));
        }

        /** 隔週日, 單週六, 第二個週日: a day on some weeks only, which a plan cannot know — not understood. */
        private boolean qualified() {
            return notUnderstood(QUALIFIERS, () -> {
                skip("0123456789一二三四五個个");
                if (!weekSpec(false)) {
                    skip(WEEKDAY_CHARS);
                }
            });
        }

        /** A qualifier and what it qualifies ({@code rest} reads past it), kept as one part not understood. */
        private boolean notUnderstood(String[] qualifiers, Runnable rest) {
            for (String q : qualifiers) {
                if (startsWith(q)) {
                    int from = i;
                    i += q.length();
                    rest.run();
                    flushUnknown();
                    unknown.add(s.substring(from, i));
                    monthContext = false;
                    return true;
                }
            }
            return false;
        }

        private void skip(String chars) {
            while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        /** 週日, 週六日, 星期六、日, 週一至週五, 週一~五. */
        private boolean week() {
            return weekSpec(true);
        }

        private boolean weekSpec(boolean apply) {
            for (String prefix : WEEK_PREFIXES) {
                if (startsWith(prefix) && i + prefix.length() < s.length()
                        && WEEKDAY_CHARS.indexOf(s.charAt(i + prefix.length())) >= 0) {
                    i += prefix.length();
                    Set<DayOfWeek> days = weekdayRun();
                    if (apply) {
                        weekdays.addAll(days);
                    }
                    monthContext = false;
                    return true;
                }
            }
            return false;
        }

        /** Weekday characters from here: a run (六日), a range (一至五, 一~週五), or one. */
        private Set<DayOfWeek> weekdayRun() {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            DayOfWeek first = weekday(s.charAt(i++));
            days.add(first);
            int save = i;
            for (String to : new String[] {"至", "到", "~", "～", "-", "—"}) {
                if (startsWith(to)) {
                    i += to.length();
                    for (String prefix : WEEK_PREFIXES) {
                        if (startsWith(prefix)) {
                            i += prefix.length();
                            break;
                        }
                    }
                    if (i < s.length() && WEEKDAY_CHARS.indexOf(s.charAt(i)) >= 0) {
                        DayOfWeek last = weekday(s.charAt(i++));
                        for (DayOfWeek d = first; d != last; d = d.plus(1)) {
                            days.add(d);
                        }
                        days.add(last);
                        return days;
                    }
                    i = save;
                }
            }
            while (i < s.length() && WEEKDAY_CHARS.indexOf(s.charAt(i)) >= 0) {
                days.add(weekday(s.charAt(i++)));
            }
            return days;
        }

        private boolean weekend() {
            for (String w : new String[] {"週末", "周末", "WEEKEND", "WEEKENDS"}) {
                if (startsWith(w)) {
                    i += w.length();
                    weekdays.add(DayOfWeek.SATURDAY);
                    weekdays.add(DayOfWeek.SUNDAY);
                    return true;
                }
            }
            return false;
        }

        /** MON … SUN, and the full names. */
        private boolean english() {
            for (int d = 0; d < ENGLISH.length; d++) {
                if (startsWith(ENGLISH[d])) {
                    DayOfWeek day = DayOfWeek.of(d + 1);
                    String full = day.name();
                    i += startsWith(full) ? full.length() : 3;
                    weekdays.add(day);
                    monthContext = false;
                    return true;
                }
            }
            return false;
        }

        /** 每月 (or 每個月) starts days of the month: 每月1,15日, 每月一日、十五日. */
        private boolean monthly() {
            for (String w : new String[] {"每個月", "每个月", "每月"}) {
                if (startsWith(w)) {
                    i += w.length();
                    monthContext = true;
                    return true;
                }
            }
            if (monthContext && chineseDay()) {
                return true;
            }
            return false;
        }

        /** A Chinese numeral of a day of the month (一 … 三十一) after 每月, with 日 or 號 after it. */
        private boolean chineseDay() {
            int start = i;
            int value = 0;
            int tens = 0;
            int j = i;
            String digits = "一二三四五六七八九";
            if (j < s.length() && s.charAt(j) == '十') {
                tens = 1;
                j++;
            } else if (j + 1 < s.length() && digits.indexOf(s.charAt(j)) >= 0 && s.charAt(j + 1) == '十') {
                tens = digits.indexOf(s.charAt(j)) + 1;
                j += 2;
            }
            if (j < s.length() && digits.indexOf(s.charAt(j)) >= 0) {
                value = digits.indexOf(s.charAt(j)) + 1;
                j++;
            }
            int day = tens * 10 + value;
            if (j == start || day < 1 || day > 31) {
                return false;
            }
            i = j;
            daySuffix();
            monthDays.add(day);
            return true;
        }

        /** 1,15 (days of the month), 15日, 15號. */
        private boolean number() {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int day;
            try {
                day = Integer.parseInt(s.substring(start, i));
            } catch (NumberFormatException e) {
                day = 0;
            }
            if (day < 1 || day > 31) {
                i = start;
                return false;
            }
            daySuffix();
            monthDays.add(day);
            monthContext = true;
            return true;
        }

        private void daySuffix() {
            if (i < s.length() && "日號号".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        /** 日、一 — weekday characters without a prefix, outside a list of days of the month. */
        private boolean bareWeekday() {
            // 假日 in 國定假日 is a word, not Sunday: a weekday character right after text not understood belongs to it
            if (WEEKDAY_CHARS.indexOf(s.charAt(i)) < 0 || !pendingUnknown.isEmpty()
                    || monthContext && s.charAt(i) != '日' && s.charAt(i) != '天') {
                return false;
            }
            weekdays.addAll(weekdayRun());
            monthContext = false;
            return true;
        }

        private boolean filler() {
            for (String w : FILLERS) {
                if (startsWith(w)) {
                    i += w.length();
                    return true;
                }
            }
            return false;
        }

        private static DayOfWeek weekday(char c) {
            int index = WEEKDAY_CHARS.indexOf(c);
            return index >= 6 ? DayOfWeek.SUNDAY : DayOfWeek.of(index + 1);
        }
    }
}
