package com.custmaster.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress log: at most one line per interval, with the rate and, where known, the percentage. */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(0);
    private final List<String> lines = new ArrayList<>();

    @Test
    void logsNothingBeforeTheIntervalThenOneLineWithRateAndPercentage() {
        Progress progress = new Progress("comparing pairs", "pairs", 4_000_000, Duration.ofSeconds(10), lines::add, clock::get);

        clock.set(5 * SECOND);
        progress.add(500_000);
        clock.set(10 * SECOND);
        progress.add(500_000);
        progress.add(1);

        assertThat(lines).containsExactly("comparing pairs: 1,000,000 of 4,000,000 pairs (25.0%), 100,000 pairs/s");
    }

    @Test
    void aLoopWithoutATotalShowsTheShareOfBytesWhenGivenElseOnlyTheRate() {
        Progress progress = new Progress("ingest crm", "records", -1, Duration.ofSeconds(10), lines::add, clock::get);

        clock.set(10 * SECOND);
        progress.at(120_000, 0.375);
        clock.set(20 * SECOND);
        progress.at(200_000, -1);

        assertThat(lines).containsExactly("ingest crm: 120,000 records (about 37.5%), 12,000 records/s",
                "ingest crm: 200,000 records, 10,000 records/s");
    }

    @Test
    void aZeroIntervalIsRefused() {
        assertThatThrownBy(() -> new Progress("x", "items", 1, Duration.ZERO, lines::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be positive");
    }
}
