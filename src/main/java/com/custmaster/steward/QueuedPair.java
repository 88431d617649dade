package com.custmaster.steward;

import static java.util.Objects.requireNonNull;

import com.custmaster.match.RecordPair;
import java.time.LocalDate;

/**
 * A pair in the review queue: scored between the thresholds by the latest run and not decided by
 * anyone yet.
 *
 * @param evidence the stored field-by-field weights ("field=level:weight; …", docs/database.md)
 * @param leftMasterId the master record the left record belongs to now (null before any run assigned one)
 * @param skipped true when someone skipped it: it waits behind the pairs nobody looked at
 */
public record QueuedPair(RecordPair pair, LocalDate runDate, double matchWeight, double matchProbability, String blockingRule,
                         String evidence, String leftMasterId, String rightMasterId, boolean skipped) {

    public QueuedPair {
        requireNonNull(pair, "pair is null");
        requireNonNull(runDate, "runDate is null");
        requireNonNull(blockingRule, "blockingRule is null");
        evidence = evidence == null ? "" : evidence;
    }

    /** True when the two records are in one master record already (through other pairs). */
    public boolean sameMaster() {
        return leftMasterId != null && leftMasterId.equals(rightMasterId);
    }
}
