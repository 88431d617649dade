package com.custmaster.domain;

/**
 * A failure of the environment rather than of the data or the code (a source file missing, a
 * database or folder out of reach, a full disk), whose message is written for the person on call:
 * one line saying what could not be done, where, and the system's own reason. The nightly run
 * reports the outermost such failure in a chain of causes instead of the bare root cause, which
 * alone ("Connection refused", "No space left on device") would not say what it was about. The
 * messages are listed in docs/operations.md.
 */
public class OperationalFailure extends RuntimeException {

    public OperationalFailure(String message) {
        super(message);
    }

    public OperationalFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The innermost message of a chain of causes (the system's own reason), or the class name. */
    public static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
