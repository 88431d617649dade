package com.custmaster.console;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@value #FREE_FAILURES} failed sign-ins for a user name, further
 * attempts for it are refused for a while, the wait doubling with each failure up to
 * {@link #MAX_WAIT}. Counted by name, not by address: behind the loopback address or a proxy
 * every browser has the same one. Refusing (rather than sleeping) keeps the server's threads free.
 * A successful sign-in clears the count.
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant blockedUntil) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** How long the caller must wait before trying again; zero when they may try now. */
    Duration wait(String user) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(user)) {
            Failures entry = failures.get(key);
            if (entry != null && entry.blockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, entry.blockedUntil());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait;
    }

    void failed(String user) {
        if (failures.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            failures.values().removeIf(entry -> entry.blockedUntil().isBefore(now.minus(MAX_WAIT)));
        }
        Instant now = clock.instant();
        for (String key : keys(user)) {
            failures.compute(key, (k, entry) -> {
                int count = entry == null ? 1 : entry.count() + 1;
                Instant until = count <= FREE_FAILURES ? now : now.plus(backoff(count - FREE_FAILURES));
                return new Failures(count, until);
            });
        }
    }

    void succeeded(String user) {
        for (String key : keys(user)) {
            failures.remove(key);
        }
    }

    private static Duration backoff(int over) {
        long seconds = 1L << Math.min(over - 1, 20);
        return seconds >= MAX_WAIT.toSeconds() ? MAX_WAIT : Duration.ofSeconds(seconds);
    }

    private static String[] keys(String user) {
        return new String[] {String.valueOf(user).toLowerCase(Locale.ROOT)};
    }
}
