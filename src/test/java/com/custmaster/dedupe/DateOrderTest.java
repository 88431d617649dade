package com.custmaster.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateOrderTest {

    private static Optional<DateOrder.Guess> guess(String... values) {
        DateOrder order = new DateOrder();
        for (String value : values) {
            order.add(value);
        }
        return order.guess();
    }

    @Test
    void aFirstNumberAbove12MakesTheColumnDayFirst() {
        assertThat(guess("07/03/1985", "31/12/1970", "", "1/2/2001")).map(DateOrder.Guess::pattern).contains("d/M/yyyy");
    }

    @Test
    void aSecondNumberAbove12MakesTheColumnMonthFirst() {
        assertThat(guess("07/03/1985", "12/31/1970", "2/28/2001")).map(DateOrder.Guess::pattern).contains("M/d/yyyy");
    }

    @Test
    void theSeparatorOfTheValuesIsKept() {
        assertThat(guess("24.12.1960", "01.02.1990")).map(DateOrder.Guess::pattern).contains("d.M.yyyy");
        assertThat(guess("12-24-1960", "01-02-1990")).map(DateOrder.Guess::pattern).contains("M-d-yyyy");
    }

    @Test
    void withoutEvidenceDayFirstIsAssumedAndSaidSo() {
        Optional<DateOrder.Guess> guess = guess("07/03/1985", "01/02/1990");

        assertThat(guess).map(DateOrder.Guess::pattern).contains("d/M/yyyy");
        assertThat(guess.orElseThrow().reason()).contains("no value tells day from month");
    }

    @Test
    void aMixedColumnTakesTheCommonerOrderAndSaysItIsMixed() {
        Optional<DateOrder.Guess> guess = guess("13/01/1985", "14/01/1985", "01/15/1990");

        assertThat(guess).map(DateOrder.Guess::pattern).contains("d/M/yyyy");
        assertThat(guess.orElseThrow().reason()).contains("mixed");
    }

    @Test
    void yearFirstDatesAreLeftToTheDefaultFormats() {
        assertThat(guess("1985-03-07", "19700101", "1990/2/1", "07/03/1985")).isEmpty();
        assertThat(guess("", " ")).isEmpty();
    }
}
