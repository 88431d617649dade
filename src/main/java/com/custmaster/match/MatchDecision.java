package com.custmaster.match;

import java.util.Locale;

/** What the thresholds say about a scored pair. */
public enum MatchDecision {
    /** At or above the merge threshold: the records are merged automatically. */
    MATCH,
    /** Between the thresholds: a person decides (review queue). */
    REVIEW,
    /** Below the review threshold. */
    DISTINCT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The decision for a {@link #code()} as stored in match_pair. */
    public static MatchDecision ofCode(String code) {
        for (MatchDecision decision : values()) {
            if (decision.code().equals(code)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("unknown match decision: " + code);
    }
}
