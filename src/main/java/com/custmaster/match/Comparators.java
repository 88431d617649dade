package com.custmaster.match;

import com.custmaster.config.MatchingConfig;
import java.time.LocalDate;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** String and date comparisons used by comparison levels. Pure functions, safe from any thread. */
public final class Comparators {

    private Comparators() {
    }

    /**
     * The index of the first level of the comparison whose condition holds for two present values.
     * The last level ("else") always holds.
     */
    /**
     * A comparison's levels in arrays, for the hot loop over millions of pairs: the index of the
     * first level that holds for two present values (the last level, "else", always holds).
     */
    static final class Compiled {
        private final MatchingConfig.Level[] levels;
        private final MatchingConfig.LevelKind[] kinds;
        private final double[] thresholds;
        /** The level equal values reach: the first whose kind accepts equality. */
        private final int equalLevel;

        private Compiled(MatchingConfig.Comparison comparison) {
            levels = comparison.levels().toArray(new MatchingConfig.Level[0]);
            kinds = new MatchingConfig.LevelKind[levels.length];
            thresholds = new double[levels.length];
            int equal = levels.length - 1;
            for (int i = levels.length - 1; i >= 0; i--) {
                kinds[i] = levels[i].kind();
                thresholds[i] = levels[i].threshold();
                if (kinds[i] != MatchingConfig.LevelKind.INITIAL && kinds[i] != MatchingConfig.LevelKind.DATE_NEAR
                        && kinds[i] != MatchingConfig.LevelKind.SWAPPED) {
                    equal = i;
                }
            }
            equalLevel = equal;
        }

        /** The level two equal values reach. */
        int equalLevel() {
            return equalLevel;
        }

        static Compiled of(MatchingConfig.Comparison comparison) {
            return new Compiled(comparison);
        }

        /**
         * @param leftOther the left record's value of the other field of a {@code swapped} level, or null
         * @param rightOther the right record's value of it, or null
         */
        int level(String left, String right, String leftOther, String rightOther) {
            return level(left, right, leftOther, rightOther, null, null);
        }

        /** True when a level compares words ({@code tokens}): its values' word sets are worth computing once. */
        boolean comparesWords() {
            for (MatchingConfig.LevelKind kind : kinds) {
                if (kind == MatchingConfig.LevelKind.TOKENS) {
                    return true;
                }
            }
            return false;
        }

        /**
         * As {@link #level(String, String, String, String)}, with the values' word sets from
         * {@link #wordSet} (null: computed from the text when needed).
         */
        int level(String left, String right, String leftOther, String rightOther, long[] leftWords, long[] rightWords) {
            if (left.equals(right)) {
                return equalLevel;
            }
            double jaroWinkler = Double.NaN;
            for (int i = 0; i < kinds.length; i++) {
                boolean holds;
                switch (kinds[i]) {
                    case EXACT -> holds = false;
                    case ELSE -> holds = true;
                    case SWAPPED -> holds = leftOther != null && rightOther != null && left.equals(rightOther)
                            && right.equals(leftOther);
                    case JARO_WINKLER -> {
                        if (Double.isNaN(jaroWinkler)) {
                            jaroWinkler = jaroWinkler(left, right);
                        }
                        holds = jaroWinkler >= thresholds[i];
                    }
                    case TOKENS -> holds = leftWords != null && rightWords != null
                            ? wordOverlap(leftWords, rightWords) >= thresholds[i] : holds(levels[i], left, right);
                    default -> holds = holds(levels[i], left, right);
                }
                if (holds) {
                    return i;
                }
            }
            throw new IllegalStateException("a comparison has no 'else' level");
        }
    }

    static boolean holds(MatchingConfig.Level level, String left, String right) {
        return switch (level.kind()) {
            case EXACT -> left.equals(right);
            case JARO_WINKLER -> left.equals(right) || jaroWinkler(left, right) >= level.threshold();
            case LEVENSHTEIN -> left.equals(right) || withinEdits(left, right, (int) level.threshold());
            case TOKENS -> left.equals(right) || tokenOverlap(left, right) >= level.threshold();
            case INITIAL -> initialOf(left, right);
            case DATE_NEAR -> dateNear(left, right);
            case DAYS_APART -> daysApart(left, right) <= level.threshold();
            case DATE_PARTS -> twoDatePartsEqual(left, right);
            case EMAIL_USER -> sameEmailUser(left, right);
            case SWAPPED -> throw new IllegalArgumentException("a swapped level needs the other field's values");
            case ELSE -> true;
        };
    }

    /**
     * Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), the same figures as Apache Commons
     * Text's {@code JaroWinklerSimilarity} (a test holds them equal) without its allocations: this
     * runs for millions of pairs.
     */
    public static double jaroWinkler(String left, String right) {
        int leftLength = left.length();
        int rightLength = right.length();
        if (leftLength == 0 || rightLength == 0) {
            return leftLength == rightLength ? 1 : 0;
        }
        String shorter = leftLength <= rightLength ? left : right;
        String longer = shorter == left ? right : left;
        int range = Math.max(longer.length() / 2 - 1, 0);
        boolean small = longer.length() <= 64;
        long longerFlags = 0;
        boolean[] longerUsed = small ? null : new boolean[longer.length()];
        int matches = 0;
        long shorterFlags = 0;
        boolean[] shorterUsed = small ? null : new boolean[shorter.length()];
        for (int i = 0; i < shorter.length(); i++) {
            char c = shorter.charAt(i);
            int from = Math.max(i - range, 0);
            int to = Math.min(i + range + 1, longer.length());
            for (int j = from; j < to; j++) {
                boolean used = small ? (longerFlags & (1L << j)) != 0 : longerUsed[j];
                if (!used && c == longer.charAt(j)) {
                    if (small) {
                        longerFlags |= 1L << j;
                        shorterFlags |= 1L << i;
                    } else {
                        longerUsed[j] = true;
                        shorterUsed[i] = true;
                    }
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < shorter.length(); i++) {
            boolean shorterMatched = small ? (shorterFlags & (1L << i)) != 0 : shorterUsed[i];
            if (!shorterMatched) {
                continue;
            }
            while (!(small ? (longerFlags & (1L << j)) != 0 : longerUsed[j])) {
                j++;
            }
            if (shorter.charAt(i) != longer.charAt(j)) {
                transpositions++;
            }
            j++;
        }
        double m = matches;
        double jaro = (m / shorter.length() + m / longer.length() + (m - transpositions / 2.0) / m) / 3;
        if (jaro < 0.7) {
            return jaro;
        }
        int prefix = 0;
        int limit = Math.min(4, shorter.length());
        while (prefix < limit && left.charAt(prefix) == right.charAt(prefix)) {
            prefix++;
        }
        return jaro + 0.1 * prefix * (1 - jaro);
    }

    /** True when the two differ by at most {@code edits} single-character insertions, deletions or substitutions. */
    public static boolean withinEdits(String left, String right, int edits) {
        if (Math.abs(left.length() - right.length()) > edits) {
            return false;
        }
        if (edits == 1) {
            return withinOneEdit(left, right);
        }
        return new LevenshteinDistance(edits).apply(left, right) >= 0;
    }

    private static boolean withinOneEdit(String left, String right) {
        String shorter = left.length() <= right.length() ? left : right;
        String longer = shorter == left ? right : left;
        int start = 0;
        while (start < shorter.length() && shorter.charAt(start) == longer.charAt(start)) {
            start++;
        }
        if (start == shorter.length()) {
            return longer.length() - shorter.length() <= 1;
        }
        if (shorter.length() == longer.length()) {
            // one substitution at position start, the rest equal
            return shorter.regionMatches(start + 1, longer, start + 1, shorter.length() - start - 1);
        }
        // one character inserted into the shorter string at position start
        return shorter.regionMatches(start, longer, start + 1, shorter.length() - start);
    }

    /** Jaccard similarity of the sets of space-separated words ("12 baker st" vs "baker st 12" is 1). */
    public static double tokenOverlap(String left, String right) {
        int[] a = tokenBounds(left);
        int[] b = tokenBounds(right);
        int distinctLeft = 0;
        int common = 0;
        for (int i = 0; i < a.length; i += 2) {
            if (seenBefore(left, a, i)) {
                continue;
            }
            distinctLeft++;
            for (int j = 0; j < b.length; j += 2) {
                if (sameToken(left, a[i], a[i + 1], right, b[j], b[j + 1])) {
                    common++;
                    break;
                }
            }
        }
        int distinctRight = 0;
        for (int j = 0; j < b.length; j += 2) {
            if (!seenBefore(right, b, j)) {
                distinctRight++;
            }
        }
        int union = distinctLeft + distinctRight - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /**
     * The distinct space-separated words of a text as sorted 64-bit hashes: computed once per
     * distinct value, so comparing two values' words is a merge of two short arrays. Two different
     * words share a hash with negligible probability (2^-64 per pair of words).
     */
    static long[] wordSet(String text) {
        int[] bounds = tokenBounds(text);
        long[] hashes = new long[bounds.length / 2];
        for (int t = 0; t < hashes.length; t++) {
            long hash = 0xcbf29ce484222325L;
            for (int i = bounds[2 * t]; i < bounds[2 * t + 1]; i++) {
                hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
            }
            hashes[t] = hash;
        }
        java.util.Arrays.sort(hashes);
        int distinct = 0;
        for (int t = 0; t < hashes.length; t++) {
            if (t == 0 || hashes[t] != hashes[t - 1]) {
                hashes[distinct++] = hashes[t];
            }
        }
        return distinct == hashes.length ? hashes : java.util.Arrays.copyOf(hashes, distinct);
    }

    /** {@link #tokenOverlap} of two texts from their {@link #wordSet}s. */
    static double wordOverlap(long[] left, long[] right) {
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < left.length && j < right.length) {
            if (left[i] == right[j]) {
                common++;
                i++;
                j++;
            } else if (left[i] < right[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = left.length + right.length - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /** Start and end of each space-separated word, in pairs. */
    private static int[] tokenBounds(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ' ' && (i == 0 || text.charAt(i - 1) == ' ')) {
                count++;
            }
        }
        int[] bounds = new int[count * 2];
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ' ' && (i == 0 || text.charAt(i - 1) == ' ')) {
                bounds[next] = i;
                int end = i;
                while (end < text.length() && text.charAt(end) != ' ') {
                    end++;
                }
                bounds[next + 1] = end;
                next += 2;
            }
        }
        return bounds;
    }

    private static boolean sameToken(String a, int aStart, int aEnd, String b, int bStart, int bEnd) {
        return aEnd - aStart == bEnd - bStart && a.regionMatches(aStart, b, bStart, aEnd - aStart);
    }

    /** True when the word at bounds[index] already occurred earlier in the text. */
    private static boolean seenBefore(String text, int[] bounds, int index) {
        for (int k = 0; k < index; k += 2) {
            if (sameToken(text, bounds[k], bounds[k + 1], text, bounds[index], bounds[index + 1])) {
                return true;
            }
        }
        return false;
    }

    /** One value is a single letter and the other starts with it ("j" and "john"). */
    public static boolean initialOf(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return false;
        }
        return (left.length() == 1 || right.length() == 1) && left.charAt(0) == right.charAt(0);
    }

    /**
     * True for two ISO dates that differ only by transposed day and month, or by one mistyped digit.
     * Equal dates are not "near": the exact level catches them first.
     */
    public static boolean dateNear(String left, String right) {
        if (left.equals(right) || left.length() != right.length()) {
            return false;
        }
        int differences = 0;
        for (int i = 0; i < left.length(); i++) {
            if (left.charAt(i) != right.charAt(i)) {
                differences++;
            }
        }
        if (differences == 1) {
            return true;
        }
        // yyyy-MM-dd with month and day swapped
        return left.length() == 10 && left.regionMatches(0, right, 0, 5) && left.regionMatches(5, right, 8, 2)
                && left.regionMatches(8, right, 5, 2);
    }

    /** Two e-mail addresses whose parts before the "@" are equal and not empty. */
    public static boolean sameEmailUser(String left, String right) {
        int at = left.indexOf('@');
        return at > 0 && at == right.indexOf('@') && left.regionMatches(0, right, 0, at);
    }

    /** Two ISO dates (yyyy-MM-dd) with at least two of year, month and day equal. */
    public static boolean twoDatePartsEqual(String left, String right) {
        if (left.length() != 10 || right.length() != 10) {
            return false;
        }
        int equal = (left.regionMatches(0, right, 0, 4) ? 1 : 0) + (left.regionMatches(5, right, 5, 2) ? 1 : 0)
                + (left.regionMatches(8, right, 8, 2) ? 1 : 0);
        return equal >= 2;
    }

    /** Days between two ISO dates (yyyy-MM-dd); {@link Long#MAX_VALUE} when either is not one. */
    public static long daysApart(String left, String right) {
        long a = epochDay(left);
        long b = epochDay(right);
        return a == Long.MIN_VALUE || b == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(a - b);
    }

    private static long epochDay(String iso) {
        if (iso.length() != 10 || iso.charAt(4) != '-' || iso.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDate.of(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10)).toEpochDay();
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
