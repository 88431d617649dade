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

    private final MatchingConfig config;
    private final Blocking blocking;
    private final ComparisonVectors vectors;
    private final Scorer scorer;
    private final double[] weights;
    private final MatchDecision[] decisions;
    private final int[] clusterOf;

    MatchRun(MatchingConfig config, Blocking blocking, ComparisonVectors vectors, Scorer scorer, double[] weights,
             MatchDecision[] decisions, int[] clusterOf) {
        this.config = requireNonNull(config, "config is null");
        this.blocking = requireNonNull(blocking, "blocking is null");
        this.vectors = requireNonNull(vectors, "vectors is null");
        this.scorer = requireNonNull(scorer, "scorer is null");
        this.weights = requireNonNull(weights, "weights is null");
        this.decisions = requireNonNull(decisions, "decisions is null");
        this.clusterOf = requireNonNull(clusterOf, "clusterOf is null");
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

    public int pairCount() {
        return weights.length;
    }

    public int left(int pair) {
        return Blocking.left(blocking.pair(pair));
    }

    public int right(int pair) {
        return Blocking.right(blocking.pair(pair));
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
        return blocking.rules().get(blocking.firstRule(pair)).name();
    }

    /** Each comparison's field, level and weight for the pair (weights plus the prior sum to its match weight). */
    public List<ScoredPair.FieldEvidence> evidence(int pair) {
        List<ScoredPair.FieldEvidence> evidence = new ArrayList<>(vectors.comparisons());
        for (int c = 0; c < vectors.comparisons(); c++) {
            int level = vectors.level(pair, c);
            MatchingConfig.Comparison comparison = config.comparisons().get(c);
            String name = level == ComparisonVectors.MISSING ? "missing" : comparison.levels().get(level - 1).name();
            evidence.add(new ScoredPair.FieldEvidence(comparison.field(), name, scorer.fieldWeight(c, level, left(pair))));
        }
        return evidence;
    }

    public MatchModel model() {
        return scorer.model();
    }

    /** New candidate pairs each blocking rule produced, in rule order. */
    public Map<String, Long> candidatePairsPerRule() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int r = 0; r < blocking.rules().size(); r++) {
            counts.put(blocking.rules().get(r).name(), blocking.pairsOf(r));
        }
        return counts;
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
