package com.custmaster.quality;

/**
 * The files given to an evaluation cannot be evaluated: a file is missing or unreadable as CSV, a
 * column is not there, a record has no cluster or no truth. The message names the file, and where
 * it is about one cell, the line and the column. Nothing about the clustering's quality is known then.
 */
public final class EvaluationException extends Exception {

    private static final long serialVersionUID = 1L;

    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
