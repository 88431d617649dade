package com.custmaster.synth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The seeded source of every random choice. All choices go through these few methods, and each
 * stage gets its own stream ({@link #forStage}), so a seed always yields the same bytes and a change
 * in one stage does not reshuffle the others. {@link StrictMath} keeps floating point identical on
 * every JVM.
 */
final class Dice {

    private final Random random;

    private Dice(long seed) {
        this.random = new Random(seed);
    }

    /** A stream from a seed as it is (the caller mixes its seeds well). */
    static Dice seeded(long seed) {
        return new Dice(seed);
    }

    /** An independent stream for one stage of the generator. */
    static Dice forStage(long seed, String stage) {
        return new Dice(seed * 1_000_003L + stage.hashCode());
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform integer in {@code [low, high]}, both inclusive. */
    int between(int low, int high) {
        if (high < low) {
            throw new IllegalArgumentException("Empty range [" + low + ", " + high + "]");
        }
        return low + random.nextInt(high - low + 1);
    }

    double uniform() {
        return random.nextDouble();
    }

    /** Log-normal draw: exp(mu + sigma * N(0,1)). */
    double logNormal(double mu, double sigma) {
        return StrictMath.exp(mu + sigma * random.nextGaussian());
    }

    <T> T pick(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("Cannot pick from an empty list");
        }
        return items.get(random.nextInt(items.size()));
    }

    /** Picks {@code items[i]} with probability proportional to {@code weights[i]}. */
    <T> T weighted(List<T> items, double[] weights) {
        if (items.size() != weights.length || items.isEmpty()) {
            throw new IllegalArgumentException(
                    "Need one weight per item: " + items.size() + " items, " + weights.length + " weights");
        }
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    /** {@code count} decimal digits, leading zeros allowed. */
    String digits(int count) {
        StringBuilder builder = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            builder.append((char) ('0' + random.nextInt(10)));
        }
        return builder.toString();
    }

    /** Uniform date in {@code [from, to]}, both inclusive. */
    LocalDate date(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 0) {
            throw new IllegalArgumentException("Empty date range " + from + ".." + to);
        }
        return from.plusDays((long) (random.nextDouble() * (days + 1)));
    }

    /** A time of day between 07:00:00 and 22:59:59, when people deal with shops and call centres. */
    LocalTime daytime() {
        return LocalTime.of(7, 0).plusSeconds(random.nextInt(16 * 3600));
    }

    /** Uniform date in {@code [from, to]} at a daytime hour. */
    LocalDateTime dateTime(LocalDate from, LocalDate to) {
        return LocalDateTime.of(date(from, to), daytime());
    }

    <T> void shuffle(List<T> items) {
        Collections.shuffle(items, random);
    }
}
