package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;

/**
 * The decision on a scored pair: the thresholds, and the merge guards resolved to comparison
 * indexes. One place decides, so that the engine and {@link PairExplainer} can never disagree about
 * why a pair was merged, queued or left apart.
 */
final class MergeGuards {

    private final MatchingConfig config;
    /** Per merge guard: the comparison index that must differ, then those whose exact agreement lifts it. */
    private final int[][] guards;

    MergeGuards(MatchingConfig config) {
        this.config = requireNonNull(config, "config is null");
        guards = new int[config.mergeGuards().size()][];
        for (int g = 0; g < guards.length; g++) {
            MatchingConfig.MergeGuard guard = config.mergeGuards().get(g);
            guards[g] = new int[guard.unlessExact().size() + 1];
            guards[g][0] = comparisonIndex(guard.different());
            for (int k = 0; k < guard.unlessExact().size(); k++) {
                guards[g][k + 1] = comparisonIndex(guard.unlessExact().get(k));
            }
        }
    }

    private int comparisonIndex(String field) {
        for (int c = 0; c < config.comparisons().size(); c++) {
            if (config.comparisons().get(c).field().equals(field)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no comparison on " + field);
    }

    /**
     * {@code MATCH} at or above the merge threshold unless a guard holds (then {@code REVIEW}),
     * {@code REVIEW} at or above the review threshold, else {@code DISTINCT}. The chain guard of
     * clustering may still turn a {@code MATCH} into {@code REVIEW} later.
     */
    MatchDecision decide(double probability, ComparisonVectors vectors, int pair) {
        if (probability >= config.mergeThreshold()) {
            return holding(vectors, pair) == null ? MatchDecision.MATCH : MatchDecision.REVIEW;
        }
        return probability >= config.reviewThreshold() ? MatchDecision.REVIEW : MatchDecision.DISTINCT;
    }

    /**
     * The first guard that holds for the pair: its comparison is at the last ("else") level and no
     * exception agrees exactly; null when none holds.
     */
    MatchingConfig.MergeGuard holding(ComparisonVectors vectors, int pair) {
        for (int g = 0; g < guards.length; g++) {
            int[] guard = guards[g];
            int levels = config.comparisons().get(guard[0]).levels().size();
            if (vectors.level(pair, guard[0]) != levels) {
                continue;
            }
            boolean lifted = false;
            for (int k = 1; k < guard.length && !lifted; k++) {
                lifted = vectors.level(pair, guard[k]) == 1
                        && config.comparisons().get(guard[k]).levels().get(0).kind() == MatchingConfig.LevelKind.EXACT;
            }
            if (!lifted) {
                return config.mergeGuards().get(g);
            }
        }
        return null;
    }
}
