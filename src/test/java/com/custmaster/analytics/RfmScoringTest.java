package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.FIRST_PURCHASE_DATE;
import static com.custmaster.analytics.AnalyticsSchema.FREQUENCY;
import static com.custmaster.analytics.AnalyticsSchema.F_SCORE;
import static com.custmaster.analytics.AnalyticsSchema.LAST_PURCHASE_DATE;
import static com.custmaster.analytics.AnalyticsSchema.MONETARY;
import static com.custmaster.analytics.AnalyticsSchema.M_SCORE;
import static com.custmaster.analytics.AnalyticsSchema.RECENCY_DAYS;
import static com.custmaster.analytics.AnalyticsSchema.RFM_SEGMENT;
import static com.custmaster.analytics.AnalyticsSchema.R_SCORE;
import static com.custmaster.analytics.Fixtures.byMasterId;
import static com.custmaster.analytics.Fixtures.date;
import static com.custmaster.analytics.Fixtures.daysBefore;
import static com.custmaster.analytics.Fixtures.tx;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.custmaster.analytics.Fixtures.Tx;
import com.custmaster.config.AnalyticsSettings;
import com.custmaster.testing.SharedSparkSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@SharedSparkSession
class RfmScoringTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();

    /**
     * A: two orders on 2024-01-10 (one occasion), a purchase on 03-01, a return on 03-15 (not an
     * occasion), a purchase on 06-20, and one after the as-of date (ignored).
     * B: one purchase. C: a purchase and a partial return on one day (net positive: an occasion),
     * and a purchase at 23:30 on the as-of date; a purchase at midnight after it is ignored.
     * D: a purchase returned the same day (net zero: no occasion) and an older purchase.
     * E: no transactions. F: a return only. X: not a known customer (ignored).
     */
    static List<Tx> rfmFixture() {
        return List.of(
                tx("A", "2024-01-10T09:00:00Z", "100.00"),
                tx("A", "2024-01-10T17:00:00Z", "50.00"),
                tx("A", "2024-03-01T10:00:00Z", "200.00"),
                tx("A", "2024-03-15T10:00:00Z", "-50.00"),
                tx("A", "2024-06-20T10:00:00Z", "80.00"),
                tx("A", "2024-07-05T10:00:00Z", "999.00"),
                tx("B", "2024-02-01T10:00:00Z", "60.00"),
                tx("C", "2024-05-05T10:00:00Z", "120.00"),
                tx("C", "2024-05-05T18:00:00Z", "-20.00"),
                tx("C", "2024-06-30T23:30:00Z", "30.00"),
                tx("C", "2024-07-01T00:00:00Z", "500.00"),
                tx("D", "2023-12-01T10:00:00Z", "25.00"),
                tx("D", "2024-04-01T10:00:00Z", "70.00"),
                tx("D", "2024-04-01T11:00:00Z", "-70.00"),
                tx("F", "2024-03-03T10:00:00Z", "-15.00"),
                tx("X", "2024-06-01T10:00:00Z", "1000.00"));
    }

    static final String[] FIXTURE_CUSTOMERS = {"A", "B", "C", "D", "E", "F"};

    @Test
    void computesRecencyFrequencyAndMonetaryOnHandComputedFixture(SparkSession spark) {
        Map<String, Row> rows = byMasterId(RfmScoring.customerMetrics(
                Fixtures.transactions(spark, rfmFixture()), Fixtures.customers(spark, FIXTURE_CUSTOMERS), AS_OF));

        assertThat(rows.keySet()).containsExactly("A", "B", "C", "D", "E", "F");
        assertMetrics(rows.get("A"), "2024-01-10", "2024-06-20", 10, 3, "380.00");
        assertMetrics(rows.get("B"), "2024-02-01", "2024-02-01", 150, 1, "60.00");
        assertMetrics(rows.get("C"), "2024-05-05", "2024-06-30", 0, 2, "130.00");
        assertMetrics(rows.get("D"), "2023-12-01", "2023-12-01", 212, 1, "25.00");
        assertMetrics(rows.get("E"), null, null, null, 0, "0.00");
        assertMetrics(rows.get("F"), null, null, null, 0, "-15.00");
        // Mean gap between purchase occasions: A 162 days / 2 gaps, C 56 days / 1 gap.
        assertThat(rows.get("A").<Double>getAs(RfmScoring.MEAN_GAP_DAYS)).isEqualTo(81.0);
        assertThat(rows.get("C").<Double>getAs(RfmScoring.MEAN_GAP_DAYS)).isEqualTo(56.0);
        assertThat(rows.get("B").<Double>getAs(RfmScoring.MEAN_GAP_DAYS)).isNull();
    }

    @Test
    void scoresBuyersOnlyAndNamesTheirSegment(SparkSession spark) {
        Dataset<Row> metrics = RfmScoring.customerMetrics(
                Fixtures.transactions(spark, rfmFixture()), Fixtures.customers(spark, FIXTURE_CUSTOMERS), AS_OF);
        Map<String, Row> rows = byMasterId(RfmScoring.withScores(metrics, SETTINGS));

        // Four buyers, so ntile(5) uses scores 1..4. R: D 212 days, B 150, A 10, C 0.
        // F: B 1, D 1 (tie: B first), C 2, A 3. M: D 25, B 60, C 130, A 380.
        assertScores(rows.get("A"), 3, 4, 4, "loyal_customers");
        assertScores(rows.get("B"), 2, 1, 2, "hibernating");
        assertScores(rows.get("C"), 4, 3, 3, "loyal_customers");
        assertScores(rows.get("D"), 1, 2, 1, "hibernating");
        assertScores(rows.get("E"), null, null, null, null);
        assertScores(rows.get("F"), null, null, null, null);
    }

    @Test
    void theSegmentSummaryHasEverySegmentOfTheMapInOrderWithBuyersOnly(SparkSession spark) {
        Dataset<Row> scored = RfmScoring.withScores(RfmScoring.customerMetrics(
                Fixtures.transactions(spark, rfmFixture()), Fixtures.customers(spark, FIXTURE_CUSTOMERS), AS_OF), SETTINGS);

        List<Row> summary = RfmScoring.segmentSummary(spark, scored, AS_OF, SETTINGS.rfmSegments()).collectAsList();

        assertThat(summary).extracting(row -> row.<String>getAs("rfm_segment")).containsExactly("champions",
                "loyal_customers", "potential_loyalists", "new_customers", "promising", "need_attention", "about_to_sleep",
                "cant_lose", "at_risk", "hibernating");
        Row loyal = summary.get(1);
        assertThat(loyal.<Long>getAs("customers")).isEqualTo(2L);
        assertThat(loyal.<Double>getAs("share_of_customers")).isEqualTo(0.5);
        assertThat(loyal.<java.math.BigDecimal>getAs("revenue")).isEqualByComparingTo("510.00");
        assertThat(loyal.<Double>getAs("share_of_revenue")).isCloseTo(510.0 / 595.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(loyal.<java.math.BigDecimal>getAs("avg_monetary")).isEqualByComparingTo("255.00");
        Row hibernating = summary.get(9);
        assertThat(hibernating.<Long>getAs("customers")).isEqualTo(2L);
        assertThat(hibernating.<Double>getAs("avg_recency_days")).isEqualTo(181.0);
        Row champions = summary.get(0);
        assertThat(champions.<Long>getAs("customers")).isZero();
        assertThat(champions.<java.math.BigDecimal>getAs("revenue")).isEqualByComparingTo("0.00");
        assertThat(champions.<Double>getAs("avg_frequency")).isNull();
        assertThat(summary.stream().mapToLong(row -> row.<Long>getAs("customers")).sum()).isEqualTo(4);
    }

    @Test
    void quintileScoresStayBalancedWhenManyValuesTie(SparkSession spark) {
        // Ten buyers bought once on the same day (R and F all tied); six of them spent the same 5.00.
        List<String> ids = Fixtures.ids("m", 10);
        String[] amounts = {"5.00", "5.00", "5.00", "5.00", "5.00", "5.00", "10.00", "20.00", "30.00", "40.00"};
        List<Tx> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lines.add(daysBefore(ids.get(i), AS_OF, 30, amounts[i]));
        }
        List<String> customers = new ArrayList<>(ids);
        customers.add("n01"); // a non-buyer must not take a bin
        Dataset<Row> scored = RfmScoring.withScores(RfmScoring.customerMetrics(
                Fixtures.transactions(spark, lines), Fixtures.customers(spark, customers), AS_OF), SETTINGS);
        Map<String, Row> rows = byMasterId(scored);

        for (String score : List.of(R_SCORE, F_SCORE, M_SCORE)) {
            Map<Integer, Long> binSizes = ids.stream().map(id -> rows.get(id).<Integer>getAs(score))
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            assertThat(binSizes).as(score).containsExactly(
                    entry(1, 2L), entry(2, 2L), entry(3, 2L), entry(4, 2L), entry(5, 2L));
        }
        // Ties go by master_id: the smaller ID gets the lower score; the top spenders get 5.
        Map<String, Integer> monetaryScores = new TreeMap<>();
        ids.forEach(id -> monetaryScores.put(id, rows.get(id).getAs(M_SCORE)));
        assertThat(monetaryScores.values()).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(rows.get("n01").<Integer>getAs(M_SCORE)).isNull();
    }

    @Test
    void recentBuyersGetTheHighestRecencyScore(SparkSession spark) {
        List<String> ids = Fixtures.ids("r", 5);
        List<Tx> lines = new ArrayList<>();
        int[] daysAgo = {400, 3, 90, 30, 200};
        for (int i = 0; i < ids.size(); i++) {
            lines.add(daysBefore(ids.get(i), AS_OF, daysAgo[i], "10.00"));
        }
        Map<String, Row> rows = byMasterId(RfmScoring.withScores(RfmScoring.customerMetrics(
                Fixtures.transactions(spark, lines), Fixtures.customers(spark, ids), AS_OF), SETTINGS));

        assertThat(ids.stream().map(id -> rows.get(id).<Integer>getAs(R_SCORE)).toList())
                .containsExactly(1, 5, 3, 4, 2);
    }

    @Test
    void sparkSegmentExpressionAgreesWithTheSettingsOnAll25Cells(SparkSession spark) {
        List<Row> cells = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                cells.add(RowFactory.create(r, f));
            }
        }
        StructType schema = new StructType().add("r", DataTypes.IntegerType).add("f", DataTypes.IntegerType);
        List<Row> named = spark.createDataFrame(cells, schema)
                .withColumn("segment", RfmScoring.segmentColumn(SETTINGS.rfmSegments(), col("r"), col("f")))
                .collectAsList();

        assertThat(named).hasSize(25);
        for (Row row : named) {
            assertThat(row.getString(2)).as("R%d F%d", row.getInt(0), row.getInt(1))
                    .isEqualTo(SETTINGS.rfmSegmentFor(row.getInt(0), row.getInt(1)));
        }
    }

    private static void assertMetrics(Row row, String first, String last, Integer recency, int frequency,
            String monetary) {
        assertThat(date(row, FIRST_PURCHASE_DATE)).isEqualTo(first == null ? null : LocalDate.parse(first));
        assertThat(date(row, LAST_PURCHASE_DATE)).isEqualTo(last == null ? null : LocalDate.parse(last));
        assertThat(row.<Integer>getAs(RECENCY_DAYS)).isEqualTo(recency);
        assertThat(row.<Integer>getAs(FREQUENCY)).isEqualTo(frequency);
        assertThat(row.<BigDecimal>getAs(MONETARY)).isEqualTo(new BigDecimal(monetary));
    }

    private static void assertScores(Row row, Integer r, Integer f, Integer m, String segment) {
        assertThat(row.<Integer>getAs(R_SCORE)).isEqualTo(r);
        assertThat(row.<Integer>getAs(F_SCORE)).isEqualTo(f);
        assertThat(row.<Integer>getAs(M_SCORE)).isEqualTo(m);
        assertThat(row.<String>getAs(RFM_SEGMENT)).isEqualTo(segment);
    }
}
