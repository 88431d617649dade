package com.custmaster.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The match-weight histogram survives the trip through the step's execution context. */
class RunReportsTest {

    @Test
    void aHistogramEncodesToOneStringAndBackWithNegativeBins() {
        SortedMap<Integer, Long> histogram = new TreeMap<>();
        histogram.put(-40, 3L);
        histogram.put(-2, 120L);
        histogram.put(17, 1300L);

        String encoded = RunReports.encodeCounts(histogram);

        assertThat(encoded).isEqualTo("-40:3,-2:120,17:1300");
        assertThat(RunReports.decodeCounts(encoded)).isEqualTo(histogram);
        assertThat(RunReports.decodeCounts("")).isEmpty();
    }

    @Test
    void aDamagedHistogramIsRefusedWithTheText() {
        assertThatThrownBy(() -> RunReports.decodeCounts("3:1,oops"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'oops'");
    }
}
