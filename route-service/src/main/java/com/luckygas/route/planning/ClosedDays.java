package com.luckygas.route.planning;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads customer-service's free-text closed days ("週日", "日、一", "SUN", "Sat,Sun", "星期三公休")
 * as weekdays. Text it cannot read closes nothing (the office sees the note on the stop).
 */
public final class ClosedDays {

    private ClosedDays() {
    }

    public static Set<DayOfWeek> parse(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (text == null || text.isBlank()) {
            return days;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (upper.contains(day.name().substring(0, 3))) {
                days.add(day);
            }
        }
        String chinese = "一二三四五六";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int index = chinese.indexOf(c);
            if (index >= 0) {
                days.add(DayOfWeek.of(index + 1));
            } else if (c == '日' || c == '天') {
                // "日" alone or after 週/星期/禮拜 is Sunday; "每日"/"日期" are not days off, but they
                // do not appear in a closed-days note
                days.add(DayOfWeek.SUNDAY);
            }
        }
        return days;
    }
}
