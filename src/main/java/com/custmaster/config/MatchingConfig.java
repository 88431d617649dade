package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The matcher's settings from {@code conf/matching.yml}, in the manner of Splink's settings:
 * blocking rules (OR-ed), comparisons with ordered levels, how the model is trained, how clusters
 * are guarded against chaining, and the two decision thresholds.
 *
 * <p>The m and u probabilities of each level are starting values: training replaces them with
 * figures learned from the data (u from random pairs, m by expectation maximisation) wherever the
 * data is large enough, and keeps them where it is not (a handful of records cannot teach a model).
 *
 * @param priorMatchProbability probability that two records drawn at random are the same person,
 *                              used when training cannot estimate it
 * @param mergeThreshold match probability at or above which a pair merges automatically
 * @param reviewThreshold match probability at or above which (and below merge) a pair goes to review
 * @param maxBlockSize blocks larger than this are skipped for that rule (and counted), to avoid
 *                     comparing every pair of, say, a shared company switchboard number
 * @param incremental how the nightly job reuses the last run's model and decisions
 */
public record MatchingConfig(double priorMatchProbability, double mergeThreshold, double reviewThreshold,
                             int maxBlockSize, List<BlockingRule> blockingRules, List<Comparison> comparisons,
                             Training training, Clustering clustering, List<MergeGuard> mergeGuards,
                             Incremental incremental) {

    public MatchingConfig {
        requireNonNull(incremental, "incremental is null");
        requireNonNull(mergeGuards, "mergeGuards is null");
        mergeGuards = List.copyOf(mergeGuards);
        for (MergeGuard guard : mergeGuards) {
            for (String field : guard.fields()) {
                if (comparisons.stream().noneMatch(comparison -> comparison.field().equals(field))) {
                    throw new IllegalArgumentException("merge guard names " + field + ", which has no comparison");
                }
            }
        }
        requireNonNull(blockingRules, "blockingRules is null");
        requireNonNull(comparisons, "comparisons is null");
        requireNonNull(training, "training is null");
        requireNonNull(clustering, "clustering is null");
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
        if (comparisons.size() > 15) {
            throw new IllegalArgumentException("at most 15 comparisons are supported: " + comparisons.size());
        }
        blockingRules = List.copyOf(blockingRules);
        comparisons = List.copyOf(comparisons);
    }

    /** Settings with default training and clustering. */
    public MatchingConfig(double priorMatchProbability, double mergeThreshold, double reviewThreshold, int maxBlockSize,
                          List<BlockingRule> blockingRules, List<Comparison> comparisons) {
        this(priorMatchProbability, mergeThreshold, reviewThreshold, maxBlockSize, blockingRules, comparisons,
                Training.DEFAULT, Clustering.DEFAULT, List.of(), Incremental.DEFAULT);
    }

    /** The same settings with other thresholds (the ad-hoc dedupe command lets users pick them). */
    /** The rules training learns from: its own, or else the blocking rules. */
    public List<BlockingRule> trainingRules() {
        return training.rules().isEmpty() ? blockingRules : training.rules();
    }

    public MatchingConfig withThresholds(double merge, double review) {
        return new MatchingConfig(priorMatchProbability, merge, review, maxBlockSize, blockingRules, comparisons, training,
                clustering, mergeGuards, incremental);
    }

    /** The same settings with only the comparisons and blocking rules whose fields the input has. */
    public MatchingConfig restrictedTo(List<BlockingRule> rules, List<Comparison> kept) {
        return new MatchingConfig(priorMatchProbability, mergeThreshold, reviewThreshold, maxBlockSize, rules, kept, training,
                clustering, mergeGuards, incremental);
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

    /**
     * One field's comparison: the first level whose condition holds gives the pair's weight.
     *
     * @param termFrequency adjust the weight of the exact level by how common the value is: a shared
     *                      "wang" or "smith" says less than a shared rare surname
     */
    public record Comparison(String field, boolean termFrequency, List<Level> levels) {
        public Comparison {
            requireNonNull(field, "field is null");
            requireNonNull(levels, "levels is null");
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("comparison " + field + " has no levels");
            }
            if (levels.get(levels.size() - 1).kind() != LevelKind.ELSE) {
                throw new IllegalArgumentException("comparison " + field + ": the last level must be of kind 'else'");
            }
            if (levels.size() > 14) {
                throw new IllegalArgumentException("comparison " + field + " has more than 14 levels");
            }
            levels = List.copyOf(levels);
        }

        public Comparison(String field, List<Level> levels) {
            this(field, false, levels);
        }
    }

    /** How two values are compared at one level. */
    public enum LevelKind {
        /** Equal values. */
        EXACT,
        /** Jaro-Winkler similarity at or above the threshold. */
        JARO_WINKLER,
        /** Levenshtein distance at most the threshold (a whole number of edits). */
        LEVENSHTEIN,
        /** Share of common words (Jaccard over whitespace-separated tokens) at or above the threshold. */
        TOKENS,
        /** One value is a single letter (an initial) and the other starts with it. */
        INITIAL,
        /** Dates equal but for transposed day and month or one mistyped digit. */
        DATE_NEAR,
        /** Dates with two of year, month and day equal (one part mistyped, or day and month both off). */
        DATE_PARTS,
        /** E-mail addresses with the same user part before the "@" (a changed provider). */
        EMAIL_USER,
        /** Dates at most {@code threshold} days apart. */
        DAYS_APART,
        /**
         * The values of this field and of the field named by {@code with} are crossed over: given
         * and family name swapped ("Ryan Campbell" and "Campbell Ryan").
         */
        SWAPPED,
        /** Anything else (the last level). */
        ELSE
    }

    /**
     * A comparison level with starting values for its m-probability (share of true matches at this
     * level) and u-probability (share of non-matches at this level).
     *
     * @param with the other field of a {@code swapped} level, else null
     */
    public record Level(String name, LevelKind kind, double threshold, double m, double u, String with) {
        public Level {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
            if ((kind == LevelKind.SWAPPED) != (with != null)) {
                throw new IllegalArgumentException("level " + name + ": 'with' names the other field of a swapped level, "
                        + "and only of one");
            }
            if (!(m > 0 && m < 1) || !(u > 0 && u < 1)) {
                throw new IllegalArgumentException("level " + name + ": m and u must be in (0, 1): m=" + m + ", u=" + u);
            }
            if ((kind == LevelKind.JARO_WINKLER || kind == LevelKind.TOKENS) && !(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("level " + name + ": threshold must be in (0, 1]: " + threshold);
            }
            if ((kind == LevelKind.LEVENSHTEIN || kind == LevelKind.DAYS_APART) && !(threshold >= 1)) {
                throw new IllegalArgumentException("level " + name + ": threshold must be at least 1: " + threshold);
            }
        }

        public Level(String name, LevelKind kind, double threshold, double m, double u) {
            this(name, kind, threshold, m, u, null);
        }

        /** The Fellegi-Sunter weight of the starting values: log2(m / u). */
        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    /**
     * How the model learns from the data.
     *
     * @param enabled learn m, u and the prior; false uses the configured values as they are
     * @param uSamplePairs random record pairs drawn to estimate u (all pairs when there are fewer)
     * @param emMaxPairs candidate pairs per blocking rule used by EM at most (an even sample beyond)
     * @param maxIterations EM iterations at most per blocking rule
     * @param tolerance EM stops when no probability moves by more than this
     * @param seed seed of the random pair sample: the same data gives the same model
     * @param minPairs fewer pairs than this (random, or in a rule) and the starting values are kept
     * @param rules blocking rules whose pairs EM learns from; empty: the matching rules. Rules of one
     *              key each teach best: a rule on several keys selects matches whose errors lie in the
     *              other fields, and EM then underrates those fields' agreement
     */
    public record Training(boolean enabled, int uSamplePairs, int emMaxPairs, int maxIterations, double tolerance, long seed,
                           int minPairs, List<BlockingRule> rules) {
        public static final Training DEFAULT = new Training(true, 1_000_000, 200_000, 100, 1e-5, 20261122L, 200, List.of());

        public Training {
            requireNonNull(rules, "rules is null");
            rules = List.copyOf(rules);
            if (uSamplePairs < 1 || emMaxPairs < 1 || maxIterations < 1 || minPairs < 1) {
                throw new IllegalArgumentException("training sizes must be positive");
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("training tolerance must be positive: " + tolerance);
            }
        }
    }

    /**
     * A pair whose {@code different} comparison is at its last level ("else": both values present
     * and unlike) is not merged automatically, whatever its score, unless one of the
     * {@code unlessExact} comparisons agrees exactly; it goes to review instead. Household members
     * share a phone, an address and a family name, each strong evidence under the model's
     * independence assumption, yet two clearly different given names mean two people unless a
     * personal identifier says otherwise.
     */
    public record MergeGuard(String different, List<String> unlessExact) {
        public MergeGuard {
            requireNonNull(different, "different is null");
            requireNonNull(unlessExact, "unlessExact is null");
            unlessExact = List.copyOf(unlessExact);
        }

        List<String> fields() {
            List<String> fields = new java.util.ArrayList<>(unlessExact);
            fields.add(different);
            return fields;
        }
    }

    /**
     * The guard against chaining: two groups joined by an accepted pair merge only if, over every
     * scored pair between them, the mean match weight is at least {@code minMeanWeight} bits. A
     * chain A~B~C where A and C were compared and clearly differ is split at its weakest link.
     */
    public record Clustering(double minMeanWeight) {
        public static final Clustering DEFAULT = new Clustering(0);
    }

    /**
     * How the nightly job matches after its first night. Incremental: only pairs with a new or
     * changed source record are compared, decisions between records that have not changed are kept,
     * and the stored model is reused, so an unchanged customer does not move between masters
     * because a model was retrained on slightly different data. A new model is trained (and every
     * pair compared again) on the first night, on request, and when the stored one is older than
     * {@code retrainAfterDays} (0: only on request).
     */
    public record Incremental(boolean enabled, int retrainAfterDays) {
        public static final Incremental DEFAULT = new Incremental(true, 0);

        public Incremental {
            if (retrainAfterDays < 0) {
                throw new IllegalArgumentException("retrain_after_days must be >= 0: " + retrainAfterDays);
            }
        }
    }
}
