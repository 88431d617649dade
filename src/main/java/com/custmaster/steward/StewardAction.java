package com.custmaster.steward;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.SourceRecordKey;
import com.custmaster.match.RecordPair;
import java.time.LocalDateTime;

/**
 * One row of {@code steward_action}: who did what, when and why.
 *
 * @param pair the pair an accept, reject or skip was about; null otherwise
 * @param record the record a split took out; null otherwise
 * @param masterId merge: the master kept; split: the master the record left; accept/reject/skip: the
 *                 left record's master; undo: the master of the undone action
 * @param relatedMasterId merge: the other master; accept/reject/skip: the right record's master
 * @param undoes for an undo, the action it undid
 * @param undoneBy the undo that took this action back, or null while it holds
 */
public record StewardAction(long id, ActionKind kind, String actor, String reason, LocalDateTime createdAt, String masterId,
                            String relatedMasterId, RecordPair pair, SourceRecordKey record, Long undoes, Long undoneBy) {

    public StewardAction {
        requireNonNull(kind, "kind is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** True while the action counts: not undone (an undo itself never counts as a decision). */
    public boolean holds() {
        return undoneBy == null && kind != ActionKind.UNDO;
    }

    /** One line for people: "accept crm:1 ~ erp:7 by alice". */
    public String describe() {
        String what = switch (kind) {
            case ACCEPT, REJECT, SKIP -> kind.code() + " " + pair;
            case MERGE -> "merge " + relatedMasterId + " into " + masterId;
            case SPLIT -> "split " + record + " out of " + masterId;
            case UNDO -> "undo action " + undoes;
        };
        return "#" + id + " " + what + " by " + actor;
    }
}
