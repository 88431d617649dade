package com.custmaster.domain;

import java.util.Locale;

/** Why a record went to the reject store. The codes are stable: reports and tests refer to them. */
public enum RejectReason {
    /** The row could not be parsed: wrong column count, invalid JSON, broken quoting. */
    MALFORMED_ROW,
    /** No name, email, phone or id number: nothing to match on. */
    NO_IDENTITY,
    /** No value in the source's id column. */
    MISSING_ID,
    /** A date that does not exist or does not fit the configured format. */
    INVALID_DATE,
    /** Bytes that are not valid in the source's declared encoding (a wrong encoding upstream). */
    INVALID_ENCODING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
