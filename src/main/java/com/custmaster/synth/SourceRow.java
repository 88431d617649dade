package com.custmaster.synth;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * One record as written to a source file, with what the truth says about it.
 *
 * @param source    the source
 * @param recordId  the source's own id (orders refer to it); for a broken JSON line the id inside it
 * @param truthId   the id in contacts_truth.csv: {@code recordId}, or {@code line:N} for a line
 *                  that is not valid JSON
 * @param personId  the person the record was made from
 * @param defect    the deliberate fault, or {@link Defect#NONE}
 * @param duplicate true for a second record of the same person in the same source
 * @param updatedAt the record's update time
 * @param text      the record exactly as written (one CSV line, JSON line or SQL statement)
 */
record SourceRow(Source source, String recordId, String truthId, String personId, Defect defect, boolean duplicate,
        LocalDateTime updatedAt, String text) {

    SourceRow {
        requireNonNull(source, "source is null");
        requireNonNull(recordId, "recordId is null");
        requireNonNull(truthId, "truthId is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(defect, "defect is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(text, "text is null");
    }

    /** Value of the {@code expected} column in contacts_truth.csv. */
    String expected() {
        return defect.expected();
    }
}
