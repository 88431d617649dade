package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.MASTER_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A seeded sample of customers chosen by a hash of the master ID.
 *
 * <p>Why not {@code Dataset.sample}: that draws per partition, so the rows it picks depend on how
 * the data happens to be partitioned (shuffle settings, a laptop or a cluster). A hash picks the
 * same customers wherever it runs, so the models fitted on the sample come out the same.
 */
final class HashSample {

    private static final long BUCKETS = 1_000_000;

    private HashSample() {
    }

    /** About {@code fraction} (0..1) of {@code rows}, those whose seeded master-ID hash falls below it. */
    static Dataset<Row> of(Dataset<Row> rows, double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
        return rows.where(pmod(xxhash64(col(MASTER_ID), lit(seed)), lit(BUCKETS))
                .lt(lit((long) Math.ceil(fraction * BUCKETS))));
    }
}
