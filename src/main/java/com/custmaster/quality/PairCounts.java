package com.custmaster.quality;

/**
 * The pairs behind pairwise precision and recall, counted from cluster sizes, never enumerated.
 *
 * @param truePositivePairs pairs of records put in one cluster that are one entity
 * @param predictedPairs    pairs of records put in one cluster
 * @param truePairs         pairs of records that are one entity
 */
public record PairCounts(long truePositivePairs, long predictedPairs, long truePairs) {

    public PairCounts {
        if (truePositivePairs < 0 || predictedPairs < 0 || truePairs < 0) {
            throw new IllegalArgumentException("pair counts cannot be negative: " + truePositivePairs + ", "
                    + predictedPairs + ", " + truePairs);
        }
        if (truePositivePairs > predictedPairs || truePositivePairs > truePairs) {
            throw new IllegalArgumentException("true-positive pairs (" + truePositivePairs
                    + ") cannot exceed predicted pairs (" + predictedPairs + ") or true pairs (" + truePairs + ")");
        }
    }

    /**
     * Precision, recall and F1 over pairs. With no predicted pair nothing wrong was claimed, so
     * precision is 1; with no true pair there was nothing to find, so recall is 1.
     */
    public Scores scores() {
        double precision = predictedPairs == 0 ? 1 : (double) truePositivePairs / predictedPairs;
        double recall = truePairs == 0 ? 1 : (double) truePositivePairs / truePairs;
        return Scores.of(precision, recall);
    }
}
