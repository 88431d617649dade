package com.custmaster.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.to_timestamp;

import com.custmaster.analytics.AnalyticsSchema;
import com.custmaster.analytics.CustomerValueJob;
import com.custmaster.analytics.CustomerValueResult;
import com.custmaster.config.AnalyticsSettings;
import com.custmaster.config.ConfigLoader;
import com.custmaster.publish.Lake;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code jobs/bench value}: the whole customer-value job (RFM, value bands, K-means with the choice of
 * k, churn rule, BG/NBD and Gamma-Gamma fits and scoring, and writing its four tables as Parquet) on
 * synthetic transactions, in local mode, timed from reading the transactions to the last table
 * written. The transactions are generated first (not timed) as Parquet: customers' activity is
 * skewed (a few buy often, most rarely), dates spread over two years, amounts log-normal, 3% returns.
 */
final class ValueBenchmark {

    static final String SECTION = "customer-value";
    static final int TRANSACTIONS_DEFAULT = 10_000_000;
    static final int CUSTOMERS_DEFAULT = 1_000_000;
    /** The bar: 10 million transactions of 1 million customers in under 2 minutes. */
    static final double BAR_SECONDS = 120;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    private static final Set<String> OPTIONS = Set.of("transactions", "customers", "out", "conf", "work", "seed");

    static final String HELP = """
              value    the customer-value job (Spark, local mode) on synthetic transactions, timed end to end
                       (read, RFM, bands, K-means, churn rule, BG/NBD + Gamma-Gamma, four tables written)
                       --transactions N  transactions (default 10000000)
                       --customers N     customers (default 1000000)
                       --seed N          seed of the synthetic data (default 42)
                       --out FILE        write the figures to FILE's customer-value section (e.g. docs/benchmarks.md)
                       --conf DIR        the folder with analytics.yml (default conf)
                       --work DIR        where the data and outputs go (default: a new temporary folder, deleted afterwards)
            """;

    private ValueBenchmark() {
    }

    static int run(String[] args, PrintStream out) throws IOException {
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        int transactions = options.positive("transactions", TRANSACTIONS_DEFAULT);
        int customers = options.positive("customers", CUSTOMERS_DEFAULT);
        long seed = options.number("seed", 42);
        Path conf = options.path("conf", Path.of("conf")).toAbsolutePath();
        AnalyticsSettings settings = Files.isRegularFile(conf.resolve("analytics.yml")) ? ConfigLoader.loadAnalytics(conf)
                : AnalyticsSettings.defaults();
        boolean temporary = options.optionalPath("work").isEmpty();
        Path work = temporary ? Files.createTempDirectory("custmaster-value-bench-") : options.path("work", null).toAbsolutePath();
        Files.createDirectories(work);
        String loadBefore = BenchmarkDoc.loadAverage();
        SparkSession spark = SparkSession.builder().appName("custmaster-bench-value").master(
                        System.getProperty("spark.master", "local[*]"))
                .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", "8"))
                .getOrCreate();
        try {
            Path data = work.resolve("transactions");
            long generateStart = System.nanoTime();
            generate(spark, transactions, customers, seed).write().mode(SaveMode.Overwrite).parquet(data.toString());
            double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
            out.printf(Locale.ROOT, "generated %,d transactions of up to %,d customers in %.1f s%n", transactions, customers,
                    generateSeconds);

            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            Dataset<Row> input = spark.read().parquet(data.toString());
            // The customer list, as the nightly reads it from the master (not derived from the transactions).
            Dataset<Row> buyers = spark.range(customers).select(concat(lit("C"), format_string("%07d", col("id")))
                    .as(AnalyticsSchema.MASTER_ID));
            Lake lake = new Lake(work.resolve("lake").toUri().toString(), spark.sparkContext().hadoopConfiguration());
            long scored;
            long buyersWithPurchases;
            int k;
            String model;
            try (CustomerValueResult result = new CustomerValueJob().compute(spark, input, buyers, AS_OF, settings)) {
                lake.stage(AS_OF, AnalyticsSchema.CUSTOMER_VALUE_TABLE, result.customerValue().drop(Lake.PARTITION));
                lake.stage(AS_OF, AnalyticsSchema.SEGMENT_PROFILE_TABLE, result.segmentProfile().drop(Lake.PARTITION));
                lake.stage(AS_OF, AnalyticsSchema.VALUE_BAND_SUMMARY_TABLE, result.valueBandSummary().drop(Lake.PARTITION));
                lake.stage(AS_OF, AnalyticsSchema.RFM_SEGMENT_SUMMARY_TABLE, result.rfmSegmentSummary().drop(Lake.PARTITION));
                lake.publish(AS_OF);
                scored = result.summary().customersScored();
                buyersWithPurchases = result.summary().customersWithPurchases();
                k = result.summary().chosenK();
                model = result.churnModel().purchases() == null ? "not fitted" : String.format(Locale.ROOT,
                        "r %.3f, alpha %.1f d, a %.3f, b %.3f", result.churnModel().purchases().r(),
                        result.churnModel().purchases().alpha(), result.churnModel().purchases().a(),
                        result.churnModel().purchases().b());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            String section = String.format(Locale.ROOT, """
                    ## Customer value end to end

                    `jobs/bench value --transactions %d --customers %d` (Spark %s, %s): the whole customer-value job on
                    synthetic transactions read from Parquet, from the read to the fourth table written (RFM, value
                    bands, K-means with k chosen by silhouette on a %,d-customer sample, churn rule, BG/NBD and
                    Gamma-Gamma fitted and scored, `customer_value`, `segment_profile`, `value_band_summary` and
                    `rfm_segment_summary` published as Parquet). Generating the data is not timed (%.1f s).

                    | transactions | customers scored | buyers | k | BG/NBD | wall time | CPU time | bar |
                    |---:|---:|---:|---:|---|---:|---:|---|
                    | %,d | %,d | %,d | %d | %s | %.1f s | %.1f s | %s (under %.0f s) |

                    CPU time is the whole JVM's (every thread: Spark's tasks, the driver, GC, JIT) during the
                    timed part; with 2 cores the wall time cannot be less than half of it.

                    Machine: %s; load average before %s, after %s.
                    """, transactions, customers, spark.version(), spark.sparkContext().master(), settings.sampleSize(),
                    generateSeconds, transactions, scored, buyersWithPurchases, k, model, seconds, cpuSeconds,
                    transactions >= TRANSACTIONS_DEFAULT && seconds < BAR_SECONDS ? "met" : "not met", BAR_SECONDS,
                    BenchmarkDoc.machine(), loadBefore, BenchmarkDoc.loadAverage());
            BenchmarkDoc.publish(out, options.optionalPath("out"), SECTION, section, BenchmarkDoc.HEADER);
            return 0;
        } finally {
            spark.stop();
            if (temporary) {
                DedupeBenchmark.deleteTree(work);
            }
        }
    }

    /**
     * Synthetic transactions: the customer of each is skewed towards low numbers (u^2.5 of the range),
     * so activity follows a long tail; the day is uniform over two years before the as-of date; the
     * amount log-normal around 40, and 3% of lines are returns (negative).
     */
    static Dataset<Row> generate(SparkSession spark, long transactions, int customers, long seed) {
        return spark.range(transactions).select(
                concat(lit("C"), format_string("%07d", floor(pow(rand(seed), 2.5).multiply(customers)).cast(DataTypes.LongType)))
                        .as(AnalyticsSchema.MASTER_ID),
                concat(lit("O"), col("id").cast(DataTypes.StringType)).as(AnalyticsSchema.ORDER_ID),
                to_timestamp(date_sub(lit(AS_OF), floor(rand(seed + 1).multiply(730)).cast(DataTypes.IntegerType)))
                        .as(AnalyticsSchema.ORDER_TS),
                exp(randn(seed + 2).multiply(0.8).plus(Math.log(40))).multiply(
                        org.apache.spark.sql.functions.when(rand(seed + 3).lt(0.03), lit(-1)).otherwise(lit(1)))
                        .cast(AnalyticsSchema.MONEY).as(AnalyticsSchema.AMOUNT));
    }
}
