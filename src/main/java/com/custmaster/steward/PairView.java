package com.custmaster.steward;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.Contact;
import com.custmaster.master.StoredPairs;
import com.custmaster.match.RecordPair;
import java.util.List;

/**
 * Two source records side by side for a decision: both records as they are now, what the runs
 * scored for the pair (newest first, with field-by-field evidence), their master records and the
 * decision that holds for the pair, if any.
 *
 * @param verdict the verdict of the latest action about the pair that holds, or null when undecided
 * @param decidedBy that action, or null
 */
public record PairView(RecordPair pair, Contact left, Contact right, List<StoredPairs.StoredPair> scores,
                       String leftMasterId, String rightMasterId, Verdict verdict, StewardAction decidedBy) {

    public PairView {
        requireNonNull(pair, "pair is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        scores = List.copyOf(scores);
    }

    /** The latest run's score, or null when no run kept the pair (it scored below the review threshold). */
    public StoredPairs.StoredPair latestScore() {
        return scores.isEmpty() ? null : scores.get(0);
    }
}
