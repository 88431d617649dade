package com.custmaster.synth;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * The decision that a person has a record in a source, before the source writes it in its own
 * format. The update time decides which name and address were current when the record was saved.
 *
 * @param person    who the record is about
 * @param source    where it lives
 * @param updatedAt when the source last saved it
 * @param duplicate true for a second record of the same person in the same source
 */
record Draft(Person person, Source source, LocalDateTime updatedAt, boolean duplicate) {

    Draft {
        requireNonNull(person, "person is null");
        requireNonNull(source, "source is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
