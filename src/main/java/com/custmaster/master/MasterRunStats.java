package com.custmaster.master;

import com.custmaster.match.MatchModel;
import java.util.Map;

/**
 * What one run did to the customer master, for the run summary and report.
 *
 * @param sourceRecords source records considered (all current ones, not just tonight's)
 * @param activeMasters active master records after the run
 * @param sourceRecordsChanged source records that are new or changed tonight
 * @param matching how tonight matched: incremental, full (every pair again, stored model) or
 *                 retrained (a new model, every pair again)
 * @param pairsCompared pairs compared tonight; {@code pairsCarried} were kept from the last run
 * @param model the matching model that scored tonight's pairs (saved with the run)
 * @param weightHistogram pairs compared tonight per whole bit of match weight (the run report's chart)
 */
public record MasterRunStats(long sourceRecordsRefreshed, long sourceRecordsChanged, long sourceRecords, long activeMasters,
                             long created, long merged, long split, long updated, long pairsMerged, long pairsForReview,
                             String matching, long pairsCompared, long pairsCarried, Map<String, Long> candidatePairsPerRule,
                             MatchModel model, java.util.SortedMap<Integer, Long> weightHistogram) {

    public MasterRunStats {
        java.util.Objects.requireNonNull(matching, "matching is null");
        candidatePairsPerRule = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(candidatePairsPerRule));
        java.util.Objects.requireNonNull(model, "model is null");
        weightHistogram = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(
                java.util.Objects.requireNonNull(weightHistogram, "weightHistogram is null")));
    }
}
