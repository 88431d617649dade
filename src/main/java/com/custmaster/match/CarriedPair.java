package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A pair scored on an earlier night between two records that have not changed since: an
 * incremental run keeps its score, evidence and decision instead of comparing it again, so a
 * customer whose records did not change keeps the same clusters from night to night.
 *
 * @param left index of the record with the smaller index
 * @param right index of the other record
 */
public record CarriedPair(int left, int right, String blockingRule, List<ScoredPair.FieldEvidence> evidence,
                          double matchWeight, MatchDecision decision) {

    public CarriedPair {
        requireNonNull(blockingRule, "blockingRule is null");
        requireNonNull(evidence, "evidence is null");
        requireNonNull(decision, "decision is null");
        evidence = List.copyOf(evidence);
        if (left < 0 || left >= right) {
            throw new IllegalArgumentException("record indexes must satisfy 0 <= left < right: " + left + ", " + right);
        }
        if (!Double.isFinite(matchWeight)) {
            throw new IllegalArgumentException("match weight must be finite: " + matchWeight);
        }
    }
}
