package com.custmaster.analytics;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outputs of one customer-value run: one Dataset per lake table plus the summary figures.
 *
 * <p>Why {@link AutoCloseable}: {@code customerValue} is cached (and the other two tables derive
 * from it), so writing all three does not recompute the RFM windows and the segment assignment.
 * Close the result after the tables are written to free that cache:
 * <pre>{@code
 * try (CustomerValueResult result = job.compute(spark, transactions, customers, asOf, settings)) {
 *     writer.write(result.customerValue()); ...
 * }
 * }</pre>
 *
 * @param customerValue {@code customer_value}, schema {@link AnalyticsSchema#CUSTOMER_VALUE}
 * @param segmentProfile {@code segment_profile}, schema {@link AnalyticsSchema#SEGMENT_PROFILE}
 * @param valueBandSummary {@code value_band_summary}, schema {@link AnalyticsSchema#VALUE_BAND_SUMMARY}
 * @param rfmSegmentSummary {@code rfm_segment_summary}, schema {@link AnalyticsSchema#RFM_SEGMENT_SUMMARY}
 * @param summary small figures for the run summary
 * @param churnModel the fitted BG/NBD and Gamma-Gamma models, for {@code models/churn_model.json}
 */
public record CustomerValueResult(
        Dataset<Row> customerValue,
        Dataset<Row> segmentProfile,
        Dataset<Row> valueBandSummary,
        Dataset<Row> rfmSegmentSummary,
        CustomerValueSummary summary,
        ChurnModelFit churnModel) implements AutoCloseable {

    public CustomerValueResult {
        requireNonNull(customerValue, "customerValue is null");
        requireNonNull(segmentProfile, "segmentProfile is null");
        requireNonNull(valueBandSummary, "valueBandSummary is null");
        requireNonNull(rfmSegmentSummary, "rfmSegmentSummary is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(churnModel, "churnModel is null");
    }

    /**
     * Frees the cached {@code customerValue}. The Datasets stay usable but then recompute from the
     * inputs (with the already fitted K-means model).
     */
    @Override
    public void close() {
        customerValue.unpersist();
    }
}
