package com.custmaster.batch;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.trim;

import com.custmaster.analytics.AnalyticsSchema;
import com.custmaster.analytics.CustomerValueFigures;
import com.custmaster.analytics.CustomerValueJob;
import com.custmaster.analytics.CustomerValueResult;
import com.custmaster.config.PipelineConfig;
import com.custmaster.config.TransactionsConfig;
import com.custmaster.publish.Lake;
import com.custmaster.publish.LakeTables;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The customer-value step: reads the orders feed, maps each order to a master ID through the
 * crosswalk the export step staged, runs the customer-value job and stages its tables (and the
 * mapped transactions) for publishing, and saves the fitted churn models as
 * {@code var/reports/<date>/models/churn_model.json} and the figures the run report draws as
 * {@code var/reports/<date>/customer_value.json}. Orders whose customer record is unknown (for example
 * rejected at ingest) are counted, not scored.
 */
final class CustomerValueTasklet implements Tasklet {

    private final PipelineConfig config;
    private final SparkSessions spark;
    private final Lake lake;
    private final PausePoints pausePoints;

    CustomerValueTasklet(PipelineConfig config, SparkSessions spark, Lake lake, PausePoints pausePoints) {
        this.config = requireNonNull(config, "config is null");
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.pausePoints = requireNonNull(pausePoints, "pausePoints is null");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        LocalDate runDate = StepStats.runDate(context);
        SparkSession session = spark.get();
        Dataset<Row> xref = session.read().parquet(lake.stagingPath(runDate, LakeTables.CUSTOMER_XREF));
        Dataset<Row> customers = session.read().parquet(lake.stagingPath(runDate, LakeTables.CUSTOMER_MASTER))
                .select(col("master_id"));

        Dataset<Row> orders = readOrders(session, config.transactions());
        Dataset<Row> joined = orders.join(xref, orders.col("source").equalTo(xref.col("source"))
                        .and(orders.col("customer_ref").equalTo(xref.col("source_record_id"))), "left")
                .select(xref.col("master_id"), orders.col("order_id"), orders.col("source"), orders.col("customer_ref"),
                        orders.col("order_ts"), orders.col("amount"))
                .cache();
        long unmapped = joined.filter(col("master_id").isNull()).count();
        Dataset<Row> transactions = joined.filter(col("master_id").isNotNull())
                .orderBy(col("master_id"), col("order_ts"), col("order_id"));
        long mapped = transactions.count();
        lake.stage(runDate, LakeTables.TRANSACTIONS, transactions);
        pausePoints.reached(PausePoints.CUSTOMER_VALUE);

        try (CustomerValueResult result = new CustomerValueJob().compute(session,
                transactions.select("master_id", "order_id", "order_ts", "amount"), customers, runDate,
                config.analytics())) {
            lake.stage(runDate, AnalyticsSchema.CUSTOMER_VALUE_TABLE, withoutPartitionColumn(result.customerValue())
                    .orderBy(col("master_id")));
            lake.stage(runDate, AnalyticsSchema.SEGMENT_PROFILE_TABLE, withoutPartitionColumn(result.segmentProfile()));
            lake.stage(runDate, AnalyticsSchema.VALUE_BAND_SUMMARY_TABLE,
                    withoutPartitionColumn(result.valueBandSummary()));
            lake.stage(runDate, AnalyticsSchema.RFM_SEGMENT_SUMMARY_TABLE, withoutPartitionColumn(result.rfmSegmentSummary()));
            result.churnModel().writeJson(InfrastructureConfiguration.reportsDir(config).resolve(runDate.toString())
                    .resolve("models").resolve("churn_model.json"));
            RunReports.writeValueFigures(InfrastructureConfiguration.reportsDir(config).resolve(runDate.toString()),
                    CustomerValueFigures.of(result.customerValue(), staged(session, runDate, AnalyticsSchema.VALUE_BAND_SUMMARY_TABLE),
                            staged(session, runDate, AnalyticsSchema.RFM_SEGMENT_SUMMARY_TABLE),
                            staged(session, runDate, AnalyticsSchema.SEGMENT_PROFILE_TABLE), config.analytics()));
            ExecutionContext out = StepStats.of(context);
            out.putLong("customers.scored", result.summary().customersScored());
            out.putLong("customers.buyers", result.summary().customersWithPurchases());
            out.putLong("segments.k", result.summary().chosenK());
            out.putLong("transactions.mapped", mapped);
            out.putLong("transactions.unmapped", unmapped);
        } finally {
            joined.unpersist();
        }
        return RepeatStatus.FINISHED;
    }

    /** A table as staged: a few rows, read back rather than computed again. */
    private Dataset<Row> staged(SparkSession session, LocalDate runDate, String table) {
        return session.read().parquet(lake.stagingPath(runDate, table));
    }

    /** The snapshot date is the lake folder's partition value; files do not repeat it. */
    private static Dataset<Row> withoutPartitionColumn(Dataset<Row> table) {
        return table.drop(Lake.PARTITION);
    }

    static Dataset<Row> readOrders(SparkSession session, TransactionsConfig feed) {
        Dataset<Row> raw = session.read()
                .option("header", "true")
                .option("encoding", feed.encoding())
                .option("sep", feed.delimiter())
                .option("inferSchema", "false")
                .option("mode", "PERMISSIVE")
                .csv(feed.location());
        return raw.select(
                trim(col(quoted(feed.columns().get("order_id")))).as("order_id"),
                trim(col(quoted(feed.columns().get("source")))).as("source"),
                trim(col(quoted(feed.columns().get("customer_ref")))).as("customer_ref"),
                to_timestamp(col(quoted(feed.columns().get("order_ts"))), feed.timestampFormat()).as("order_ts"),
                col(quoted(feed.columns().get("amount"))).cast(DataTypes.createDecimalType(18, 2)).as("amount"));
    }

    private static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
