package com.custmaster.match;

import com.custmaster.config.MatchingConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fellegi-Sunter scoring with a trained model: each comparison adds its level's weight log2(m/u),
 * a missing value adds nothing, and the prior's log-odds starts the sum. For comparisons with term
 * frequency adjustment, an exact agreement weighs log2(m / f) instead, f being the share of records
 * with that value: two records sharing "wang" prove less than two sharing a rare name.
 */
final class Scorer {

    /**
     * Fewer present values than this and a comparison gets no term-frequency adjustment: in a
     * handful of records every name looks common (2 of 3 share "wei"), which says nothing.
     */
    static final int MIN_VALUES_FOR_TERM_FREQUENCY = 1000;

    private final MatchModel model;
    private final double[][] weights;
    private final int[] exactLevel;
    private final String[][] columns;
    private final Map<String, Double>[] termWeights;
    /** Per comparison: the earlier comparison it swaps with (both have a swapped level naming the other), or -1. */
    private final int[] swapPartner;
    /** Per comparison: its swapped level (1-based as in the vectors), or -1. */
    private final int[] swappedLevel;

    @SuppressWarnings("unchecked")
    Scorer(MatchModel model, List<MatchingConfig.Comparison> comparisons, RecordTable table) {
        this.model = model;
        int count = comparisons.size();
        weights = new double[count][];
        exactLevel = new int[count];
        columns = ComparisonVectors.columns(table, comparisons);
        termWeights = new Map[count];
        for (int c = 0; c < count; c++) {
            List<MatchModel.LevelModel> levels = model.comparisons().get(c).levels();
            weights[c] = new double[levels.size() + 1];
            for (int l = 0; l < levels.size(); l++) {
                weights[c][l + 1] = levels.get(l).weight();
            }
            exactLevel[c] = -1;
            MatchingConfig.Comparison comparison = comparisons.get(c);
            for (int l = 0; l < comparison.levels().size(); l++) {
                if (comparison.levels().get(l).kind() == MatchingConfig.LevelKind.EXACT) {
                    exactLevel[c] = l + 1;
                    break;
                }
            }
            if (comparison.termFrequency() && exactLevel[c] > 0) {
                termWeights[c] = termWeights(columns[c], levels.get(exactLevel[c] - 1).m());
            }
        }
        swappedLevel = new int[count];
        String[] swappedWith = new String[count];
        for (int c = 0; c < count; c++) {
            swappedLevel[c] = -1;
            List<MatchingConfig.Level> levels = comparisons.get(c).levels();
            for (int l = 0; l < levels.size(); l++) {
                if (levels.get(l).kind() == MatchingConfig.LevelKind.SWAPPED) {
                    swappedLevel[c] = l + 1;
                    swappedWith[c] = levels.get(l).with();
                }
            }
        }
        swapPartner = new int[count];
        for (int c = 0; c < count; c++) {
            swapPartner[c] = -1;
            for (int d = 0; d < c && swappedLevel[c] > 0; d++) {
                if (comparisons.get(d).field().equals(swappedWith[c]) && comparisons.get(c).field().equals(swappedWith[d])) {
                    swapPartner[c] = d;
                }
            }
        }
    }

    private static Map<String, Double> termWeights(String[] column, double mExact) {
        Map<String, Integer> counts = new HashMap<>();
        long present = 0;
        for (String value : column) {
            if (value != null) {
                counts.merge(value, 1, Integer::sum);
                present++;
            }
        }
        if (present < MIN_VALUES_FOR_TERM_FREQUENCY) {
            return null;
        }
        Map<String, Double> result = new HashMap<>(counts.size() * 2);
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            double frequency = (double) entry.getValue() / present;
            result.put(entry.getKey(), MatchModel.log2(mExact / frequency));
        }
        return result;
    }

    MatchModel model() {
        return model;
    }

    /** The weight comparison c adds for a pair at the given level (0 = missing), on its own. */
    private double fieldWeight(int c, int level, int left) {
        if (termFrequencyAdjusted(c, level)) {
            return termWeights[c].get(columns[c][left]);
        }
        return weights[c][level];
    }

    /** True when {@link #fieldWeight} gives comparison c at this level its term-frequency weight, not log2(m/u). */
    boolean termFrequencyAdjusted(int c, int level) {
        return level == exactLevel[c] && termWeights[c] != null;
    }

    /**
     * The weight comparison c adds for a pair of the vectors. Given and family names swapped are one
     * event that both name comparisons see (each at its {@code swapped} level): it counts once, on
     * the first of the two, and the second adds 0 — counted twice, "Li Feng" against "Feng Li" with
     * nothing else in common would score like a match.
     */
    double fieldWeight(ComparisonVectors vectors, int pair, int c, int left) {
        int level = vectors.level(pair, c);
        int partner = swapPartner[c];
        if (partner >= 0 && level == swappedLevel[c] && vectors.level(pair, partner) == swappedLevel[partner]) {
            return 0;
        }
        return fieldWeight(c, level, left);
    }

    double matchWeight(ComparisonVectors vectors, int pair, int left) {
        double weight = model.priorWeight();
        for (int c = 0; c < weights.length; c++) {
            weight += fieldWeight(vectors, pair, c, left);
        }
        return weight;
    }

    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }
}
