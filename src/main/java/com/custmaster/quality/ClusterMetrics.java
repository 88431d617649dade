package com.custmaster.quality;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise and B-cubed precision, recall and F1 of a clustering against the truth.
 *
 * <p>Everything is computed from the contingency table {@code n[c][t]}, the number of records put
 * in predicted cluster {@code c} that belong to true entity {@code t}, in time linear in the number
 * of records: records are bucketed by cluster (a counting sort over dense cluster numbers), and each
 * cluster's records are tallied by entity in one reused array. No pair of records is ever
 * enumerated, so a million records in one cluster cost no more than a million singletons.
 *
 * <ul>
 *   <li>true-positive pairs = Σ C(n[c][t], 2); predicted pairs = Σ C(|c|, 2); true pairs = Σ C(|t|, 2)</li>
 *   <li>B-cubed precision = (1/N) Σ n[c][t]² / |c|; B-cubed recall = (1/N) Σ n[c][t]² / |t|</li>
 * </ul>
 *
 * <p>Edge cases are vacuous: precision is 1 when nothing was claimed (no predicted pair, or no
 * record), recall is 1 when there was nothing to find (no true pair, or no record).
 */
public final class ClusterMetrics {

    private ClusterMetrics() {
    }

    /**
     * Evaluates records given as labels: {@code predicted.get(i)} is record i's cluster,
     * {@code truth.get(i)} its true entity. Labels are compared with {@code equals}.
     */
    public static <P, T> ClusterQuality evaluate(List<P> predicted, List<T> truth) {
        requireNonNull(predicted, "predicted is null");
        requireNonNull(truth, "truth is null");
        if (predicted.size() != truth.size()) {
            throw new IllegalArgumentException("one cluster and one entity per record: " + predicted.size()
                    + " clusters but " + truth.size() + " entities");
        }
        Accumulator accumulator = new Accumulator();
        for (int i = 0; i < predicted.size(); i++) {
            accumulator.add(predicted.get(i), truth.get(i));
        }
        return accumulator.result();
    }

    /**
     * Evaluates records given as dense numbers: record i is in cluster {@code predicted[i]}, one of
     * {@code 0 .. clusters - 1}, and belongs to entity {@code truth[i]}, one of {@code 0 .. entities - 1}.
     * Numbers that no record uses are not counted as clusters or entities.
     */
    public static ClusterQuality evaluate(int[] predicted, int clusters, int[] truth, int entities) {
        requireNonNull(predicted, "predicted is null");
        requireNonNull(truth, "truth is null");
        int n = predicted.length;
        if (truth.length != n) {
            throw new IllegalArgumentException("one cluster and one entity per record: " + n + " clusters but "
                    + truth.length + " entities");
        }
        long[] clusterSize = sizes(predicted, clusters, "cluster");
        long[] entitySize = sizes(truth, entities, "entity");

        // Counting sort of the records by cluster: members of cluster c are order[start[c] .. start[c + 1]).
        int[] start = new int[clusters + 1];
        for (int c = 0; c < clusters; c++) {
            start[c + 1] = start[c] + (int) clusterSize[c];
        }
        int[] next = start.clone();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[next[predicted[i]]++] = i;
        }

        long truePositivePairs = 0;
        double bCubedPrecisionSum = 0;
        double bCubedRecallSum = 0;
        int[] tally = new int[entities];
        for (int c = 0; c < clusters; c++) {
            for (int k = start[c]; k < start[c + 1]; k++) {
                tally[truth[order[k]]]++;
            }
            for (int k = start[c]; k < start[c + 1]; k++) {
                int t = truth[order[k]];
                long overlap = tally[t];
                if (overlap > 0) {
                    truePositivePairs += pairs(overlap);
                    bCubedPrecisionSum += (double) overlap * overlap / clusterSize[c];
                    bCubedRecallSum += (double) overlap * overlap / entitySize[t];
                    tally[t] = 0;
                }
            }
        }
        long predictedPairs = 0;
        long usedClusters = 0;
        for (long size : clusterSize) {
            predictedPairs += pairs(size);
            usedClusters += size > 0 ? 1 : 0;
        }
        long truePairs = 0;
        long usedEntities = 0;
        for (long size : entitySize) {
            truePairs += pairs(size);
            usedEntities += size > 0 ? 1 : 0;
        }
        PairCounts pairCounts = new PairCounts(truePositivePairs, predictedPairs, truePairs);
        Scores bCubed = n == 0 ? Scores.of(1, 1)
                : Scores.of(clamp(bCubedPrecisionSum / n), clamp(bCubedRecallSum / n));
        return new ClusterQuality(n, usedClusters, usedEntities, pairCounts, pairCounts.scores(), bCubed);
    }

    private static long[] sizes(int[] labels, int count, String what) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " count cannot be negative: " + count);
        }
        long[] sizes = new long[count];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label < 0 || label >= count) {
                throw new IllegalArgumentException("record " + i + ": " + what + " number " + label
                        + " is outside 0.." + (count - 1));
            }
            sizes[label]++;
        }
        return sizes;
    }

    private static long pairs(long size) {
        return size * (size - 1) / 2;
    }

    /** Sums of fractions can land a hair above 1. */
    private static double clamp(double share) {
        return Math.min(1, share);
    }

    /**
     * Collects records one at a time as (cluster label, entity label), numbering the labels as they
     * come, for inputs read from files.
     */
    public static final class Accumulator {

        private final Map<Object, Integer> clusterNumbers = new HashMap<>();
        private final Map<Object, Integer> entityNumbers = new HashMap<>();
        private int[] predicted = new int[1024];
        private int[] truth = new int[1024];
        private int size;

        public Accumulator add(Object cluster, Object entity) {
            requireNonNull(cluster, "cluster is null");
            requireNonNull(entity, "entity is null");
            if (size == predicted.length) {
                int grown = Math.max(predicted.length * 2, 16);
                predicted = Arrays.copyOf(predicted, grown);
                truth = Arrays.copyOf(truth, grown);
            }
            predicted[size] = number(clusterNumbers, cluster);
            truth[size] = number(entityNumbers, entity);
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public ClusterQuality result() {
            return evaluate(Arrays.copyOf(predicted, size), clusterNumbers.size(),
                    Arrays.copyOf(truth, size), entityNumbers.size());
        }

        private static int number(Map<Object, Integer> numbers, Object label) {
            Integer number = numbers.get(label);
            if (number == null) {
                number = numbers.size();
                numbers.put(label, number);
            }
            return number;
        }
    }
}
