package com.custmaster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeCsvTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            =HYPERLINK("http://x")  | "'=HYPERLINK(""http://x"")"
            +cmd                    | '+cmd
            @SUM(A1)                | '@SUM(A1)
            -2+3                    | '-2+3
            -12.5                   | -12.5
            plain                   | plain
            a,b                     | "a,b"
            """)
    void neutralisesFormulasAndQuotesSeparators(String value, String expected) {
        assertThat(SafeCsv.cell(value)).isEqualTo(expected);
    }

    @Test
    void writesNullsAsEmptyCells() {
        assertThat(SafeCsv.row(Arrays.asList("a", null, 3))).isEqualTo("a,,3");
    }
}
