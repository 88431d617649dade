package com.custmaster.domain;

import static java.util.Objects.requireNonNull;

/**
 * Identifies one record of one source system; the key of the crosswalk to the customer master.
 */
public record SourceRecordKey(String source, String sourceRecordId) implements Comparable<SourceRecordKey> {

    public SourceRecordKey {
        requireNonNull(source, "source is null");
        requireNonNull(sourceRecordId, "sourceRecordId is null");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source is blank");
        }
        if (sourceRecordId.isBlank()) {
            throw new IllegalArgumentException("sourceRecordId is blank for source " + source);
        }
    }

    @Override
    public int compareTo(SourceRecordKey other) {
        int bySource = source.compareTo(other.source);
        return bySource != 0 ? bySource : sourceRecordId.compareTo(other.sourceRecordId);
    }

    @Override
    public String toString() {
        return source + ":" + sourceRecordId;
    }
}
