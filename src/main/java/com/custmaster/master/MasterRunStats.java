package com.custmaster.master;

import com.custmaster.match.MatchModel;
import java.util.Map;

/**
 * What one run did to the customer master, for the run summary and report.
 *
 * @param sourceRecords source records considered (all current ones, not just tonight's)
 * @param activeMasters active master records after the run
 * @param model the trained matching model that scored tonight's pairs (saved with the run)
 */
public record MasterRunStats(long sourceRecordsRefreshed, long sourceRecords, long activeMasters, long created,
                             long merged, long split, long updated, long pairsMerged, long pairsForReview,
                             Map<String, Long> candidatePairsPerRule, MatchModel model) {

    public MasterRunStats {
        candidatePairsPerRule = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(candidatePairsPerRule));
        java.util.Objects.requireNonNull(model, "model is null");
    }
}
