package com.custmaster.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1985-03-12   | yyyy-MM-dd | 1985-03-12
            12/03/1985   | dd/MM/yyyy | 1985-03-12
            1985/03/12   | -          | 1985-03-12
            1985-3-7     | -          | 1985-03-07
            7/3/1985     | d/M/yyyy   | 1985-03-07
            07/03/1985   | d/M/yyyy   | 1985-03-07
            3/7/1985     | M/d/yyyy   | 1985-03-07
            19850312     | -          | 1985-03-12
            1985年3月12日 | -          | 1985-03-12
            """)
    void parsesConfiguredAndCommonFormats(String raw, String pattern, LocalDate expected) {
        assertThat(Dates.parseDate(raw, pattern)).contains(expected);
    }

    @ParameterizedTest(name = "{0} with {1} is rejected")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2023-02-30   | yyyy-MM-dd
            2023-02-30   | -
            31/04/1990   | dd/MM/yyyy
            1985-13-01   | -
            1985-2-30    | -
            07/03/1985   | -
            12/03/1985   | yyyy-MM-dd
            yesterday    | -
            """)
    void rejectsImpossibleOrMisformattedDates(String raw, String pattern) {
        assertThat(Dates.parseDate(raw, pattern)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2026-10-01T09:15:00Z  | -                   | 2026-10-01T09:15
            2026-10-01 09:15:00   | yyyy-MM-dd HH:mm:ss | 2026-10-01T09:15
            2026/10/01 09:15      | yyyy/MM/dd HH:mm    | 2026-10-01T09:15
            2026-10-01            | -                   | 2026-10-01T00:00
            """)
    void parsesTimestamps(String raw, String pattern, LocalDateTime expected) {
        assertThat(Dates.parseTimestamp(raw, pattern)).contains(expected);
    }
}
