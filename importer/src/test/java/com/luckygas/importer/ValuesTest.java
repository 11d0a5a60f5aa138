package com.luckygas.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** How the legacy files write codes, dates, times and quantities (legacy-data.md), read back. */
class ValuesTest {

    static final LocalDate MAY_20 = LocalDate.of(2025, 5, 20);

    @Test
    void datesInEveryFormTheOfficeUsed() throws Exception {
        assertEquals(MAY_20, Values.date("1140520", true), "ROC compact number");
        assertEquals(MAY_20, Values.date("1140520.0", true), "ROC compact number as written by Excel");
        assertEquals(MAY_20, Values.date("1140520", false), "ROC compact text");
        assertEquals(MAY_20, Values.date("１１４０５２０", false), "full-width digits");
        assertEquals(MAY_20, Values.date("114/05/20", false));
        assertEquals(MAY_20, Values.date("114.5.20", false));
        assertEquals(MAY_20, Values.date("2025/5/20", false));
        assertEquals(MAY_20, Values.date(" 2025-05-20 ", false));
        assertEquals(MAY_20, Values.date("45797", true), "Excel date serial");
        assertEquals(MAY_20, Values.date("民國114年5月20日", false));
        assertEquals(LocalDate.of(2010, 5, 20), Values.date("990520", true), "ROC years below 100 have six digits");
    }

    @Test
    void unreadableDatesAreRejectedNotGuessed() {
        for (String bad : new String[] {"114/13/45", "abc", "2025/02/30", "1141345", "?", ""}) {
            Values.Bad e = assertThrows(Values.Bad.class, () -> Values.date(bad, false), bad);
            assertEquals(Reason.BAD_DATE, e.reason);
        }
    }

    @Test
    void times() throws Exception {
        assertEquals(LocalTime.of(14, 35), Values.time("14:35", false));
        assertEquals(LocalTime.of(14, 35), Values.time("0.6076388888888888", true), "Excel time");
        assertNull(Values.time("  ", false));
        assertThrows(Values.Bad.class, () -> Values.time("下午", false));
    }

    @Test
    void quantities() throws Exception {
        assertEquals(12, Values.quantity("１２", false, false), "full-width digits");
        assertEquals(2, Values.quantity(" 2 ", false, false), "spaces");
        assertEquals(2, Values.quantity("2.0", true, false), "number cell");
        assertEquals(0, Values.quantity(null, false, false), "blank is 0");
        assertEquals(8735, Values.quantity("87.35", true, true), "flow kg in hundredths");
        assertEquals(8735, Values.quantity("87.35000000001", true, true), "floating point noise");
        assertEquals(Reason.NEGATIVE_QUANTITY, assertThrows(Values.Bad.class, () -> Values.quantity("-2", false, false)).reason);
        assertEquals(Reason.QUANTITY_OVER_200, assertThrows(Values.Bad.class, () -> Values.quantity("201", true, false)).reason);
        assertEquals(Reason.BAD_QUANTITY, assertThrows(Values.Bad.class, () -> Values.quantity("兩", false, false)).reason);
        assertEquals(Reason.BAD_QUANTITY, assertThrows(Values.Bad.class, () -> Values.quantity("1.5", false, false)).reason);
    }

    @Test
    void customerCodesAreText() {
        assertEquals("1032", Values.code("1032.0", true));
        assertEquals("1032", Values.code(" １０３２ ", false));
        assertEquals("01032", Values.code("01032", false));
        assertNull(Values.code("   ", false));
    }
}
