package com.custmaster.quality;

import static java.util.Objects.requireNonNull;

/**
 * The result of evaluating a clusters file against the truth of its input.
 *
 * @param quality             the figures
 * @param clusterRowsNotInInput rows of the clusters file whose record is not in the input (ignored)
 */
public record Evaluation(ClusterQuality quality, long clusterRowsNotInInput) {

    public Evaluation {
        requireNonNull(quality, "quality is null");
        if (clusterRowsNotInInput < 0) {
            throw new IllegalArgumentException("clusterRowsNotInInput cannot be negative: " + clusterRowsNotInInput);
        }
    }
}
