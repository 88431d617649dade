package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.CHURN_FLAG;
import static com.custmaster.analytics.AnalyticsSchema.CHURN_REASON;
import static com.custmaster.analytics.Fixtures.byMasterId;
import static com.custmaster.analytics.Fixtures.daysBefore;
import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.analytics.Fixtures.Tx;
import com.custmaster.config.AnalyticsSettings;
import com.custmaster.testing.SharedSparkSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Default rule: floor 180 days, 3 x own mean gap, at risk after half the threshold. */
@SharedSparkSession
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChurnRuleTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    private Map<String, Row> rows;

    @BeforeAll
    void flagTheFixture(SparkSession spark) {
        List<Tx> lines = List.of(
                daysBefore("one_200", AS_OF, 200, "10.00"),
                daysBefore("one_100", AS_OF, 100, "10.00"),
                daysBefore("one_90", AS_OF, 90, "10.00"),
                daysBefore("gap100_250", AS_OF, 350, "10.00"),
                daysBefore("gap100_250", AS_OF, 250, "10.00"),
                daysBefore("gap100_301", AS_OF, 401, "10.00"),
                daysBefore("gap100_301", AS_OF, 301, "10.00"),
                daysBefore("gap10_181", AS_OF, 201, "10.00"),
                daysBefore("gap10_181", AS_OF, 191, "10.00"),
                daysBefore("gap10_181", AS_OF, 181, "10.00"),
                daysBefore("gap70_200", AS_OF, 340, "10.00"),
                daysBefore("gap70_200", AS_OF, 300, "10.00"),
                daysBefore("gap70_200", AS_OF, 200, "10.00"),
                daysBefore("gap62_200", AS_OF, 325, "10.00"),
                daysBefore("gap62_200", AS_OF, 262, "10.00"),
                daysBefore("gap62_200", AS_OF, 200, "10.00"));
        rows = byMasterId(ChurnRule.withChurn(RfmScoring.customerMetrics(Fixtures.transactions(spark, lines),
                Fixtures.customers(spark, "one_200", "one_100", "one_90", "gap100_250", "gap100_301",
                        "gap10_181", "gap70_200", "gap62_200", "never"), AS_OF), AnalyticsSettings.defaults()));
    }

    @Test
    void onePurchaseCustomerPastTheFloorIsChurned() {
        assertChurn("one_200", "churned", "no purchase for 200 days (churn threshold 180 days = floor; one purchase)");
    }

    @Test
    void onePurchaseCustomerPastHalfTheFloorIsAtRisk() {
        assertChurn("one_100", "at_risk",
                "no purchase for 100 days (at risk after 90 days = 0.5 x churn threshold 180 days = floor; one purchase)");
    }

    @Test
    void customerExactlyAtTheAtRiskLineIsStillActive() {
        assertChurn("one_90", "active",
                "last purchase 90 days ago (at risk after 90 days = 0.5 x churn threshold 180 days = floor; one purchase)");
    }

    @Test
    void ownLongGapRaisesTheThresholdAboveTheFloor() {
        // Mean gap 100 days -> threshold 300: 250 days is only at risk, though past the floor.
        assertChurn("gap100_250", "at_risk", "no purchase for 250 days (at risk after 150 days = 0.5 x churn "
                + "threshold 300 days = 3 x mean gap 100 days)");
        assertChurn("gap100_301", "churned", "no purchase for 301 days (churn threshold 300 days = 3 x mean gap 100 days)");
    }

    @Test
    void floorAppliesWhenOwnGapIsShort() {
        assertChurn("gap10_181", "churned",
                "no purchase for 181 days (churn threshold 180 days = floor; 3 x mean gap 10 days is lower)");
    }

    @Test
    void meanGapIsTakenOverAllPurchaseOccasions() {
        // Gaps 40 and 100 days: mean 70, threshold 210, at risk after 105.
        assertChurn("gap70_200", "at_risk", "no purchase for 200 days (at risk after 105 days = 0.5 x churn "
                + "threshold 210 days = 3 x mean gap 70 days)");
        // Gaps 63 and 62 days: mean 62.5, threshold 187.5.
        assertChurn("gap62_200", "churned", "no purchase for 200 days (churn threshold 187.5 days = 3 x mean gap 62.5 days)");
    }

    @Test
    void customerWithoutPurchasesHasNoChurnFlag() {
        assertChurn("never", null, null);
    }

    private void assertChurn(String masterId, String flag, String reason) {
        Row row = rows.get(masterId);
        assertThat(row.<String>getAs(CHURN_FLAG)).as(masterId).isEqualTo(flag);
        assertThat(row.<String>getAs(CHURN_REASON)).as(masterId).isEqualTo(reason);
    }
}
