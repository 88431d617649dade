package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.CHURN_ACTIVE;
import static com.custmaster.analytics.AnalyticsSchema.CHURN_AT_RISK;
import static com.custmaster.analytics.AnalyticsSchema.CHURN_CHURNED;
import static com.custmaster.analytics.AnalyticsSchema.CHURN_FLAG;
import static com.custmaster.analytics.AnalyticsSchema.CHURN_REASON;
import static com.custmaster.analytics.AnalyticsSchema.FREQUENCY;
import static com.custmaster.analytics.AnalyticsSchema.RECENCY_DAYS;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.custmaster.config.AnalyticsSettings;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

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

    /** Adds churn_flag and churn_reason; needs recency_days, frequency and the internal mean gap. */
    static Dataset<Row> withChurn(Dataset<Row> customers, AnalyticsSettings settings) {
        Column recency = col(RECENCY_DAYS);
        Column meanGap = col(RfmScoring.MEAN_GAP_DAYS);
        Column floorDays = lit((double) settings.inactiveFloorDays());
        Column gapThreshold = meanGap.multiply(settings.gapMultiple());
        Column hasGap = col(FREQUENCY).geq(2);
        Column threshold = when(hasGap, greatest(floorDays, gapThreshold)).otherwise(floorDays);
        Column atRiskAfter = threshold.multiply(settings.atRiskFraction());

        String multiple = number(settings.gapMultiple());
        Column basis = when(hasGap.and(gapThreshold.gt(floorDays)),
                        concat(lit(multiple + " x mean gap "), number(meanGap), lit(" days")))
                .when(hasGap, concat(lit("floor; " + multiple + " x mean gap "), number(meanGap),
                        lit(" days is lower")))
                .otherwise(lit("floor; one purchase"));
        Column thresholdText = concat(lit("churn threshold "), number(threshold), lit(" days = "), basis);
        Column atRiskText = concat(lit("at risk after "), number(atRiskAfter), lit(" days = "),
                lit(number(settings.atRiskFraction()) + " x "), thresholdText);
        Column days = recency.cast(DataTypes.StringType);

        Column buyer = RfmScoring.isBuyer();
        Column flag = when(buyer,
                when(recency.gt(threshold), lit(CHURN_CHURNED))
                        .when(recency.gt(atRiskAfter), lit(CHURN_AT_RISK))
                        .otherwise(lit(CHURN_ACTIVE)));
        Column reason = when(buyer,
                when(recency.gt(threshold),
                        concat(lit("no purchase for "), days, lit(" days ("), thresholdText, lit(")")))
                        .when(recency.gt(atRiskAfter),
                                concat(lit("no purchase for "), days, lit(" days ("), atRiskText, lit(")")))
                        .otherwise(concat(lit("last purchase "), days, lit(" days ago ("), atRiskText, lit(")"))));
        return customers.withColumn(CHURN_FLAG, flag).withColumn(CHURN_REASON, reason);
    }

    /** A whole number without decimals, otherwise one decimal (format_string formats with Locale.US). */
    private static Column number(Column value) {
        return when(value.equalTo(floor(value)), format_string("%d", value.cast(DataTypes.LongType)))
                .otherwise(format_string("%.1f", value));
    }

    private static String number(double value) {
        return value == Math.floor(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
