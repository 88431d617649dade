package com.custmaster.steward;

/**
 * An action the steward workflow refuses, with a message for the person who asked (an unknown
 * record, a master that was retired, a malformed import naming its line). Nothing was written.
 */
public final class StewardException extends RuntimeException {

    public StewardException(String message) {
        super(message);
    }
}
