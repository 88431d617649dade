package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.BANDS;
import static com.custmaster.analytics.AnalyticsSchema.BAND_IMPORTANT;
import static com.custmaster.analytics.AnalyticsSchema.BAND_KEY;
import static com.custmaster.analytics.AnalyticsSchema.BAND_NORMAL;
import static com.custmaster.analytics.AnalyticsSchema.BAND_SMALL;
import static com.custmaster.analytics.AnalyticsSchema.CUSTOMERS;
import static com.custmaster.analytics.AnalyticsSchema.CUSTOMERS_SHARE_FOR_80PCT_REVENUE;
import static com.custmaster.analytics.AnalyticsSchema.MONETARY;
import static com.custmaster.analytics.AnalyticsSchema.MONEY;
import static com.custmaster.analytics.AnalyticsSchema.REVENUE;
import static com.custmaster.analytics.AnalyticsSchema.SHARE_OF_CUSTOMERS;
import static com.custmaster.analytics.AnalyticsSchema.SHARE_OF_REVENUE;
import static com.custmaster.analytics.AnalyticsSchema.SNAPSHOT_DATE;
import static com.custmaster.analytics.AnalyticsSchema.VALUE_BAND;
import static com.custmaster.analytics.AnalyticsSchema.VALUE_BAND_SUMMARY;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.custmaster.config.AnalyticsSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Value bands by cumulative revenue share (Pareto) and the {@code value_band_summary} table.
 *
 * <p>Rule: buyers with {@code monetary > 0} are sorted by monetary descending, then master_id
 * ascending. With {@code before} = the sum of monetary of the buyers sorted ahead of a buyer and
 * {@code total} = the sum over all of them, the buyer is {@code key} if
 * {@code before < keyCutoff x total}, else {@code important} if {@code before < importantCutoff x
 * total}, else {@code normal} if {@code before < normalCutoff x total}, else {@code small}. So the
 * top buyer is always key, and key is the smallest top group reaching the key share. Buyers with
 * {@code monetary <= 0} are {@code small}; customers without a purchase occasion have no band
 * (null). The comparison is done in exact decimals, so a share landing exactly on a cut-off is not
 * below it.
 */
final class ValueBands {

    /** The Pareto figure's revenue share, fixed (not a setting) so the figure means the same everywhere. */
    static final BigDecimal PARETO_SHARE = new BigDecimal("0.80");

    private static final String BAND_ORDER = "_band_order";
    /** Internal: buyers in the top group that makes {@link #PARETO_SHARE} of positive revenue. */
    static final String IN_TOP_80PCT = "_in_top_80pct";

    private ValueBands() {
    }

    /**
     * Adds value_band, and the internal flag of the buyers in the top group that makes
     * {@link #PARETO_SHARE} of positive revenue (read by {@link #summary}, so the ranking is done
     * once); needs master_id, frequency and monetary. The place in the order where each cut-off is
     * reached is found by {@link RankCuts} (no sort of all buyers); {@code customers} should be
     * cached, as it is read twice for that.
     */
    static Dataset<Row> withValueBand(Dataset<Row> customers, AnalyticsSettings settings) {
        Column monetary = col(MONETARY);
        Column key = negate(monetary);
        List<BigDecimal> shares = List.of(cutoff(settings.keyCutoff()), cutoff(settings.importantCutoff()),
                cutoff(settings.normalCutoff()), PARETO_SHARE);
        RankCuts.Result ranked = RankCuts.cuts(customers,
                new RankCuts.Ranking(key, negate(RfmScoring.moneyBucket(monetary)), monetary, positiveBuyer()),
                total -> shares.stream().map(total::multiply).toList());
        // "before < share x total" holds up to the cut, where the revenue ranked ahead reaches the share.
        List<RankCuts.Cut> cuts = ranked.cuts();
        Column band = when(RfmScoring.isBuyer(),
                when(monetary.leq(0), lit(BAND_SMALL))
                        .when(not(cuts.get(0).reached(key)), lit(BAND_KEY))
                        .when(not(cuts.get(1).reached(key)), lit(BAND_IMPORTANT))
                        .when(not(cuts.get(2).reached(key)), lit(BAND_NORMAL))
                        .otherwise(lit(BAND_SMALL)));
        Column inTop = positiveBuyer().and(not(cuts.get(3).reached(key)));
        return customers
                .withColumn(VALUE_BAND, band)
                .withColumn(IN_TOP_80PCT, coalesce(inTop, lit(false)));
    }

    /** Whether a customer is a buyer with positive net spend: the ones ranked for the bands. */
    private static Column positiveBuyer() {
        return RfmScoring.isBuyer().and(col(MONETARY).gt(0));
    }

    /**
     * One row per band in {@link AnalyticsSchema#BANDS} order, empty bands included. Shares of
     * customers are over buyers; shares of revenue over the buyers' net revenue (sum of the band
     * revenues). {@code customers_share_for_80pct_revenue} = buyers in the top group that makes 80%
     * of positive revenue / all buyers, the same on every row; null when there are no buyers.
     * {@code banded} are rows of {@link #withValueBand} (with its internal flag).
     */
    static Dataset<Row> summary(SparkSession spark, Dataset<Row> banded, LocalDate asOf) {
        Dataset<Row> buyers = banded.where(RfmScoring.isBuyer());
        Dataset<Row> perBand = buyers.groupBy(col(VALUE_BAND))
                .agg(count(lit(1)).as(CUSTOMERS), sum(col(MONETARY)).as(REVENUE));
        Dataset<Row> totals = buyers.agg(
                count(lit(1)).as("_buyers"),
                sum(col(MONETARY)).as("_revenue"),
                count(when(col(IN_TOP_80PCT), lit(1))).as("_top80"));

        Column buyerCount = col("_buyers");
        Column revenueTotal = col("_revenue");
        Column customers = coalesce(col(CUSTOMERS), lit(0L));
        Column revenue = coalesce(col(REVENUE), lit(BigDecimal.ZERO)).cast(MONEY);
        Dataset<Row> summary = bandList(spark)
                .join(perBand, new String[] {VALUE_BAND}, "left")
                .crossJoin(totals)
                .select(
                        col(VALUE_BAND),
                        customers.as(CUSTOMERS),
                        ratio(customers, buyerCount).as(SHARE_OF_CUSTOMERS),
                        revenue.as(REVENUE),
                        ratio(revenue, revenueTotal).as(SHARE_OF_REVENUE),
                        ratio(col("_top80"), buyerCount).as(CUSTOMERS_SHARE_FOR_80PCT_REVENUE),
                        lit(asOf).as(SNAPSHOT_DATE),
                        col(BAND_ORDER))
                .orderBy(col(BAND_ORDER));
        return AnalyticsSchema.conform(summary, VALUE_BAND_SUMMARY);
    }

    /** numerator / denominator as a double; null when the denominator is null or zero. */
    static Column ratio(Column numerator, Column denominator) {
        Column denominatorDouble = denominator.cast(DataTypes.DoubleType);
        return when(denominatorDouble.notEqual(0.0),
                numerator.cast(DataTypes.DoubleType).divide(denominatorDouble));
    }

    private static BigDecimal cutoff(double share) {
        return BigDecimal.valueOf(share);
    }

    private static Dataset<Row> bandList(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < BANDS.size(); i++) {
            rows.add(RowFactory.create(BANDS.get(i), i));
        }
        StructType schema = new StructType()
                .add(VALUE_BAND, DataTypes.StringType, false)
                .add(BAND_ORDER, DataTypes.IntegerType, false);
        return spark.createDataFrame(rows, schema);
    }
}
