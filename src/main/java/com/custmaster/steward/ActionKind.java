package com.custmaster.steward;

import java.util.Locale;

/** What a steward did; stored as {@link #code()} in {@code steward_action.action} and {@code master_audit.action}. */
public enum ActionKind {
    /** A queued (or any) pair is one customer. */
    ACCEPT,
    /** A pair is two customers. */
    REJECT,
    /** No decision yet: the pair moves to the back of the queue. */
    SKIP,
    /** Two master records are one customer: every pair between their records is "same". */
    MERGE,
    /** A source record is not the customer of its master record: "different" from each other record of it. */
    SPLIT,
    /** An earlier action no longer holds. */
    UNDO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActionKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
