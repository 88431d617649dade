package com.custmaster.quality;

import static java.util.Objects.requireNonNull;

/**
 * How well a clustering of records matches the truth.
 *
 * @param records           records evaluated
 * @param predictedClusters clusters the matcher made (singletons included)
 * @param trueEntities      entities the records really belong to
 * @param pairs             the pair counts behind {@code pairwise}
 * @param pairwise          precision and recall over pairs of records
 * @param bCubed            B-cubed precision and recall: per record, averaged over records
 */
public record ClusterQuality(long records, long predictedClusters, long trueEntities, PairCounts pairs,
        Scores pairwise, Scores bCubed) {

    public ClusterQuality {
        requireNonNull(pairs, "pairs is null");
        requireNonNull(pairwise, "pairwise is null");
        requireNonNull(bCubed, "bCubed is null");
        if (records < 0 || predictedClusters < 0 || trueEntities < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + records + " records, "
                    + predictedClusters + " clusters, " + trueEntities + " entities");
        }
    }
}
