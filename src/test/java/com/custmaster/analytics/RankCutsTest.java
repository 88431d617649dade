package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.FREQUENCY;
import static com.custmaster.analytics.AnalyticsSchema.F_SCORE;
import static com.custmaster.analytics.AnalyticsSchema.MASTER_ID;
import static com.custmaster.analytics.AnalyticsSchema.MONETARY;
import static com.custmaster.analytics.AnalyticsSchema.M_SCORE;
import static com.custmaster.analytics.AnalyticsSchema.RECENCY_DAYS;
import static com.custmaster.analytics.AnalyticsSchema.R_SCORE;
import static com.custmaster.analytics.AnalyticsSchema.VALUE_BAND;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ntile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.AnalyticsSettings;
import com.custmaster.testing.SharedSparkSession;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rank cuts give exactly what a window over all buyers gives (Spark's own {@code ntile} and
 * running sum, kept here as the reference), on random customers with many ties, negative and
 * zero spend, non-buyers, and master IDs whose UTF-16 and UTF-8 orders differ.
 */
@SharedSparkSession
class RankCutsTest {

    private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();
    private static final StructType METRICS = new StructType()
            .add(MASTER_ID, DataTypes.StringType, false)
            .add(RECENCY_DAYS, DataTypes.IntegerType, true)
            .add(FREQUENCY, DataTypes.IntegerType, false)
            .add(MONETARY, AnalyticsSchema.MONEY, false);

    @ParameterizedTest(name = "{0} customers")
    @ValueSource(ints = {0, 1, 2, 4, 5, 6, 9, 11, 37, 3000})
    void scoresAndBandsEqualThoseOfAGlobalWindow(int customers, SparkSession spark) {
        Dataset<Row> metrics = randomMetrics(spark, customers, 20261124L + customers)
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            Map<String, List<Object>> actual = collect(
                    ValueBands.withValueBand(RfmScoring.withScores(metrics, SETTINGS), SETTINGS));
            Map<String, List<Object>> expected = collect(reference(metrics));

            assertThat(actual).hasSize(customers);
            assertThat(actual).isEqualTo(expected);
        } finally {
            metrics.unpersist();
        }
    }

    @Test
    void aCutInsideAGroupOfTiesFallsByMasterId(SparkSession spark) {
        // Seven buyers with the same frequency: the second bin starts at the third of them.
        List<Row> rows = new ArrayList<>();
        for (String id : List.of("g", "a", "e", "c", "b", "f", "d")) {
            rows.add(RowFactory.create(id, 10, 3, new BigDecimal("5.00")));
        }
        Dataset<Row> metrics = spark.createDataFrame(rows, METRICS);
        RankCuts.Result result = RankCuts.cuts(metrics,
                new RankCuts.Ranking(col(FREQUENCY), col(FREQUENCY).cast(DataTypes.LongType), null, lit(true)),
                RfmScoring::quintileStarts);

        assertThat(result.total()).isEqualByComparingTo("7");
        assertThat(result.cuts()).containsExactly(
                RankCuts.Cut.at(3, "c"), RankCuts.Cut.at(3, "e"), RankCuts.Cut.at(3, "f"), RankCuts.Cut.at(3, "g"));
    }

    @Test
    void targetsBeyondTheLastRowAreReachedByNoRowAndNonPositiveOnesByAll(SparkSession spark) {
        List<Row> rows = List.of(
                RowFactory.create("a", 1, 1, new BigDecimal("2.00")),
                RowFactory.create("b", 2, 1, new BigDecimal("3.00")));
        Dataset<Row> metrics = spark.createDataFrame(rows, METRICS);
        RankCuts.Result result = RankCuts.cuts(metrics,
                new RankCuts.Ranking(col(MONETARY), RfmScoring.moneyBucket(col(MONETARY)), col(MONETARY), lit(true)),
                total -> List.of(BigDecimal.ZERO, new BigDecimal("2.00"), new BigDecimal("2.01"), total));

        assertThat(result.total()).isEqualByComparingTo("5.00");
        assertThat(result.cuts().get(0)).isEqualTo(RankCuts.Cut.ALL);
        // 2.00 is ahead of "b", so "b" is the first to reach 2.00; nothing reaches 2.01 or the total.
        assertThat(metrics.where(result.cuts().get(2).reached(col(MONETARY))).count()).isZero();
        assertThat(metrics.where(result.cuts().get(3).reached(col(MONETARY))).count()).isZero();
        assertThat(metrics.where(result.cuts().get(1).reached(col(MONETARY))).collectAsList())
                .extracting(row -> row.getString(0)).containsExactly("b");
    }

    @Test
    void moneyBucketsNeverDecreaseAsTheAmountGrows(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        String[] amounts = {"-1000000.00", "-20.00", "-19.99", "-0.01", "0.00", "0.01", "0.02", "9.99", "10.00",
            "10.01", "1000000.00", "9999999999999999.99"};
        for (int i = 0; i < amounts.length; i++) {
            rows.add(RowFactory.create("m" + i, 1, 1, new BigDecimal(amounts[i])));
        }
        List<Long> buckets = spark.createDataFrame(rows, METRICS)
                .select(RfmScoring.moneyBucket(col(MONETARY))).collectAsList().stream()
                .map(row -> row.getLong(0)).toList();

        for (int i = 1; i < buckets.size(); i++) {
            assertThat(buckets.get(i)).as(amounts[i]).isGreaterThanOrEqualTo(buckets.get(i - 1));
        }
        assertThat(buckets.get(0)).isLessThan(buckets.get(4));
        assertThat(buckets.get(10)).isGreaterThan(buckets.get(7));
    }

    /** master_id, scores and band per customer, ordered by master_id. */
    private static Map<String, List<Object>> collect(Dataset<Row> scored) {
        Map<String, List<Object>> byId = new TreeMap<>();
        for (Row row : scored.select(col(MASTER_ID), col(R_SCORE), col(F_SCORE), col(M_SCORE), col(VALUE_BAND),
                col(ValueBands.IN_TOP_80PCT)).collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < row.length(); i++) {
                values.add(row.get(i));
            }
            byId.put(row.getString(0), values);
        }
        return byId;
    }

    /**
     * The rules by global windows, as written in RfmScoring's and ValueBands' Javadoc: ntile(5) over
     * buyers worst to best, ties by master_id; bands by the revenue of the positive buyers ranked
     * ahead (monetary desc, master_id asc).
     */
    private static Dataset<Row> reference(Dataset<Row> metrics) {
        Column buyer = col(FREQUENCY).gt(0);
        Column masterId = col(MASTER_ID).asc();
        Column r = ntile(5).over(Window.partitionBy(buyer).orderBy(col(RECENCY_DAYS).desc(), masterId));
        Column f = ntile(5).over(Window.partitionBy(buyer).orderBy(col(FREQUENCY).asc(), masterId));
        Column m = ntile(5).over(Window.partitionBy(buyer).orderBy(col(MONETARY).asc(), masterId));
        Column positive = buyer.and(col(MONETARY).gt(0));
        WindowSpec ranked = Window.partitionBy(positive).orderBy(col(MONETARY).desc(), masterId);
        Column before = coalesce(sum(col(MONETARY)).over(ranked.rowsBetween(Window.unboundedPreceding(), -1)),
                lit(BigDecimal.ZERO));
        Column total = sum(col(MONETARY)).over(Window.partitionBy(positive));
        Column band = when(buyer, when(col(MONETARY).leq(0), lit("small"))
                .when(before.lt(total.multiply(lit(new BigDecimal("0.5")))), lit("key"))
                .when(before.lt(total.multiply(lit(new BigDecimal("0.8")))), lit("important"))
                .when(before.lt(total.multiply(lit(new BigDecimal("0.95")))), lit("normal"))
                .otherwise(lit("small")));
        Column inTop = coalesce(positive.and(before.lt(total.multiply(lit(new BigDecimal("0.80"))))), lit(false));
        return metrics
                .withColumn(R_SCORE, when(buyer, r))
                .withColumn(F_SCORE, when(buyer, f))
                .withColumn(M_SCORE, when(buyer, m))
                .withColumn(VALUE_BAND, band)
                .withColumn(ValueBands.IN_TOP_80PCT, inTop);
    }

    /**
     * Customers with few distinct values (so most values tie), a tenth non-buyers, some spending
     * nothing or less than nothing, and IDs mixing ASCII, accented letters and characters beyond
     * the Basic Multilingual Plane (which sort differently by UTF-16 and by UTF-8).
     */
    private static Dataset<Row> randomMetrics(SparkSession spark, int customers, long seed) {
        Random random = new Random(seed);
        String[] prefixes = {"c", "C", "é", "\uFF5E", "\uD83D\uDE00", "z"};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String id = prefixes[random.nextInt(prefixes.length)] + Integer.toString(i, 36);
            if (random.nextInt(10) == 0) {
                rows.add(RowFactory.create(id, null, 0, BigDecimal.ZERO.setScale(2)));
                continue;
            }
            int recency = random.nextInt(8) * 30;
            int frequency = 1 + random.nextInt(4);
            BigDecimal monetary = switch (random.nextInt(6)) {
                case 0 -> new BigDecimal("-5.00");
                case 1 -> BigDecimal.ZERO.setScale(2);
                case 2 -> new BigDecimal("9.99");
                default -> BigDecimal.valueOf(random.nextInt(20000), 2);
            };
            rows.add(RowFactory.create(id, recency, frequency, monetary));
        }
        return spark.createDataFrame(rows, METRICS);
    }
}
