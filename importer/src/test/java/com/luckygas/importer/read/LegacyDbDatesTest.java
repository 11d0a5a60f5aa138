package com.luckygas.importer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The SQLite dates read without the ISO formatter: the same dates, the same failures as {@link LocalDate#parse}. */
class LegacyDbDatesTest {

    @Test
    void sameDatesAsLocalDateParse() {
        for (String s : new String[] {"2025-05-20", "2016-10-01", "2000-01-01", "0000-01-01", "2024-02-29", "9999-12-31"}) {
            assertEquals(LocalDate.parse(s), LegacyDb.isoDate(s), s);
        }
    }

    @Test
    void sameFailuresAsLocalDateParse() {
        for (String s : new String[] {"2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10", "2025-05-00", "2025-5-20", "2025/05/20",
                "20250520", "2025-05-2x", "", "2025-05-20 10:00", "２０２５-05-20"}) {
            assertThrows(DateTimeException.class, () -> LocalDate.parse(s), s);
            assertThrows(DateTimeException.class, () -> LegacyDb.isoDate(s), s);
        }
    }
}
