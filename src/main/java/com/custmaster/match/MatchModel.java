package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained Fellegi-Sunter model: the probability that two random records match, and for every
 * comparison level its m- and u-probability and where each came from. Saved with every run so a
 * score can be reproduced and explained later.
 *
 * @param priorMatchProbability probability that two records drawn at random are the same person
 * @param priorSource "estimated" (from the blocking rules' EM results) or "configured"
 * @param recordCount records the model was trained on
 * @param randomPairs random pairs drawn to estimate the u-probabilities
 */
public record MatchModel(double priorMatchProbability, String priorSource, long recordCount, long randomPairs,
                         List<ComparisonModel> comparisons, List<RuleTraining> training) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public MatchModel {
        requireNonNull(priorSource, "priorSource is null");
        comparisons = List.copyOf(comparisons);
        training = List.copyOf(training);
        if (!(priorMatchProbability > 0 && priorMatchProbability < 1)) {
            throw new IllegalArgumentException("prior match probability must be in (0, 1): " + priorMatchProbability);
        }
    }

    /** The prior as a weight in bits: log2(p / (1 - p)). */
    public double priorWeight() {
        return log2(priorMatchProbability / (1 - priorMatchProbability));
    }

    /** Writes the model as JSON (creating the folder). */
    public void writeJson(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the match model to " + file, e);
        }
    }

    /** The model as JSON text, as {@link #writeJson} writes it. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the match model as JSON", e);
        }
    }

    /** A model from JSON text written by {@link #toJson} or {@link #writeJson} (see {@link MatchModelReader}). */
    public static MatchModel fromJson(String json) {
        return MatchModelReader.parse(json, "match model JSON");
    }

    static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    /** One comparison's levels with their learned probabilities. */
    public record ComparisonModel(String field, boolean termFrequency, List<LevelModel> levels) {
        public ComparisonModel {
            requireNonNull(field, "field is null");
            levels = List.copyOf(levels);
        }
    }

    /**
     * One level: m = P(level | match), u = P(level | non-match), weight = log2(m / u).
     *
     * @param mSource "em" when learned, "configured" when the data could not teach it
     * @param uSource "random_pairs" when measured, "configured" otherwise
     */
    public record LevelModel(String name, double m, double u, String mSource, String uSource) {
        public LevelModel {
            requireNonNull(name, "name is null");
            if (!(m > 0 && m <= 1) || !(u > 0 && u <= 1)) {
                throw new IllegalArgumentException("level " + name + ": m and u must be in (0, 1]: m=" + m + ", u=" + u);
            }
        }

        public double weight() {
            return log2(m / u);
        }
    }

    /**
     * What EM did on one blocking rule's pairs.
     *
     * @param pairs the rule's candidate pairs; {@code pairsUsed} of them went into EM (an even sample)
     * @param matchShare EM's estimate of the share of the rule's pairs that match
     * @param fieldsEstimated comparisons whose m this rule estimated (those not used by the rule)
     * @param priorEstimate the probability that two random records match, as this rule implies it (0 if none)
     */
    public record RuleTraining(String rule, long pairs, long pairsUsed, int iterations, boolean converged,
                               double matchShare, List<String> fieldsEstimated, double priorEstimate) {
        public RuleTraining {
            requireNonNull(rule, "rule is null");
            fieldsEstimated = List.copyOf(fieldsEstimated);
        }
    }
}
