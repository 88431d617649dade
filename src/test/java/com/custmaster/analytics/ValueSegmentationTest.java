package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.AVG_MONETARY;
import static com.custmaster.analytics.AnalyticsSchema.CUSTOMERS;
import static com.custmaster.analytics.AnalyticsSchema.SEGMENT_ID;
import static com.custmaster.analytics.AnalyticsSchema.SEGMENT_LABEL;
import static com.custmaster.analytics.Fixtures.daysBefore;
import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.analytics.Fixtures.Tx;
import com.custmaster.config.AnalyticsSettings;
import com.custmaster.testing.SharedSparkSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SharedSparkSession
class ValueSegmentationTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    /** k in 2..3 (K-means is the slow part) and a sample smaller than the 80 buyers, so sampling runs. */
    private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults().withKRange(2, 3).withSampleSize(60);

    @Test
    void choosesEligibleKWithHighestSilhouette() {
        OptionalInt chosen = ValueSegmentation.chooseK(List.of(
                new KCandidate(2, 0.55, 0.40, true),
                new KCandidate(3, 0.71, 0.01, false), // best silhouette, but a cluster is too small
                new KCandidate(4, 0.62, 0.10, true)));
        assertThat(chosen).hasValue(4);
    }

    @Test
    void silhouetteTieGoesToTheSmallerK() {
        assertThat(ValueSegmentation.chooseK(List.of(
                new KCandidate(3, 0.6, 0.2, true), new KCandidate(2, 0.6, 0.4, true)))).hasValue(2);
    }

    @Test
    void noEligibleCandidateChoosesNothing() {
        assertThat(ValueSegmentation.chooseK(List.of(new KCandidate(2, 0.9, 0.01, false)))).isEmpty();
        assertThat(ValueSegmentation.chooseK(List.of())).isEmpty();
    }

    @Test
    void labelsCentresByStandardisedCoordinates() {
        assertThat(ValueSegmentation.labelFor(-1.2, 1.0, 1.5)).isEqualTo("high value, frequent, recent");
        assertThat(ValueSegmentation.labelFor(1.1, -0.9, -1.3)).isEqualTo("low value, infrequent, lapsed");
        assertThat(ValueSegmentation.labelFor(0.49, -0.49, 0.0)).isEqualTo("mid value, occasional, cooling");
        assertThat(ValueSegmentation.labelFor(-0.5, 0.5, -0.5)).isEqualTo("low value, frequent, recent");
    }

    @Test
    void sameInputGivesSameSegmentsNumberedByValue(SparkSession spark) {
        CustomerValueJob job = new CustomerValueJob();
        Dataset<Row> transactions = Fixtures.transactions(spark, threeGroups());
        Dataset<Row> customers = Fixtures.customers(spark, customerIds());

        Map<String, Integer> first;
        Map<String, Integer> second;
        List<Row> profile;
        CustomerValueSummary summary;
        try (CustomerValueResult run = job.compute(spark, transactions, customers, AS_OF, SETTINGS)) {
            first = segmentIds(run.customerValue());
            profile = run.segmentProfile().collectAsList();
            summary = run.summary();
        }
        try (CustomerValueResult run = job.compute(spark, transactions, customers, AS_OF, SETTINGS)) {
            second = segmentIds(run.customerValue());
            assertThat(run.summary()).isEqualTo(summary);
        }

        assertThat(first).hasSize(80).isEqualTo(second);
        // Three well separated groups: k = 3, and segment 1 is the valuable group.
        assertThat(summary.chosenK()).isEqualTo(3);
        assertThat(summary.silhouette()).isGreaterThan(0.5);
        assertThat(summary.kCandidates()).extracting(KCandidate::k).containsExactly(2, 3);
        assertThat(profile).extracting(row -> row.<Integer>getAs(SEGMENT_ID)).containsExactly(1, 2, 3);
        assertThat(profile).extracting(row -> row.<Long>getAs(CUSTOMERS)).containsExactly(20L, 30L, 30L);
        assertThat(profile.get(0).<BigDecimal>getAs(AVG_MONETARY))
                .isGreaterThan(profile.get(1).getAs(AVG_MONETARY));
        assertThat(profile.get(1).<BigDecimal>getAs(AVG_MONETARY))
                .isGreaterThan(profile.get(2).getAs(AVG_MONETARY));
        assertThat(profile.get(0).<String>getAs(SEGMENT_LABEL)).isEqualTo("high value, frequent, recent");
        assertThat(profile.get(2).<String>getAs(SEGMENT_LABEL)).isEqualTo("low value, infrequent, lapsed");
        for (String id : customerIds()) {
            int expected = id.startsWith("vip") ? 1 : id.startsWith("reg") ? 2 : 3;
            assertThat(first.get(id)).as(id).isEqualTo(expected);
        }
    }

    /**
     * vip01..20: a purchase every 10 days for 200 days, about 500 each; reg01..30: four purchases
     * 60 days apart, the last 30-59 days ago, about 50 each; old01..30: one purchase 300-390 days
     * ago, about 10.
     */
    static List<Tx> threeGroups() {
        List<Tx> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (int purchase = 0; purchase < 20; purchase++) {
                lines.add(daysBefore(id("vip", i), AS_OF, 1 + i % 5 + purchase * 10, money(500 + 7 * i)));
            }
        }
        for (int i = 0; i < 30; i++) {
            for (int purchase = 0; purchase < 4; purchase++) {
                lines.add(daysBefore(id("reg", i), AS_OF, 30 + i + purchase * 60, money(50 + i)));
            }
        }
        for (int i = 0; i < 30; i++) {
            lines.add(daysBefore(id("old", i), AS_OF, 300 + 3 * i, money(10 + i % 4)));
        }
        return lines;
    }

    static List<String> customerIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(id("vip", i));
        }
        for (int i = 0; i < 30; i++) {
            ids.add(id("reg", i));
            ids.add(id("old", i));
        }
        return ids;
    }

    private static String id(String group, int index) {
        return String.format(Locale.ROOT, "%s%02d", group, index + 1);
    }

    private static String money(int units) {
        return units + ".00";
    }

    private static Map<String, Integer> segmentIds(Dataset<Row> customerValue) {
        Map<String, Integer> ids = new HashMap<>();
        for (Row row : customerValue.select(AnalyticsSchema.MASTER_ID, SEGMENT_ID).collectAsList()) {
            ids.put(row.getString(0), row.isNullAt(1) ? null : row.getInt(1));
        }
        return ids;
    }
}
