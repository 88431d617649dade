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

    /**
     * The evidence back from {@link #explanation()} text, as stored in match_pair: what an
     * incremental run carries over for a pair it does not compare again.
     *
     * @throws IllegalArgumentException when the text is not in that form
     */
    public static List<FieldEvidence> parseExplanation(String text) {
        requireNonNull(text, "text is null");
        List<FieldEvidence> levels = new java.util.ArrayList<>();
        if (text.isBlank()) {
            return levels;
        }
        for (String part : text.split("; ")) {
            int equals = part.indexOf('=');
            int colon = part.lastIndexOf(':');
            if (equals <= 0 || colon <= equals + 1) {
                throw new IllegalArgumentException("not field=level:weight: " + part);
            }
            try {
                levels.add(new FieldEvidence(part.substring(0, equals), part.substring(equals + 1, colon),
                        Double.parseDouble(part.substring(colon + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not field=level:weight: " + part, e);
            }
        }
        return levels;
    }

    /** One comparison's outcome for a pair; level "missing" (weight 0) when either side lacks the field. */
    public record FieldEvidence(String field, String level, double weight) {
    }
}
