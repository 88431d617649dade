package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The matcher's settings from {@code conf/matching.yml}, in the manner of Splink's settings:
 * blocking rules (OR-ed), comparisons with ordered levels, and the two decision thresholds.
 *
 * @param priorMatchProbability the share of candidate pairs expected to be matches before looking at them
 * @param mergeThreshold match probability at or above which a pair merges automatically
 * @param reviewThreshold match probability at or above which (and below merge) a pair goes to review
 * @param maxBlockSize blocks larger than this are skipped for that rule (and counted), to avoid
 *                     comparing every pair of, say, a shared company switchboard number
 */
public record MatchingConfig(double priorMatchProbability, double mergeThreshold, double reviewThreshold,
                             int maxBlockSize, List<BlockingRule> blockingRules, List<Comparison> comparisons) {

    public MatchingConfig {
        requireNonNull(blockingRules, "blockingRules is null");
        requireNonNull(comparisons, "comparisons is null");
        if (!(priorMatchProbability > 0 && priorMatchProbability < 1)) {
            throw new IllegalArgumentException("prior_match_probability must be in (0, 1): " + priorMatchProbability);
        }
        if (!(reviewThreshold > 0 && reviewThreshold <= mergeThreshold && mergeThreshold < 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < review <= merge < 1: review="
                    + reviewThreshold + ", merge=" + mergeThreshold);
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("max_block_size must be >= 2: " + maxBlockSize);
        }
        if (blockingRules.isEmpty()) {
            throw new IllegalArgumentException("at least one blocking rule is required");
        }
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("at least one comparison is required");
        }
        blockingRules = List.copyOf(blockingRules);
        comparisons = List.copyOf(comparisons);
    }

    /** Records that share the values of all {@code keys} become candidate pairs. */
    public record BlockingRule(String name, List<String> keys) {
        public BlockingRule {
            requireNonNull(name, "name is null");
            requireNonNull(keys, "keys is null");
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("blocking rule " + name + " has no keys");
            }
            keys = List.copyOf(keys);
        }
    }

    /** One field's comparison: the first level whose condition holds gives the pair's weight. */
    public record Comparison(String field, List<Level> levels) {
        public Comparison {
            requireNonNull(field, "field is null");
            requireNonNull(levels, "levels is null");
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("comparison " + field + " has no levels");
            }
            levels = List.copyOf(levels);
        }
    }

    /** How two values are compared at one level. */
    public enum LevelKind {
        /** Equal values. */
        EXACT,
        /** Jaro-Winkler similarity at or above the threshold. */
        JARO_WINKLER,
        /** Dates equal but for transposed day and month or one mistyped digit. */
        DATE_NEAR,
        /** Anything else (the last level). */
        ELSE
    }

    /**
     * A comparison level with its m-probability (share of true matches at this level) and
     * u-probability (share of non-matches at this level).
     */
    public record Level(String name, LevelKind kind, double threshold, double m, double u) {
        public Level {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
            if (!(m > 0 && m < 1) || !(u > 0 && u < 1)) {
                throw new IllegalArgumentException("level " + name + ": m and u must be in (0, 1): m=" + m + ", u=" + u);
            }
        }

        /** The Fellegi-Sunter weight of this level: log2(m / u). */
        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }
}
