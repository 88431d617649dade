package com.custmaster.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusteringTest {

    private static long pair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    private static Clustering.Outcome cluster(int records, long[] pairs, double[] weights, double threshold,
                                              long[] mustLink, long[] cannotLink) {
        boolean[] accepted = new boolean[pairs.length];
        for (int p = 0; p < pairs.length; p++) {
            accepted[p] = weights[p] >= threshold;
        }
        return Clustering.cluster(records, pairs, weights, accepted, 0, mustLink, cannotLink);
    }

    @Test
    void recordsJoinedByAcceptedPairsFormOneCluster() {
        long[] pairs = {pair(0, 1), pair(1, 2), pair(0, 2)};
        double[] weights = {20, 18, 15};

        Clustering.Outcome outcome = cluster(4, pairs, weights, 5, new long[0], new long[0]);

        assertThat(outcome.clusterOf()).containsExactly(0, 0, 0, 3);
        assertThat(outcome.refused()).containsOnly(false);
    }

    @Test
    void aChainWhoseEndsClearlyDifferIsCutAtItsWeakestLink() {
        // A~B strong, B~C accepted but weaker, A and C compared and far apart
        long[] pairs = {pair(0, 1), pair(1, 2), pair(0, 2)};
        double[] weights = {25, 8, -30};

        Clustering.Outcome outcome = cluster(3, pairs, weights, 5, new long[0], new long[0]);

        assertThat(outcome.clusterOf()).containsExactly(0, 0, 2);
        assertThat(outcome.refused()).containsExactly(false, true, false);
    }

    @Test
    void aChainWhoseEndsWereNeverComparedStaysTogether() {
        long[] pairs = {pair(0, 1), pair(1, 2)};
        double[] weights = {25, 8};

        Clustering.Outcome outcome = cluster(3, pairs, weights, 5, new long[0], new long[0]);

        assertThat(outcome.clusterOf()).containsExactly(0, 0, 0);
    }

    @Test
    void aCannotLinkKeepsTwoRecordsApartEvenWhenEveryPairScoresHigh() {
        long[] pairs = {pair(0, 1), pair(1, 2), pair(0, 2)};
        double[] weights = {25, 20, 22};

        Clustering.Outcome outcome = cluster(3, pairs, weights, 5, new long[0], new long[] {pair(0, 2)});

        assertThat(outcome.clusterOf()[0]).isNotEqualTo(outcome.clusterOf()[2]);
        // the strongest pair (0,1) is kept; 2 joins nobody that 0 is in
        assertThat(outcome.clusterOf()[1]).isEqualTo(outcome.clusterOf()[0]);
    }

    @Test
    void aMustLinkJoinsRecordsThatScoredLow() {
        long[] pairs = {pair(0, 1)};
        double[] weights = {-12};

        Clustering.Outcome outcome = cluster(3, pairs, weights, 5, new long[] {pair(0, 1)}, new long[0]);

        assertThat(outcome.clusterOf()).containsExactly(0, 0, 2);
    }

    @Test
    void theOutcomeDoesNotDependOnTheOrderOfEqualWeights() {
        long[] pairs = {pair(0, 1), pair(2, 3), pair(1, 2)};
        long[] reordered = {pair(1, 2), pair(2, 3), pair(0, 1)};
        double[] weights = {10, 10, 10};

        assertThat(cluster(4, pairs, weights, 5, new long[0], new long[0]).clusterOf())
                .containsExactly(cluster(4, reordered, weights, 5, new long[0], new long[0]).clusterOf());
    }
}
