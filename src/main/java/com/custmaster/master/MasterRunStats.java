package com.custmaster.master;

import java.util.Map;

/**
 * What one run did to the customer master, for the run summary and report.
 *
 * @param sourceRecords source records considered (all current ones, not just tonight's)
 * @param activeMasters active master records after the run
 */
public record MasterRunStats(long sourceRecordsRefreshed, long sourceRecords, long activeMasters, long created,
                             long merged, long split, long updated, long pairsMerged, long pairsForReview,
                             Map<String, Long> candidatePairsPerRule) {

    public MasterRunStats {
        candidatePairsPerRule = Map.copyOf(candidatePairsPerRule);
    }
}
