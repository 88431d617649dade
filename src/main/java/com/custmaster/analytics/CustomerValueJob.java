package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.AMOUNT;
import static com.custmaster.analytics.AnalyticsSchema.CUSTOMERS_INPUT;
import static com.custmaster.analytics.AnalyticsSchema.CUSTOMER_VALUE;
import static com.custmaster.analytics.AnalyticsSchema.MASTER_ID;
import static com.custmaster.analytics.AnalyticsSchema.MONETARY;
import static com.custmaster.analytics.AnalyticsSchema.ORDER_TS;
import static com.custmaster.analytics.AnalyticsSchema.SNAPSHOT_DATE;
import static com.custmaster.analytics.AnalyticsSchema.TRANSACTIONS;
import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.custmaster.analytics.ValueSegmentation.Segmentation;
import com.custmaster.config.AnalyticsSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The customer-value stage: RFM, value bands, K-means segments, the churn rule and the BG/NBD and
 * Gamma-Gamma forecasts (P(alive), expected purchases and value), as of a date.
 *
 * <p>Why a library call and not a Spark application: the nightly batch job and the ad-hoc
 * {@code jobs/analytics} command both own the SparkSession, the reading of inputs and the writing
 * of the lake; this class only turns two input Datasets into the three output tables, so it can be
 * tested on hand-made fixtures. It never sets the Spark master or the session time zone: the
 * caller does (the time zone decides on which calendar day an {@code order_ts} falls).
 *
 * <p>The rules behind every column are in {@code docs/outputs.md} and in the Javadoc of
 * {@link RfmScoring}, {@link ValueBands}, {@link ValueSegmentation} and {@link ChurnRule}.
 */
public final class CustomerValueJob {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CustomerValueJob.class);

    private static String seconds(long from, long to) {
        return String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e9);
    }

    /**
     * Computes the customer-value tables.
     *
     * @param spark the session to run on
     * @param transactions {@code master_id string, order_id string, order_ts timestamp, amount
     *     decimal(18,2)} (returns negative; amount may be any decimal that fits decimal(18,2);
     *     order_id is not read). Rows with a null master_id, order_ts or amount, of master IDs not
     *     in {@code customers}, or dated after {@code asOf} are ignored.
     * @param customers {@code master_id string}: every customer of the master, buyer or not
     *     (duplicates and nulls are dropped)
     * @param asOf the snapshot date; everything is computed as of the end of this day
     * @param settings the stage's settings
     * @return the three tables (customer_value cached until the result is closed) and the summary
     * @throws IllegalArgumentException if an input lacks a column or has a wrong type
     */
    public CustomerValueResult compute(SparkSession spark, Dataset<Row> transactions, Dataset<Row> customers,
            LocalDate asOf, AnalyticsSettings settings) {
        requireNonNull(spark, "spark is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(settings, "settings is null");
        AnalyticsSchema.requireInput("transactions", transactions, TRANSACTIONS, List.of(MASTER_ID, ORDER_TS, AMOUNT));
        AnalyticsSchema.requireInput("customers", customers, CUSTOMERS_INPUT, List.of(MASTER_ID));

        long started = System.nanoTime();
        // The one aggregation of the transactions, cached. Beside the main thread, two others start
        // on it at once: K-means (a chain of small single-task Spark jobs) and the model fits (driver
        // work on small summaries); meanwhile the main thread finds the rank cut points (RankCuts)
        // and caches scores, bands and churn rule, a projection of the metrics. The metrics stay
        // cached until all three are done.
        Dataset<Row> metrics = cached(RfmScoring.customerMetrics(transactions, customers, asOf));
        long aggregated = System.nanoTime();
        ExecutorService beside = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "customer-value-beside");
            thread.setDaemon(true);
            return thread;
        });
        Future<Segmentation> segmenting = null;
        Future<ChurnModelFit> fit = null;
        Dataset<Row> scored = null;
        Dataset<Row> customerValue = null;
        Dataset<Row> valueBandSummary;
        Segmentation segmentation;
        ChurnModelFit churnModel;
        CustomerValueSummary summary;
        try {
            segmenting = beside.submit(() -> ValueSegmentation.segment(spark, metrics, settings));
            fit = beside.submit(() -> ValueForecast.fit(metrics, asOf,
                    settings.annualDiscountRate(), settings.seed()));
            scored = cached(ChurnRule.withChurn(
                    ValueBands.withValueBand(RfmScoring.withScores(metrics, settings), settings), settings));
            valueBandSummary = local(spark, ValueBands.summary(spark, scored, asOf));
            long rfmDone = System.nanoTime();
            segmentation = await(segmenting, "choosing the segments");
            long segmented = System.nanoTime();
            churnModel = await(fit, "fitting the churn models");
            long fitted = System.nanoTime();
            Dataset<Row> joined = ValueForecast.withForecast(
                    scored.join(segmentation.assignments(scored), new String[] {MASTER_ID}, "left"), asOf, churnModel)
                    .withColumn(SNAPSHOT_DATE, lit(asOf));
            customerValue = AnalyticsSchema.conform(joined, CUSTOMER_VALUE).persist(StorageLevel.MEMORY_AND_DISK());
            // This scan fills the cache of customer_value, so the caches behind it can go.
            Row totals = customerValue.agg(
                    count(lit(1)),
                    count(when(RfmScoring.isBuyer(), lit(1))),
                    coalesce(sum(MONETARY), lit(BigDecimal.ZERO)))
                    .first();
            LOG.info("customer value of {} customers: aggregation {} s; then RFM, value bands and churn rule {} s, "
                            + "K-means beside them done {} s later, model fits {} s after that; scoring {} s",
                    totals.getLong(0), seconds(started, aggregated), seconds(aggregated, rfmDone),
                    seconds(rfmDone, segmented), seconds(segmented, fitted), seconds(fitted, System.nanoTime()));
            summary = new CustomerValueSummary(
                    asOf,
                    totals.getLong(0),
                    totals.getLong(1),
                    totals.getDecimal(2).setScale(2, RoundingMode.UNNECESSARY),
                    segmentation.chosenK(),
                    segmentation.silhouette(),
                    segmentation.candidates());
        } catch (RuntimeException failure) {
            if (customerValue != null) {
                customerValue.unpersist();
            }
            throw failure;
        } finally {
            beside.shutdownNow();
            release(segmenting);
            // After a failure the fit may still be reading the metrics: let it end before they go.
            settle(fit);
            if (scored != null) {
                scored.unpersist();
            }
            metrics.unpersist();
        }
        return new CustomerValueResult(
                customerValue,
                ValueSegmentation.profile(customerValue, asOf),
                valueBandSummary,
                RfmScoring.segmentSummary(spark, customerValue, asOf, settings.rfmSegments()),
                summary,
                churnModel);
    }

    /** The table, cached and computed now (not left cached if computing it fails). */
    private static Dataset<Row> cached(Dataset<Row> table) {
        Dataset<Row> persisted = table.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            persisted.count();
            return persisted;
        } catch (RuntimeException failure) {
            persisted.unpersist();
            throw failure;
        }
    }

    /** A small table computed now and kept on the driver, so it outlives the caches it was computed from. */
    private static Dataset<Row> local(SparkSession spark, Dataset<Row> table) {
        return spark.createDataFrame(table.collectAsList(), table.schema());
    }

    private static <T> T await(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Waits for work that is no longer needed to end, whatever its outcome. */
    private static void settle(Future<?> work) {
        if (work == null) {
            return;
        }
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // Its failure is not this job's failure; the job's own outcome is reported by the caller.
        }
    }

    /** Frees the segmentation's cache once its work is over, whether or not the job got to use it. */
    private static void release(Future<Segmentation> segmenting) {
        if (segmenting == null) {
            return;
        }
        try {
            segmenting.get().release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // It failed or never ran: nothing of it is cached (ValueSegmentation frees on failure).
        }
    }
}
