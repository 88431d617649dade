package com.custmaster.ingest;

import com.custmaster.domain.OperationalFailure;

/**
 * A source cannot be read at all (file missing, database unreachable). The run fails at the
 * ingest step and can be restarted once the cause is fixed.
 */
public final class SourceUnavailableException extends OperationalFailure {

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
