package com.custmaster.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.custmaster.config.AnalyticsSettings;
import com.custmaster.testing.SharedSparkSession;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The run report's customer-value figures from small tables with known answers: an exact Pareto
 * curve, churn counts over buyers only, and the summaries in their documented order whatever order
 * the rows are read in.
 */
@SharedSparkSession
class CustomerValueFiguresTest {

    private static final StructType VALUE = new StructType(new StructField[] {
        DataTypes.createStructField(AnalyticsSchema.MASTER_ID, DataTypes.StringType, false),
        DataTypes.createStructField(AnalyticsSchema.MONETARY, AnalyticsSchema.MONEY, false),
        DataTypes.createStructField(AnalyticsSchema.CHURN_FLAG, DataTypes.StringType, true)});
    private static final StructType GROUPS = groups(AnalyticsSchema.VALUE_BAND);

    @Test
    void theParetoCurvePassesThroughEachBuyersCumulativeShareAndChurnCountsOnlyBuyers(SparkSession spark) {
        // given: spenders of 100, 50, 25, 15 and 10 (total 200), a buyer who returned everything, a non-buyer
        Dataset<Row> value = spark.createDataFrame(List.of(
                RowFactory.create("M1", money("100.00"), "active"), RowFactory.create("M2", money("50.00"), "active"),
                RowFactory.create("M3", money("25.00"), "at_risk"), RowFactory.create("M4", money("15.00"), "churned"),
                RowFactory.create("M5", money("10.00"), "churned"), RowFactory.create("M6", money("-5.00"), "churned"),
                RowFactory.create("M7", money("0.00"), null)), VALUE);

        // when
        CustomerValueFigures figures = CustomerValueFigures.of(value, bands(spark), rfm(spark), segments(spark),
                AnalyticsSettings.defaults());

        // then: (share of spenders, share of their revenue) after each spender, biggest first
        assertThat(figures.pareto()).extracting(CustomerValueFigures.ParetoPoint::customerShare)
                .containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        List<Double> revenue = figures.pareto().stream().map(CustomerValueFigures.ParetoPoint::revenueShare).toList();
        double[] expected = {0, 0.5, 0.75, 0.875, 0.95, 1};
        for (int i = 0; i < expected.length; i++) {
            assertThat(revenue.get(i)).as("point %d", i).isCloseTo(expected[i], within(1e-9));
        }
        assertThat(figures.churn()).containsExactly(java.util.Map.entry("active", 2L), java.util.Map.entry("at_risk", 1L),
                java.util.Map.entry("churned", 3L));
        assertThat(figures.buyers()).isEqualTo(6);
    }

    @Test
    void summariesComeOutInTheirDocumentedOrderWhateverTheReadOrder(SparkSession spark) {
        Dataset<Row> value = spark.createDataFrame(List.of(RowFactory.create("M1", money("10.00"), "active")), VALUE);

        CustomerValueFigures figures = CustomerValueFigures.of(value, bands(spark), rfm(spark), segments(spark),
                AnalyticsSettings.defaults());

        assertThat(figures.valueBands()).extracting(CustomerValueFigures.Group::name)
                .containsExactly("key", "important", "normal", "small");
        assertThat(figures.customersShareFor80PctRevenue()).isEqualTo(0.25);
        assertThat(figures.rfmSegments()).extracting(CustomerValueFigures.Group::name)
                .containsExactly("champions", "loyal_customers", "hibernating");
        assertThat(figures.segments()).extracting(CustomerValueFigures.Segment::segmentId).containsExactly(1, 2);
        assertThat(figures.segments().get(1).avgMonetary()).isEqualByComparingTo("12.50");
    }

    private static Dataset<Row> bands(SparkSession spark) {
        StructType schema = GROUPS.add(AnalyticsSchema.CUSTOMERS_SHARE_FOR_80PCT_REVENUE, DataTypes.DoubleType);
        return spark.createDataFrame(List.of(
                RowFactory.create("small", 2L, 0.5, money("5.00"), 0.05, 0.25),
                RowFactory.create("key", 1L, 0.25, money("80.00"), 0.8, 0.25),
                RowFactory.create("normal", 0L, 0.0, money("0.00"), 0.0, 0.25),
                RowFactory.create("important", 1L, 0.25, money("15.00"), 0.15, 0.25)), schema);
    }

    private static Dataset<Row> rfm(SparkSession spark) {
        return spark.createDataFrame(List.of(
                RowFactory.create("hibernating", 2L, 0.5, money("5.00"), null),
                RowFactory.create("champions", 1L, 0.25, money("80.00"), null),
                RowFactory.create("loyal_customers", 1L, 0.25, money("15.00"), null)), groups(AnalyticsSchema.RFM_SEGMENT));
    }

    private static Dataset<Row> segments(SparkSession spark) {
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField(AnalyticsSchema.SEGMENT_ID, DataTypes.IntegerType, false),
            DataTypes.createStructField(AnalyticsSchema.SEGMENT_LABEL, DataTypes.StringType, false),
            DataTypes.createStructField(AnalyticsSchema.CUSTOMERS, DataTypes.LongType, false),
            DataTypes.createStructField(AnalyticsSchema.SHARE_OF_CUSTOMERS, DataTypes.DoubleType, false),
            DataTypes.createStructField(AnalyticsSchema.AVG_RECENCY_DAYS, DataTypes.DoubleType, false),
            DataTypes.createStructField(AnalyticsSchema.AVG_FREQUENCY, DataTypes.DoubleType, false),
            DataTypes.createStructField(AnalyticsSchema.AVG_MONETARY, AnalyticsSchema.MONEY, false),
            DataTypes.createStructField(AnalyticsSchema.REVENUE, AnalyticsSchema.MONEY, false),
            DataTypes.createStructField(AnalyticsSchema.SHARE_OF_REVENUE, DataTypes.DoubleType, true)});
        return spark.createDataFrame(List.of(
                RowFactory.create(2, "low value, infrequent, lapsed", 2L, 0.5, 300.0, 1.0, money("12.50"), money("25.00"), 0.2),
                RowFactory.create(1, "high value, frequent, recent", 2L, 0.5, 10.0, 6.0, money("50.00"), money("100.00"), 0.8)),
                schema);
    }

    private static StructType groups(String nameColumn) {
        return new StructType(new StructField[] {
            DataTypes.createStructField(nameColumn, DataTypes.StringType, false),
            DataTypes.createStructField(AnalyticsSchema.CUSTOMERS, DataTypes.LongType, false),
            DataTypes.createStructField(AnalyticsSchema.SHARE_OF_CUSTOMERS, DataTypes.DoubleType, true),
            DataTypes.createStructField(AnalyticsSchema.REVENUE, AnalyticsSchema.MONEY, false),
            DataTypes.createStructField(AnalyticsSchema.SHARE_OF_REVENUE, DataTypes.DoubleType, true)});
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
