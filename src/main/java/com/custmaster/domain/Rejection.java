package com.custmaster.domain;

import static java.util.Objects.requireNonNull;

/**
 * A record that failed a hard rule. It is kept, with enough context for a person to find the row
 * in the source and see why: nothing read is silently dropped.
 *
 * @param origin file path or table
 * @param position 1-based line or row number
 * @param sourceRecordId the record's id when it could be read, else null
 * @param field canonical field (or source column) at fault, or null for whole-row problems
 * @param rawValue the offending raw value (truncated to a sane length), or null
 * @param reason stable reason code, see {@link RejectReason}
 * @param message human-readable explanation naming file, line and field
 */
public record Rejection(String source, String origin, long position, String sourceRecordId, String field,
                        String rawValue, RejectReason reason, String message) implements StagingOutcome {

    public Rejection {
        requireNonNull(source, "source is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(message, "message is null");
        if (position < 1) {
            throw new IllegalArgumentException("position must be >= 1: " + position);
        }
    }
}
