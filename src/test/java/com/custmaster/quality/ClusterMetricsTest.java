package com.custmaster.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterMetricsTest {

    private static final double EPSILON = 1e-12;

    /**
     * Each case: predicted clusters and true entities (one letter per record), then the expected
     * figures worked out by hand: clusters, entities, TP/predicted/true pairs, pairwise P R F1, B-cubed P R F1.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                // 4 singletons; truth {x,x} {y,y}. No pair claimed: P 1, R 0/2. B-cubed recall 1/2 per record.
                Arguments.of("all singletons", "abcd", "xxyy", 4, 2, 0, 0, 2, 1.0, 0.0, 0.0, 1.0, 0.5, 2.0 / 3),
                // 1 cluster of 4; truth {x,x} {y,y}: 6 pairs claimed, 2 right. B-cubed precision 2/4 per record.
                Arguments.of("one big cluster", "aaaa", "xxyy", 1, 2, 2, 6, 2, 1.0 / 3, 1.0, 0.5, 0.5, 1.0, 2.0 / 3),
                Arguments.of("perfect match", "aabbc", "xxyyz", 3, 3, 2, 2, 2, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
                // Entity x (4 records) split in two clusters of 2: 2 of its 6 pairs found.
                // B-cubed recall: x records 2/4 each, y 1/1 -> (4 * 0.5 + 1) / 5 = 0.6; F1 = 1.2 / 1.6 = 0.75.
                Arguments.of("a split", "aabbc", "xxxxy", 3, 2, 2, 2, 6, 1.0, 1.0 / 3, 0.5, 1.0, 0.6, 0.75),
                // Entities x and y merged into one cluster of 4: 6 pairs claimed, 2 right.
                // B-cubed precision: those 4 records 2/4 each, z 1/1 -> 3 / 5 = 0.6.
                Arguments.of("a merge", "aaaab", "xxyyz", 2, 3, 2, 6, 2, 1.0 / 3, 1.0, 0.5, 0.6, 1.0, 0.75),
                // Contingency a:{x 2, y 1}, b:{y 2}. TP = 1 + 0 + 1; predicted 3 + 1; true 1 + 3.
                // B-cubed precision (2*2/3 + 1*1/3 + 2*2/2) / 5 = 11/15; recall (2*2/2 + 1*1/3 + 2*2/3) / 5 = 11/15.
                Arguments.of("a mix", "aaabb", "xxyyy", 2, 2, 2, 4, 4, 0.5, 0.5, 0.5, 11.0 / 15, 11.0 / 15, 11.0 / 15),
                Arguments.of("empty input", "", "", 0, 0, 0, 0, 0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computesTheFiguresWorkedOutByHand(String name, String predicted, String truth, long clusters, long entities,
            long truePositivePairs, long predictedPairs, long truePairs, double precision, double recall, double f1,
            double bCubedPrecision, double bCubedRecall, double bCubedF1) {
        ClusterQuality quality = ClusterMetrics.evaluate(letters(predicted), letters(truth));

        assertThat(quality.records()).isEqualTo(predicted.length());
        assertThat(quality.predictedClusters()).isEqualTo(clusters);
        assertThat(quality.trueEntities()).isEqualTo(entities);
        assertThat(quality.pairs()).isEqualTo(new PairCounts(truePositivePairs, predictedPairs, truePairs));
        assertThat(quality.pairwise().precision()).isCloseTo(precision, within(EPSILON));
        assertThat(quality.pairwise().recall()).isCloseTo(recall, within(EPSILON));
        assertThat(quality.pairwise().f1()).isCloseTo(f1, within(EPSILON));
        assertThat(quality.bCubed().precision()).isCloseTo(bCubedPrecision, within(EPSILON));
        assertThat(quality.bCubed().recall()).isCloseTo(bCubedRecall, within(EPSILON));
        assertThat(quality.bCubed().f1()).isCloseTo(bCubedF1, within(EPSILON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isSymmetricBetweenClustersAndTruth(String name, String predicted, String truth) {
        ClusterQuality forward = ClusterMetrics.evaluate(letters(predicted), letters(truth));
        ClusterQuality backward = ClusterMetrics.evaluate(letters(truth), letters(predicted));

        assertThat(backward.pairwise().precision()).isCloseTo(forward.pairwise().recall(), within(EPSILON));
        assertThat(backward.bCubed().recall()).isCloseTo(forward.bCubed().precision(), within(EPSILON));
        assertThat(backward.pairs().truePositivePairs()).isEqualTo(forward.pairs().truePositivePairs());
    }

    @Test
    void countsPairsOfAMillionRecordsWithoutEnumeratingThem() {
        int n = 1_000_000;
        int[] oneCluster = new int[n];
        int[] pairsOfTwins = new int[n];
        for (int i = 0; i < n; i++) {
            pairsOfTwins[i] = i / 2;
        }

        ClusterQuality quality = ClusterMetrics.evaluate(oneCluster, 1, pairsOfTwins, n / 2);

        assertThat(quality.pairs()).isEqualTo(new PairCounts(n / 2, (long) n * (n - 1) / 2, n / 2));
        assertThat(quality.predictedClusters()).isEqualTo(1);
        assertThat(quality.trueEntities()).isEqualTo(n / 2);
        assertThat(quality.bCubed().precision()).isCloseTo(2.0 / n, within(EPSILON));
        assertThat(quality.bCubed().recall()).isEqualTo(1.0);
    }

    @Test
    void accumulatesLabelsOfAnyType() {
        ClusterMetrics.Accumulator accumulator = new ClusterMetrics.Accumulator();
        for (int i = 0; i < 3000; i++) {
            accumulator.add("cluster-" + i / 3, i / 3);
        }

        ClusterQuality quality = accumulator.result();

        assertThat(accumulator.size()).isEqualTo(3000);
        assertThat(quality.pairs()).isEqualTo(new PairCounts(3000, 3000, 3000));
        assertThat(quality.pairwise().f1()).isEqualTo(1.0);
    }

    @Test
    void rejectsInputsThatDoNotLineUp() {
        assertThatThrownBy(() -> ClusterMetrics.evaluate(List.of("a", "b"), List.of("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 clusters but 1 entities");
        assertThatThrownBy(() -> ClusterMetrics.evaluate(new int[] {0, 2}, 2, new int[] {0, 0}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record 1: cluster number 2");
    }

    private static List<String> letters(String text) {
        return Arrays.stream(text.split("")).filter(s -> !s.isEmpty()).toList();
    }
}
