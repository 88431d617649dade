package com.custmaster.steward;

import static java.util.Objects.requireNonNull;

import com.custmaster.match.RecordPair;

/**
 * One decided row of an imported decisions file.
 *
 * @param line the row's line in the file, for messages
 * @param kind {@link ActionKind#ACCEPT}, {@link ActionKind#REJECT} or {@link ActionKind#SKIP}
 */
public record ImportedDecision(long line, RecordPair pair, ActionKind kind, String reason) {

    public ImportedDecision {
        requireNonNull(pair, "pair is null");
        requireNonNull(kind, "kind is null");
        if (kind != ActionKind.ACCEPT && kind != ActionKind.REJECT && kind != ActionKind.SKIP) {
            throw new IllegalArgumentException("an imported decision is accept, reject or skip, not " + kind);
        }
    }
}
