package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.SourceRecordKey;

/**
 * Two different source records, the one that sorts first on the left: the same pair whichever way
 * round it was named, so decisions and scored pairs about it meet.
 */
public record RecordPair(SourceRecordKey left, SourceRecordKey right) implements Comparable<RecordPair> {

    public RecordPair {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        if (left.compareTo(right) >= 0) {
            throw new IllegalArgumentException(left.equals(right) ? "a pair needs two different records, not " + left
                    + " twice" : "left must sort before right: " + left + ", " + right);
        }
    }

    /** The pair of two different records named in either order. */
    public static RecordPair of(SourceRecordKey first, SourceRecordKey second) {
        requireNonNull(first, "first is null");
        requireNonNull(second, "second is null");
        return first.compareTo(second) <= 0 ? new RecordPair(first, second) : new RecordPair(second, first);
    }

    @Override
    public int compareTo(RecordPair other) {
        int byLeft = left.compareTo(other.left);
        return byLeft != 0 ? byLeft : right.compareTo(other.right);
    }

    @Override
    public String toString() {
        return left + " ~ " + right;
    }
}
