package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.CHURN_ACTIVE;
import static com.custmaster.analytics.AnalyticsSchema.CHURN_AT_RISK;
import static com.custmaster.analytics.AnalyticsSchema.CHURN_CHURNED;
import static com.custmaster.analytics.AnalyticsSchema.CHURN_FLAG;
import static com.custmaster.analytics.AnalyticsSchema.CHURN_REASON;
import static com.custmaster.analytics.AnalyticsSchema.FREQUENCY;
import static com.custmaster.analytics.AnalyticsSchema.RECENCY_DAYS;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.custmaster.config.AnalyticsSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rule-based churn flag and its human-readable reason.
 *
 * <p>For a buyer, {@code threshold = max(inactiveFloorDays, gapMultiple x mean gap)} where the
 * mean gap is the mean number of days between consecutive purchase occasions; a one-purchase
 * customer has no gap and gets the floor. The buyer is {@code churned} if {@code recency_days >
 * threshold}, else {@code at_risk} if {@code recency_days > atRiskFraction x threshold}, else
 * {@code active}. Customers without purchases get null flag and reason. Why a rule and not only a
 * model: BI and stewards can check it by hand, and the reason says which part of the rule applied.
 *
 * <p>Reason texts (numbers printed without decimals when whole, else with one):
 * <pre>
 * no purchase for 412 days (churn threshold 180 days = floor; one purchase)
 * no purchase for 250 days (at risk after 150 days = 0.5 x churn threshold 300 days = 3 x mean gap 100 days)
 * last purchase 10 days ago (at risk after 90 days = 0.5 x churn threshold 180 days = floor; 3 x mean gap 20 days is lower)
 * </pre>
 */
final class ChurnRule {

    private ChurnRule() {
    }

    /**
     * Adds churn_flag and churn_reason; needs recency_days, frequency and the internal mean gap.
     * Both come from {@link #decide} through one function call per customer: the reason as a Spark
     * expression (nested CASE and string concatenations, each figure formatted) took several seconds
     * a million customers, as much as all scores and bands together.
     */
    static Dataset<Row> withChurn(Dataset<Row> customers, AnalyticsSettings settings) {
        int floorDays = settings.inactiveFloorDays();
        double gapMultiple = settings.gapMultiple();
        double atRiskFraction = settings.atRiskFraction();
        UserDefinedFunction decide = udf((UDF3<Integer, Integer, Double, Row>) (recency, frequency, meanGap) -> {
            String[] decision = decide(recency, frequency, meanGap, floorDays, gapMultiple, atRiskFraction);
            return RowFactory.create(decision[0], decision[1]);
        }, DECISION).asNonNullable()
                // Marked nondeterministic only so the optimiser does not inline the call into both
                // fields below and make it twice.
                .asNondeterministic();
        Column decision = when(RfmScoring.isBuyer(),
                decide.apply(col(RECENCY_DAYS), col(FREQUENCY), col(RfmScoring.MEAN_GAP_DAYS)));
        return customers.withColumn(DECISION_COLUMN, decision)
                .withColumn(CHURN_FLAG, col(DECISION_COLUMN).getField(CHURN_FLAG))
                .withColumn(CHURN_REASON, col(DECISION_COLUMN).getField(CHURN_REASON))
                .drop(DECISION_COLUMN);
    }

    private static final String DECISION_COLUMN = "_churn_decision";
    private static final StructType DECISION = new StructType()
            .add(CHURN_FLAG, DataTypes.StringType, false)
            .add(CHURN_REASON, DataTypes.StringType, false);

    /**
     * The rule for one buyer: {flag, reason}.
     *
     * @param meanGap mean days between purchase occasions; read only with two or more
     */
    static String[] decide(int recencyDays, int frequency, Double meanGap, int floorDays, double gapMultiple,
            double atRiskFraction) {
        boolean hasGap = frequency >= 2 && meanGap != null;
        double floor = floorDays;
        double gapThreshold = hasGap ? meanGap * gapMultiple : Double.NaN;
        double threshold = hasGap ? Math.max(floor, gapThreshold) : floor;
        double atRiskAfter = threshold * atRiskFraction;

        String multiple = setting(gapMultiple);
        String basis;
        if (hasGap && gapThreshold > floor) {
            basis = multiple + " x mean gap " + number(meanGap) + " days";
        } else if (hasGap) {
            basis = "floor; " + multiple + " x mean gap " + number(meanGap) + " days is lower";
        } else {
            basis = "floor; one purchase";
        }
        String thresholdText = "churn threshold " + number(threshold) + " days = " + basis;
        String atRiskText = "at risk after " + number(atRiskAfter) + " days = " + setting(atRiskFraction) + " x "
                + thresholdText;
        if (recencyDays > threshold) {
            return new String[] {CHURN_CHURNED, "no purchase for " + recencyDays + " days (" + thresholdText + ")"};
        }
        if (recencyDays > atRiskAfter) {
            return new String[] {CHURN_AT_RISK, "no purchase for " + recencyDays + " days (" + atRiskText + ")"};
        }
        return new String[] {CHURN_ACTIVE, "last purchase " + recencyDays + " days ago (" + atRiskText + ")"};
    }

    /** A setting as written: without decimals when whole. */
    private static String setting(double value) {
        return value == Math.floor(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** A whole number without decimals, otherwise rounded half up to one decimal. */
    static String number(double value) {
        if (value == Math.floor(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
