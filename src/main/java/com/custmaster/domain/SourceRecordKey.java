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

    /**
     * A key as people write it: the source's name, a colon, the record id ({@code crm:CRM-100001};
     * the id may itself hold colons).
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static SourceRecordKey parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.substring(colon + 1).isBlank()) {
            throw new IllegalArgumentException("a record is named SOURCE:ID (e.g. crm:CRM-100001), not '" + text + "'");
        }
        return new SourceRecordKey(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
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
