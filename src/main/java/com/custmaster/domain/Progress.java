package com.custmaster.domain;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress of a long loop for the log, at most once per interval: items done, items per second and,
 * where the total is known, the percentage, e.g. {@code "comparing pairs: 1,200,000 of 4,800,000
 * (25.0%), 310,000 pairs/s"}. Safe to call from parallel workers; between intervals a call costs one
 * atomic add and a clock read.
 *
 * <p>Why here: ingest and matching both report progress the same way, and neither may depend on the
 * other; the log itself is passed in, so this stays free of any logging library.
 */
public final class Progress {

    /** How often the nightly's long steps log their progress. */
    public static final Duration INTERVAL_DEFAULT = Duration.ofSeconds(10);

    private final String what;
    private final String unit;
    private final long total;
    private final long intervalNanos;
    private final Consumer<String> log;
    private final LongSupplier clock;
    private final long started;
    private final AtomicLong done = new AtomicLong();
    private volatile long nextLog;

    /**
     * @param what what is being done, first in each line
     * @param unit what is counted, plural ("records")
     * @param total how many there are, or a negative number when unknown
     * @param interval at least this long between two lines
     * @param log where a line goes (e.g. {@code LOG::info})
     */
    public Progress(String what, String unit, long total, Duration interval, Consumer<String> log) {
        this(what, unit, total, interval, log, System::nanoTime);
    }

    /** As the public constructor, with a nanosecond clock of the caller's (tests). */
    Progress(String what, String unit, long total, Duration interval, Consumer<String> log, LongSupplier clock) {
        this.what = requireNonNull(what, "what is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.total = total;
        if (requireNonNull(interval, "interval is null").isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.log = requireNonNull(log, "log is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.started = clock.getAsLong();
        this.nextLog = started + intervalNanos;
    }

    /** Counts {@code items} more done; logs a line when the interval has passed since the last one. */
    public void add(long items) {
        long now = done.addAndGet(items);
        report(now, -1);
    }

    /**
     * Sets how many are done in all (for a loop that counts itself), with the fraction done when it
     * is known another way (e.g. bytes of a file read; negative when not); logs as {@link #add}.
     */
    public void at(long items, double fraction) {
        done.set(items);
        report(items, fraction);
    }

    private void report(long items, double fraction) {
        long time = clock.getAsLong();
        if (time - nextLog < 0) {
            return;
        }
        synchronized (this) {
            if (time - nextLog < 0) {
                return;
            }
            nextLog = time + intervalNanos;
        }
        log.accept(line(items, fraction, time));
    }

    private String line(long items, double fraction, long time) {
        double seconds = Math.max(1e-9, (time - started) / 1e9);
        long rate = Math.round(items / seconds);
        if (total > 0) {
            return String.format(Locale.ROOT, "%s: %,d of %,d %s (%.1f%%), %,d %s/s", what, items, total, unit,
                    100.0 * items / total, rate, unit);
        }
        if (fraction >= 0) {
            return String.format(Locale.ROOT, "%s: %,d %s (about %.1f%%), %,d %s/s", what, items, unit,
                    100.0 * Math.min(1, fraction), rate, unit);
        }
        return String.format(Locale.ROOT, "%s: %,d %s, %,d %s/s", what, items, unit, rate, unit);
    }
}
