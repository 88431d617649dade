package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.SourceRecordKey;
import java.util.List;

/**
 * A candidate pair with its Fellegi-Sunter score and the evidence behind it, so any decision can be
 * explained field by field.
 *
 * @param left the smaller key of the two
 * @param right the larger key
 * @param blockingRule the first blocking rule that produced the pair
 * @param levels each comparison's field, chosen level and weight
 * @param matchWeight sum of level weights plus the prior's log-odds (bits)
 * @param matchProbability 1 / (1 + 2^-matchWeight)
 */
public record ScoredPair(SourceRecordKey left, SourceRecordKey right, String blockingRule, List<FieldEvidence> levels,
                         double matchWeight, double matchProbability, MatchDecision decision) {

    public ScoredPair {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(blockingRule, "blockingRule is null");
        requireNonNull(levels, "levels is null");
        requireNonNull(decision, "decision is null");
        if (left.compareTo(right) >= 0) {
            throw new IllegalArgumentException("left must sort before right: " + left + ", " + right);
        }
        levels = List.copyOf(levels);
    }

    /**
     * The evidence as one line, "field=level:weight" per comparison joined by "; ", weights in bits
     * with a sign ("family_key=exact:+5.61; phone=missing:+0.00"): what the review queue and the
     * match_pair table show.
     */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        for (FieldEvidence evidence : levels) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(evidence.field()).append('=').append(evidence.level()).append(':')
                    .append(String.format(java.util.Locale.ROOT, "%+.2f", evidence.weight()));
        }
        return text.toString();
    }

    /** One comparison's outcome for a pair; level "missing" (weight 0) when either side lacks the field. */
    public record FieldEvidence(String field, String level, double weight) {
    }
}
