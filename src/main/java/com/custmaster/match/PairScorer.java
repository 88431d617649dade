package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.MatchKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fellegi-Sunter scoring of a pair: each comparison picks its first matching level and adds that
 * level's weight log2(m/u); a field missing on either side adds nothing. The total plus the prior's
 * log-odds gives the match weight, and the probability follows from it.
 */
public final class PairScorer {

    private final MatchingConfig config;
    private final double priorWeight;

    public PairScorer(MatchingConfig config) {
        this.config = requireNonNull(config, "config is null");
        double prior = config.priorMatchProbability();
        this.priorWeight = log2(prior / (1 - prior));
    }

    public ScoredPair score(Contact a, Contact b, String blockingRule) {
        Contact left = a.key().compareTo(b.key()) < 0 ? a : b;
        Contact right = left == a ? b : a;
        List<ScoredPair.FieldEvidence> evidence = new ArrayList<>(config.comparisons().size());
        double weight = priorWeight;
        for (MatchingConfig.Comparison comparison : config.comparisons()) {
            Optional<String> l = MatchKeys.value(left, comparison.field());
            Optional<String> r = MatchKeys.value(right, comparison.field());
            if (l.isEmpty() || r.isEmpty()) {
                evidence.add(new ScoredPair.FieldEvidence(comparison.field(), "missing", 0));
                continue;
            }
            MatchingConfig.Level level = level(comparison, l.get(), r.get());
            weight += level.weight();
            evidence.add(new ScoredPair.FieldEvidence(comparison.field(), level.name(), level.weight()));
        }
        double probability = 1 / (1 + Math.pow(2, -weight));
        return new ScoredPair(left.key(), right.key(), blockingRule, evidence, weight, probability, decide(probability));
    }

    MatchDecision decide(double probability) {
        if (probability >= config.mergeThreshold()) {
            return MatchDecision.MATCH;
        }
        return probability >= config.reviewThreshold() ? MatchDecision.REVIEW : MatchDecision.DISTINCT;
    }

    static MatchingConfig.Level level(MatchingConfig.Comparison comparison, String left, String right) {
        for (MatchingConfig.Level level : comparison.levels()) {
            boolean holds = switch (level.kind()) {
                case EXACT -> left.equals(right);
                case JARO_WINKLER -> Comparators.jaroWinkler(left, right) >= level.threshold();
                case DATE_NEAR -> Comparators.dateNear(left, right);
                case ELSE -> true;
            };
            if (holds) {
                return level;
            }
        }
        throw new IllegalStateException("comparison " + comparison.field() + " has no 'else' level");
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
