package com.custmaster.synth;

/**
 * A deliberate fault put into a source row, and the verdict the truth expects the pipeline to give
 * it. Every row without a fault is expected to be staged.
 */
enum Defect {
    NONE("staged"),
    NO_IDENTITY("rejected:no_identity"),
    INVALID_DATE("rejected:invalid_date"),
    MALFORMED_ROW("rejected:malformed_row");

    private final String expected;

    Defect(String expected) {
        this.expected = expected;
    }

    /** Value of the {@code expected} column in contacts_truth.csv. */
    String expected() {
        return expected;
    }
}
