package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.CUSTOMERS;
import static com.custmaster.analytics.AnalyticsSchema.CUSTOMERS_SHARE_FOR_80PCT_REVENUE;
import static com.custmaster.analytics.AnalyticsSchema.REVENUE;
import static com.custmaster.analytics.AnalyticsSchema.SHARE_OF_CUSTOMERS;
import static com.custmaster.analytics.AnalyticsSchema.SHARE_OF_REVENUE;
import static com.custmaster.analytics.AnalyticsSchema.SNAPSHOT_DATE;
import static com.custmaster.analytics.AnalyticsSchema.VALUE_BAND;
import static com.custmaster.analytics.Fixtures.byMasterId;
import static com.custmaster.analytics.Fixtures.daysBefore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.custmaster.analytics.Fixtures.Tx;
import com.custmaster.config.AnalyticsSettings;
import com.custmaster.testing.SharedSparkSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SharedSparkSession
class ValueBandsTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    private Dataset<Row> banded;

    /**
     * Positive buyers a..g spend 500, 200, 100, 100, 50, 30, 20 (total 1000). Sorted by monetary
     * desc then master_id, revenue before each is 0, 500, 700, 800, 900, 950, 980, so with cut-offs
     * 0.50 / 0.80 / 0.95: a key; b, c important; d (exactly 800 before) and e normal; f (exactly
     * 950 before) and g small. c and d tie on 100: c comes first by master_id. h nets 0 and i nets
     * -5 after returns: small. j never bought: no band.
     */
    @BeforeEach
    void bandTheFixture(SparkSession spark) {
        List<Tx> lines = List.of(
                daysBefore("a", AS_OF, 10, "500.00"),
                daysBefore("b", AS_OF, 10, "200.00"),
                daysBefore("c", AS_OF, 10, "100.00"),
                daysBefore("d", AS_OF, 10, "100.00"),
                daysBefore("e", AS_OF, 10, "50.00"),
                daysBefore("f", AS_OF, 10, "30.00"),
                daysBefore("g", AS_OF, 10, "20.00"),
                daysBefore("h", AS_OF, 20, "10.00"),
                daysBefore("h", AS_OF, 10, "-10.00"),
                daysBefore("i", AS_OF, 20, "10.00"),
                daysBefore("i", AS_OF, 10, "-15.00"));
        Dataset<Row> metrics = RfmScoring.customerMetrics(Fixtures.transactions(spark, lines),
                Fixtures.customers(spark, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), AS_OF);
        banded = ValueBands.withValueBand(metrics, AnalyticsSettings.defaults());
    }

    @Test
    void assignsBandsByRevenueShareBeforeEachCustomer() {
        Map<String, String> bands = new LinkedHashMap<>();
        byMasterId(banded).forEach((id, row) -> bands.put(id, row.getAs(VALUE_BAND)));

        assertThat(bands).containsExactly(
                Map.entry("a", "key"),
                Map.entry("b", "important"),
                Map.entry("c", "important"),
                Map.entry("d", "normal"),
                Map.entry("e", "normal"),
                Map.entry("f", "small"),
                Map.entry("g", "small"),
                Map.entry("h", "small"),
                Map.entry("i", "small"),
                new SimpleEntry<>("j", null));
    }

    @Test
    void summarisesEveryBandAndTheParetoShare(SparkSession spark) {
        List<Row> rows = ValueBands.summary(spark, banded, AS_OF).collectAsList();

        assertThat(rows).extracting(row -> row.<String>getAs(VALUE_BAND))
                .containsExactly("key", "important", "normal", "small");
        assertBand(rows.get(0), 1, "500.00");
        assertBand(rows.get(1), 2, "300.00");
        assertBand(rows.get(2), 2, "150.00");
        assertBand(rows.get(3), 4, "45.00");
        for (Row row : rows) {
            // Nine buyers (a..i); a, b and c (before 0, 500, 700 < 800) make the first 80%.
            assertThat(row.<Double>getAs(CUSTOMERS_SHARE_FOR_80PCT_REVENUE)).isCloseTo(3.0 / 9.0, within(1e-12));
            assertThat(Fixtures.date(row, SNAPSHOT_DATE)).isEqualTo(AS_OF);
        }
        assertThat(rows.stream().mapToDouble(row -> row.<Double>getAs(SHARE_OF_REVENUE)).sum())
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void summaryKeepsEmptyBandsWithZeroCounts(SparkSession spark) {
        Dataset<Row> onlyOneBuyer = banded.where(banded.col(AnalyticsSchema.MASTER_ID).isin("a", "j"));
        Dataset<Row> rebanded = ValueBands.withValueBand(onlyOneBuyer, AnalyticsSettings.defaults());
        List<Row> rows = ValueBands.summary(spark, rebanded, AS_OF).collectAsList();

        assertThat(rows).extracting(row -> row.<Long>getAs(CUSTOMERS)).containsExactly(1L, 0L, 0L, 0L);
        assertThat(rows.get(1).<BigDecimal>getAs(REVENUE)).isEqualByComparingTo("0.00");
        assertThat(rows.get(1).<Double>getAs(SHARE_OF_CUSTOMERS)).isEqualTo(0.0);
        assertThat(rows.get(0).<Double>getAs(CUSTOMERS_SHARE_FOR_80PCT_REVENUE)).isEqualTo(1.0);
    }

    private static void assertBand(Row row, long customers, String revenue) {
        assertThat(row.<Long>getAs(CUSTOMERS)).isEqualTo(customers);
        assertThat(row.<Double>getAs(SHARE_OF_CUSTOMERS)).isCloseTo(customers / 9.0, within(1e-12));
        assertThat(row.<BigDecimal>getAs(REVENUE)).isEqualTo(new BigDecimal(revenue));
        // Share of the buyers' net revenue 995.00 (1000 positive, 0 and -5 from h and i).
        assertThat(row.<Double>getAs(SHARE_OF_REVENUE))
                .isCloseTo(new BigDecimal(revenue).doubleValue() / 995.0, within(1e-12));
    }
}
