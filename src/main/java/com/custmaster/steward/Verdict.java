package com.custmaster.steward;

import java.util.Locale;

/** A person's verdict on a pair of source records; stored as {@link #code()} in {@code steward_decision.verdict}. */
public enum Verdict {
    SAME,
    DIFFERENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
