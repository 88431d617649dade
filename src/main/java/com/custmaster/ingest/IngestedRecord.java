package com.custmaster.ingest;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.StagingOutcome;

/** The outcome of one record read, with the file or table it came from. */
public record IngestedRecord(String origin, StagingOutcome outcome) {

    public IngestedRecord {
        requireNonNull(origin, "origin is null");
        requireNonNull(outcome, "outcome is null");
    }
}
