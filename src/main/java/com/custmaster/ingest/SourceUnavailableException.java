package com.custmaster.ingest;

/**
 * A source cannot be read at all (file missing, database unreachable). The run fails at the
 * ingest step and can be restarted once the cause is fixed.
 */
public final class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
