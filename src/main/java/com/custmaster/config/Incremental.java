package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Incremental reading of a source: only rows whose watermark column is above the last committed
 * watermark are pulled. The watermark advances only when the whole nightly run completes, so a
 * failed run pulls the same rows again.
 *
 * @param column source column (or JSON path) holding the watermark: an update time or an
 *               increasing id
 * @param type how values compare
 * @param dateFormat pattern of a timestamp column in a file source, or null for the defaults
 */
public record Incremental(String column, Type type, String dateFormat) {

    /** How watermark values compare. */
    public enum Type {
        /** Update times; stored as ISO local date-time. */
        TIMESTAMP,
        /** Increasing numbers (ids, sequence numbers). */
        NUMBER,
        /** Text compared in Unicode order (fixed-width codes). */
        TEXT;

        public static Type parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    public Incremental {
        requireNonNull(column, "column is null");
        requireNonNull(type, "type is null");
        if (column.isBlank()) {
            throw new IllegalArgumentException("incremental column is blank");
        }
    }
}
