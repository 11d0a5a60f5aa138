package com.luckygas.customer;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every form of 公休日 the legacy client list and the office use, and what is not understood. */
class ClosedDaysTest {

    static void reads(String text, Set<DayOfWeek> weekdays, Set<Integer> monthDays) {
        ClosedDays.Reading r = ClosedDays.read(text);
        assertEquals(new TreeSet<>(weekdays), new TreeSet<>(r.weekdays()), text + " → weekdays");
        assertEquals(new TreeSet<>(monthDays), new TreeSet<>(r.monthDays()), text + " → days of the month");
        assertTrue(r.understood(), text + " is understood, not: " + r.notUnderstood());
    }

    @Test
    void weekdaysInEveryWrittenForm() {
        reads("週日", Set.of(SUNDAY), Set.of());
        reads("周日", Set.of(SUNDAY), Set.of());
        reads("星期天", Set.of(SUNDAY), Set.of());
        reads("禮拜三公休", Set.of(WEDNESDAY), Set.of());
        reads("週六日", Set.of(SATURDAY, SUNDAY), Set.of());
        reads("週六、日", Set.of(SATURDAY, SUNDAY), Set.of());
        reads("日、一", Set.of(SUNDAY, MONDAY), Set.of());
        reads("每週一及週四", Set.of(MONDAY, THURSDAY), Set.of());
        reads("週一至週五", Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), Set.of());
        reads("週五~一", Set.of(FRIDAY, SATURDAY, SUNDAY, MONDAY), Set.of());
        reads("週末", Set.of(SATURDAY, SUNDAY), Set.of());
        reads("SUN", Set.of(SUNDAY), Set.of());
        reads("Sat,Sun", Set.of(SATURDAY, SUNDAY), Set.of());
        reads("Wednesday", Set.of(WEDNESDAY), Set.of());
        reads("週日", Set.of(SUNDAY), Set.of());
    }

    @Test
    void daysOfTheMonth() {
        reads("每月1,15日", Set.of(), Set.of(1, 15));
        reads("每月1、15號", Set.of(), Set.of(1, 15));
        reads("每月1日及15日", Set.of(), Set.of(1, 15));
        reads("1,15", Set.of(), Set.of(1, 15));
        reads("１，１５", Set.of(), Set.of(1, 15));
        reads("15日", Set.of(), Set.of(15));
        reads("每月十五日", Set.of(), Set.of(15));
        reads("每月一日、二十一日", Set.of(), Set.of(1, 21));
        reads("每個月30號", Set.of(), Set.of(30));
    }

    @Test
    void nothingClosed() {
        for (String none : new String[] {null, "", "   ", "無", "无", "無休", "全年無休", "0", "-", "沒有"}) {
            reads(none, Set.of(), Set.of());
        }
    }

    @Test
    void mixtures() {
        reads("週日、每月1,15日", Set.of(SUNDAY), Set.of(1, 15));
        reads("每月1,15日及週日公休", Set.of(SUNDAY), Set.of(1, 15));
        reads("週六日 每月15號", Set.of(SATURDAY, SUNDAY), Set.of(15));
        reads("1,15,週三", Set.of(WEDNESDAY), Set.of(1, 15));
    }

    @Test
    void whatCannotBeReadIsSaidAndWhatCanStillCounts() {
        ClosedDays.Reading holidays = ClosedDays.read("週日及國定假日");
        assertFalse(holidays.understood());
        assertEquals(List.of(SUNDAY), holidays.weekdays());
        assertEquals(List.of("國定假日"), holidays.notUnderstood());

        ClosedDays.Reading lunar = ClosedDays.read("初一、十五");
        assertFalse(lunar.understood());
        assertEquals(List.of(), lunar.weekdays(), "十五 is not Friday");
        assertEquals(List.of(), lunar.monthDays(), "lunar dates are not the 1st and 15th");

        ClosedDays.Reading everyOther = ClosedDays.read("隔週日");
        assertFalse(everyOther.understood());
        assertEquals(List.of(), everyOther.weekdays(), "not every Sunday");
        assertEquals(List.of("隔週日"), everyOther.notUnderstood());

        ClosedDays.Reading call = ClosedDays.read("電話確認");
        assertFalse(call.understood());
        assertEquals(List.of(), call.weekdays());
        assertEquals(List.of(), call.monthDays());
    }

    @Test
    void aReadingSaysWhichDatesAreClosed() {
        ClosedDays.Reading r = ClosedDays.read("週日、每月1,15日");
        assertTrue(r.closedOn(LocalDate.of(2026, 12, 6)), "a Sunday");
        assertTrue(r.closedOn(LocalDate.of(2026, 12, 15)), "the 15th, a Tuesday");
        assertTrue(r.closedOn(LocalDate.of(2027, 1, 1)));
        assertFalse(r.closedOn(LocalDate.of(2026, 12, 16)));
        assertFalse(ClosedDays.read("每月31日").closedOn(LocalDate.of(2027, 2, 28)), "no 31st in February: open");
    }
}
