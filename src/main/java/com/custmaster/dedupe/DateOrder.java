package com.custmaster.dedupe;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which way round a file writes its dates when it writes them day and month first ({@code 07/03/1985}):
 * read off the values themselves, as a person would. A first number above 12 can only be a day, a
 * second number above 12 only a day too; so a column where only first numbers exceed 12 is day-first
 * ({@code d/M/yyyy}), one where only second numbers do is month-first ({@code M/d/yyyy}). Without such
 * a value the order cannot be told, and day-first (the usage of most of the world) is taken: read the
 * same way throughout, two records of one person still agree. Year-first dates (ISO, {@code yyyyMMdd})
 * need no guess and are not this class's business.
 *
 * <p>Used by {@code jobs/dedupe} when no {@code --date-format} is given; the result is printed, so a
 * wrong guess is visible and can be overridden.
 */
final class DateOrder {

    private static final Pattern DAY_OR_MONTH_FIRST = Pattern.compile("(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})");

    private int dayMonthYear;
    private int others;
    private int firstAbove12;
    private int secondAbove12;
    private final int[] separators = new int[3];

    /** Counts one non-empty value. */
    void add(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Matcher m = DAY_OR_MONTH_FIRST.matcher(value.strip());
        if (!m.matches()) {
            others++;
            return;
        }
        dayMonthYear++;
        separators["/.-".indexOf(m.group(2).charAt(0))]++;
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(3));
        if (first > 12) {
            firstAbove12++;
        }
        if (second > 12) {
            secondAbove12++;
        }
    }

    /** What was decided, with the evidence, for the summary a user reads. */
    record Guess(String pattern, String reason) {
    }

    /**
     * The pattern to read the column with, or empty when most values are not day-or-month-first
     * dates (the default formats then apply).
     */
    Optional<Guess> guess() {
        if (dayMonthYear == 0 || dayMonthYear < others) {
            return Optional.empty();
        }
        int best = 0;
        for (int i = 1; i < separators.length; i++) {
            if (separators[i] > separators[best]) {
                best = i;
            }
        }
        char separator = "/.-".charAt(best);
        boolean dayFirst = firstAbove12 >= secondAbove12;
        String pattern = dayFirst ? "d" + separator + "M" + separator + "yyyy" : "M" + separator + "d" + separator + "yyyy";
        String reason;
        if (firstAbove12 == 0 && secondAbove12 == 0) {
            reason = "no value tells day from month; day first assumed";
        } else if (firstAbove12 > 0 && secondAbove12 > 0) {
            reason = String.format(java.util.Locale.ROOT, "%,d values have a first number above 12 and %,d a second: "
                    + "the order is mixed; the more common taken, the others are unreadable", firstAbove12, secondAbove12);
        } else {
            reason = String.format(java.util.Locale.ROOT, "%,d values have a %s number above 12",
                    Math.max(firstAbove12, secondAbove12), dayFirst ? "first" : "second");
        }
        return Optional.of(new Guess(pattern, reason));
    }
}
