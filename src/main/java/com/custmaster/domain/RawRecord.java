package com.custmaster.domain;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * One record as read from a source, before mapping: column (or JSON path) to text value.
 * A record the reader could not parse carries {@code malformedReason} instead of values, so the
 * reader never drops it: it travels on to the reject store with its position.
 *
 * @param source source name from {@code conf/}
 * @param origin file path or table the record came from
 * @param position 1-based line number (files) or row number (tables) where the record starts
 * @param values column values; empty when malformed
 * @param malformedReason why the record could not be parsed, or null
 * @param rawText the raw text of a malformed record (may be truncated), or null
 */
public record RawRecord(String source, String origin, long position, Map<String, String> values,
                        String malformedReason, String rawText) {

    public RawRecord {
        requireNonNull(source, "source is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(values, "values is null");
        if (position < 1) {
            throw new IllegalArgumentException("position must be >= 1: " + position);
        }
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public static RawRecord parsed(String source, String origin, long position, Map<String, String> values) {
        return new RawRecord(source, origin, position, values, null, null);
    }

    public static RawRecord malformed(String source, String origin, long position, String reason, String rawText) {
        requireNonNull(reason, "reason is null");
        return new RawRecord(source, origin, position, Map.of(), reason, rawText);
    }

    public boolean isMalformed() {
        return malformedReason != null;
    }

    public Optional<String> value(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
