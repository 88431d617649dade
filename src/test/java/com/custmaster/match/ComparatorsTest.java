package com.custmaster.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparatorsTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "1985-03-12,1985-12-03,true",
            "1985-03-12,1985-03-13,true",
            "1985-03-12,1986-03-12,true",
            "1985-03-12,1985-03-12,false",
            "1985-03-12,1991-07-30,false",
            "1985-03-12,1985-04-13,false"})
    void datesNearToleratesTransposedDayMonthAndOneDigit(String left, String right, boolean near) {
        assertThat(Comparators.dateNear(left, right)).isEqualTo(near);
    }

    @ParameterizedTest
    @CsvSource({"martha,marhta,0.96", "dixon,dicksonx,0.81"})
    void jaroWinklerMatchesTheTextbookValues(String left, String right, double expected) {
        assertThat(Comparators.jaroWinkler(left, right)).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
    }
}
