package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.CHURN_FLAG;
import static com.custmaster.analytics.AnalyticsSchema.CUSTOMERS;
import static com.custmaster.analytics.AnalyticsSchema.FREQUENCY;
import static com.custmaster.analytics.AnalyticsSchema.MONETARY;
import static com.custmaster.analytics.AnalyticsSchema.RECENCY_DAYS;
import static com.custmaster.analytics.AnalyticsSchema.RFM_SEGMENT;
import static com.custmaster.analytics.AnalyticsSchema.SEGMENT_ID;
import static com.custmaster.analytics.AnalyticsSchema.SEGMENT_LABEL;
import static com.custmaster.analytics.AnalyticsSchema.SNAPSHOT_DATE;
import static com.custmaster.analytics.AnalyticsSchema.VALUE_BAND;
import static com.custmaster.analytics.Fixtures.byMasterId;
import static com.custmaster.analytics.Fixtures.date;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.config.AnalyticsSettings;
import com.custmaster.testing.SharedSparkSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** The whole stage on the RFM fixture of {@link RfmScoringTest}: wiring, schemas and summary. */
@SharedSparkSession
class CustomerValueJobTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults().withKRange(2, 2);

    @Test
    void producesTheDocumentedTablesAndSummary(SparkSession spark) {
        try (CustomerValueResult result = new CustomerValueJob().compute(spark,
                Fixtures.transactions(spark, RfmScoringTest.rfmFixture()),
                Fixtures.customers(spark, RfmScoringTest.FIXTURE_CUSTOMERS), AS_OF, SETTINGS)) {

            assertThat(result.customerValue().schema().fieldNames())
                    .containsExactly(AnalyticsSchema.CUSTOMER_VALUE.fieldNames());
            assertThat(AnalyticsSchema.sameNamesAndTypes(result.customerValue().schema(), AnalyticsSchema.CUSTOMER_VALUE))
                    .isTrue();
            assertThat(AnalyticsSchema.sameNamesAndTypes(result.segmentProfile().schema(), AnalyticsSchema.SEGMENT_PROFILE))
                    .isTrue();
            assertThat(AnalyticsSchema.sameNamesAndTypes(result.valueBandSummary().schema(),
                    AnalyticsSchema.VALUE_BAND_SUMMARY)).isTrue();

            CustomerValueSummary summary = result.summary();
            assertThat(summary.snapshotDate()).isEqualTo(AS_OF);
            assertThat(summary.customersScored()).isEqualTo(6);
            assertThat(summary.customersWithPurchases()).isEqualTo(4);
            // 380 + 60 + 130 + 25 from buyers, -15 from F's return; X and after-as-of rows ignored.
            assertThat(summary.revenue()).isEqualTo(new BigDecimal("580.00"));
            assertThat(summary.chosenK()).isEqualTo(2);
            assertThat(summary.silhouette()).isNotNull();

            Map<String, Row> rows = byMasterId(result.customerValue());
            assertThat(rows.keySet()).containsExactly("A", "B", "C", "D", "E", "F");
            Row a = rows.get("A");
            assertThat(a.<Integer>getAs(RECENCY_DAYS)).isEqualTo(10);
            assertThat(a.<Integer>getAs(FREQUENCY)).isEqualTo(3);
            assertThat(a.<String>getAs(RFM_SEGMENT)).isEqualTo("loyal_customers");
            assertThat(a.<String>getAs(VALUE_BAND)).isEqualTo("key");
            assertThat(a.<String>getAs(CHURN_FLAG)).isEqualTo("active");
            assertThat(rows.get("D").<String>getAs(CHURN_FLAG)).isEqualTo("churned");
            for (String buyer : List.of("A", "B", "C", "D")) {
                assertThat(rows.get(buyer).<Integer>getAs(SEGMENT_ID)).as(buyer).isBetween(1, summary.chosenK());
                assertThat(rows.get(buyer).<String>getAs(SEGMENT_LABEL)).as(buyer).isNotBlank();
            }
            for (String nonBuyer : List.of("E", "F")) {
                Row row = rows.get(nonBuyer);
                for (int i = 0; i < row.length(); i++) {
                    String column = row.schema().fieldNames()[i];
                    boolean hasValue = List.of(AnalyticsSchema.MASTER_ID, FREQUENCY, MONETARY, SNAPSHOT_DATE)
                            .contains(column);
                    assertThat(row.isNullAt(i)).as(nonBuyer + "." + column).isEqualTo(!hasValue);
                }
            }
            assertThat(date(rows.get("E"), SNAPSHOT_DATE)).isEqualTo(AS_OF);

            List<Row> profile = result.segmentProfile().collectAsList();
            assertThat(profile).hasSize(summary.chosenK());
            assertThat(profile.stream().mapToLong(row -> row.<Long>getAs(CUSTOMERS)).sum()).isEqualTo(4);
            assertThat(result.valueBandSummary().count()).isEqualTo(4);
        }
    }

    @Test
    void rejectsTransactionsWithoutAnAmountColumn(SparkSession spark) {
        Dataset<Row> transactions = Fixtures.transactions(spark, RfmScoringTest.rfmFixture()).drop("amount");
        assertThatThrownBy(() -> new CustomerValueJob().compute(spark, transactions,
                Fixtures.customers(spark, "A"), AS_OF, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("transactions: column amount is missing");
    }

    @Test
    void rejectsAmountsThatAreNotDecimal(SparkSession spark) {
        Dataset<Row> transactions = Fixtures.transactions(spark, RfmScoringTest.rfmFixture())
                .withColumn("amount", col("amount").cast(DataTypes.DoubleType));
        assertThatThrownBy(() -> new CustomerValueJob().compute(spark, transactions,
                Fixtures.customers(spark, "A"), AS_OF, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transactions: column amount must be decimal(18,2), got double");
    }
}
