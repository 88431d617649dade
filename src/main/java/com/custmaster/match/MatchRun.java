package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of matching records by index: the cluster of every record, every scored candidate
 * pair with its weight, probability and decision, the evidence behind any pair, and the model used.
 * {@link Matcher} turns it into source-record terms; the ad-hoc dedupe command writes it as CSV.
 */
public final class MatchRun {

    /** Lowest bin of {@link #weightHistogram()}: weights below fall into it. */
    public static final int HISTOGRAM_MIN_BITS = -40;
    /** Highest bin of {@link #weightHistogram()}: weights above fall into it. */
    public static final int HISTOGRAM_MAX_BITS = 40;

    private final MatchingConfig config;
    private final Blocking blocking;
    private final long[] pairs;
    private final byte[] ruleOf;
    private final ComparisonVectors vectors;
    private final Scorer scorer;
    private final List<CarriedPair> carried;
    private final double[] weights;
    private final MatchDecision[] decisions;
    private final int[] clusterOf;
    private final long[] comparedPerRule;

    /**
     * @param pairs the pairs compared on this run (with {@code ruleOf} the rule that produced each,
     *              and {@code vectors} their comparison levels), then {@code carried} ones after them
     *              in {@code weights} and {@code decisions}
     */
    MatchRun(MatchingConfig config, Blocking blocking, long[] pairs, byte[] ruleOf, ComparisonVectors vectors, Scorer scorer,
             List<CarriedPair> carried, double[] weights, MatchDecision[] decisions, int[] clusterOf) {
        this.config = requireNonNull(config, "config is null");
        this.blocking = requireNonNull(blocking, "blocking is null");
        this.pairs = requireNonNull(pairs, "pairs is null");
        this.ruleOf = requireNonNull(ruleOf, "ruleOf is null");
        this.vectors = requireNonNull(vectors, "vectors is null");
        this.scorer = requireNonNull(scorer, "scorer is null");
        this.carried = List.copyOf(carried);
        this.weights = requireNonNull(weights, "weights is null");
        this.decisions = requireNonNull(decisions, "decisions is null");
        this.clusterOf = requireNonNull(clusterOf, "clusterOf is null");
        if (ruleOf.length != pairs.length || weights.length != pairs.length + carried.size()
                || decisions.length != weights.length) {
            throw new IllegalArgumentException("pairs, rules, weights and decisions must line up");
        }
        comparedPerRule = new long[blocking.rules().size()];
        for (byte rule : ruleOf) {
            comparedPerRule[rule]++;
        }
    }

    public int recordCount() {
        return clusterOf.length;
    }

    /** The cluster of a record, named by its smallest record index. */
    public int clusterOf(int record) {
        return clusterOf[record];
    }

    public long clusterCount() {
        long count = 0;
        for (int i = 0; i < clusterOf.length; i++) {
            if (clusterOf[i] == i) {
                count++;
            }
        }
        return count;
    }

    /** Pairs with a score: those compared on this run, then those carried from an earlier one. */
    public int pairCount() {
        return weights.length;
    }

    /** Pairs compared on this run (the others were carried over unchanged). */
    public int comparedPairCount() {
        return pairs.length;
    }

    public int left(int pair) {
        return pair < pairs.length ? Blocking.left(pairs[pair]) : carried.get(pair - pairs.length).left();
    }

    public int right(int pair) {
        return pair < pairs.length ? Blocking.right(pairs[pair]) : carried.get(pair - pairs.length).right();
    }

    public double matchWeight(int pair) {
        return weights[pair];
    }

    public double matchProbability(int pair) {
        return Scorer.probability(weights[pair]);
    }

    /**
     * The decision: {@code MATCH} at or above the merge threshold, {@code REVIEW} between the
     * thresholds or when a guard refused to merge an accepted pair, else {@code DISTINCT}.
     */
    public MatchDecision decision(int pair) {
        return decisions[pair];
    }

    public String blockingRule(int pair) {
        return pair < pairs.length ? blocking.rules().get(ruleOf[pair]).name() : carried.get(pair - pairs.length).blockingRule();
    }

    /** Each comparison's field, level and weight for the pair (weights plus the prior sum to its match weight). */
    public List<ScoredPair.FieldEvidence> evidence(int pair) {
        if (pair >= pairs.length) {
            return carried.get(pair - pairs.length).evidence();
        }
        List<ScoredPair.FieldEvidence> evidence = new ArrayList<>(vectors.comparisons());
        for (int c = 0; c < vectors.comparisons(); c++) {
            int level = vectors.level(pair, c);
            MatchingConfig.Comparison comparison = config.comparisons().get(c);
            String name = level == ComparisonVectors.MISSING ? "missing" : comparison.levels().get(level - 1).name();
            evidence.add(new ScoredPair.FieldEvidence(comparison.field(), name, scorer.fieldWeight(vectors, pair, c, left(pair))));
        }
        return evidence;
    }

    public MatchModel model() {
        return scorer.model();
    }

    /**
     * Pairs each blocking rule produced that this run compared, in rule order: all candidate pairs
     * on a full run, those with a new or changed record on an incremental one.
     */
    public Map<String, Long> candidatePairsPerRule() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int r = 0; r < blocking.rules().size(); r++) {
            counts.put(blocking.rules().get(r).name(), comparedPerRule[r]);
        }
        return counts;
    }

    /**
     * How the match weights of the pairs compared on this run spread: pairs per whole bit, keyed by
     * the bin's lower bound ({@code floor(weight)}), clamped to [{@value #HISTOGRAM_MIN_BITS},
     * {@value #HISTOGRAM_MAX_BITS}] so the run report's chart keeps a readable width. Carried pairs
     * are left out: only the ones above the review threshold are carried, they would skew the picture.
     */
    public java.util.SortedMap<Integer, Long> weightHistogram() {
        java.util.SortedMap<Integer, Long> bins = new java.util.TreeMap<>();
        for (int p = 0; p < pairs.length; p++) {
            int bin = (int) Math.max(HISTOGRAM_MIN_BITS, Math.min(HISTOGRAM_MAX_BITS, Math.floor(weights[p])));
            bins.merge(bin, 1L, Long::sum);
        }
        return bins;
    }

    /** Blocks skipped per rule for exceeding the maximum block size, in rule order. */
    public Map<String, Long> oversizedBlocksPerRule() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int r = 0; r < blocking.rules().size(); r++) {
            counts.put(blocking.rules().get(r).name(), blocking.oversizedBlocksOf(r));
        }
        return counts;
    }

    public long count(MatchDecision decision) {
        long count = 0;
        for (MatchDecision d : decisions) {
            if (d == decision) {
                count++;
            }
        }
        return count;
    }
}
