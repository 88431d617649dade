package com.custmaster.analytics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.custmaster.config.AnalyticsSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The customer-value figures of one run that the run report draws: Pareto curve, value bands, RFM
 * segments, K-means segment profiles and churn counts.
 *
 * <p>Why a plain record beside the Spark tables: the report is written at the end of the run (also
 * of a run that resumed after this step), without Spark; the figures are collected once while the
 * job's data is cached and saved with the run. All lists are small (at most a few dozen rows).
 *
 * @param buyers customers with a purchase occasion
 * @param pareto points of the Pareto (Lorenz) curve, buyers with positive spend sorted by spend
 *               descending: the share of those buyers with spend at or above a threshold, and the
 *               share of positive revenue they bring; from (0, 0) to (1, 1)
 * @param customersShareFor80PctRevenue as {@code value_band_summary.customers_share_for_80pct_revenue}; null without buyers
 * @param valueBands the rows of {@code value_band_summary}
 * @param rfmSegments the rows of {@code rfm_segment_summary}
 * @param segments the rows of {@code segment_profile}
 * @param churn buyers per churn flag ({@code active}, {@code at_risk}, {@code churned}, always all three)
 */
public record CustomerValueFigures(long buyers, List<ParetoPoint> pareto,
                                   @JsonProperty(AnalyticsSchema.CUSTOMERS_SHARE_FOR_80PCT_REVENUE) Double customersShareFor80PctRevenue,
                                   List<Group> valueBands, List<Group> rfmSegments, List<Segment> segments,
                                   Map<String, Long> churn) {

    /** Points of the Pareto curve: spend quantiles at every 5% of the buyers with positive spend. */
    static final int PARETO_STEPS = 20;

    public CustomerValueFigures {
        if (buyers < 0) {
            throw new IllegalArgumentException("buyers must not be negative, got " + buyers);
        }
        pareto = List.copyOf(requireNonNull(pareto, "pareto is null"));
        valueBands = List.copyOf(requireNonNull(valueBands, "valueBands is null"));
        rfmSegments = List.copyOf(requireNonNull(rfmSegments, "rfmSegments is null"));
        segments = List.copyOf(requireNonNull(segments, "segments is null"));
        churn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(churn, "churn is null")));
    }

    /** One point of the Pareto curve; both shares in [0, 1]. */
    public record ParetoPoint(double customerShare, double revenueShare) {
        public ParetoPoint {
            if (!(customerShare >= 0 && customerShare <= 1 && revenueShare >= 0 && revenueShare <= 1)) {
                throw new IllegalArgumentException("shares must be in [0, 1], got " + customerShare + " and " + revenueShare);
            }
        }
    }

    /** A value band or RFM segment: its buyers and revenue. Shares are null when undefined (no buyers, no revenue). */
    public record Group(String name, long customers, Double shareOfCustomers, BigDecimal revenue, Double shareOfRevenue) {
        public Group {
            requireNonNull(name, "name is null");
            requireNonNull(revenue, "revenue is null");
            if (customers < 0) {
                throw new IllegalArgumentException("customers of " + name + " must not be negative, got " + customers);
            }
        }
    }

    /** A K-means segment's profile, as a row of {@code segment_profile}. */
    public record Segment(int segmentId, String label, long customers, double shareOfCustomers, double avgRecencyDays,
                          double avgFrequency, BigDecimal avgMonetary, BigDecimal revenue, Double shareOfRevenue) {
        public Segment {
            requireNonNull(label, "label is null");
            requireNonNull(avgMonetary, "avgMonetary is null");
            requireNonNull(revenue, "revenue is null");
        }
    }

    /**
     * Collects the figures: the three summary tables as they are (pass them as written, e.g. read
     * back from their staged Parquet, so they are not computed again), and from
     * {@code customer_value} the churn counts and the Pareto curve in two passes: one for the spend
     * quantiles, one aggregation for the churn counts and the customers and revenue at or above each
     * quantile. Rows come out in the tables' documented order (bands key to small, RFM segments in
     * the order of {@code settings}' map, segments by id), however the files were read.
     */
    public static CustomerValueFigures of(Dataset<Row> customerValue, Dataset<Row> valueBandSummary,
                                          Dataset<Row> rfmSegmentSummary, Dataset<Row> segmentProfile,
                                          AnalyticsSettings settings) {
        List<Group> bands = new ArrayList<>();
        Double share80 = null;
        for (Row row : valueBandSummary.collectAsList()) {
            bands.add(group(row, AnalyticsSchema.VALUE_BAND));
            share80 = nullableDouble(row, AnalyticsSchema.CUSTOMERS_SHARE_FOR_80PCT_REVENUE);
        }
        bands.sort(java.util.Comparator.comparingInt(band -> AnalyticsSchema.BANDS.indexOf(band.name())));
        List<Group> rfm = new ArrayList<>();
        for (Row row : rfmSegmentSummary.collectAsList()) {
            rfm.add(group(row, AnalyticsSchema.RFM_SEGMENT));
        }
        List<String> mapOrder = settings.rfmSegments().stream().map(AnalyticsSettings.RfmSegmentRule::segment).distinct()
                .toList();
        rfm.sort(java.util.Comparator.comparingInt(segment -> mapOrder.indexOf(segment.name())));
        List<Segment> segments = new ArrayList<>();
        for (Row row : segmentProfile.collectAsList()) {
            segments.add(new Segment(row.getInt(row.fieldIndex(AnalyticsSchema.SEGMENT_ID)),
                    row.getString(row.fieldIndex(AnalyticsSchema.SEGMENT_LABEL)),
                    row.getLong(row.fieldIndex(AnalyticsSchema.CUSTOMERS)),
                    row.getDouble(row.fieldIndex(AnalyticsSchema.SHARE_OF_CUSTOMERS)),
                    row.getDouble(row.fieldIndex(AnalyticsSchema.AVG_RECENCY_DAYS)),
                    row.getDouble(row.fieldIndex(AnalyticsSchema.AVG_FREQUENCY)),
                    row.getDecimal(row.fieldIndex(AnalyticsSchema.AVG_MONETARY)),
                    row.getDecimal(row.fieldIndex(AnalyticsSchema.REVENUE)),
                    nullableDouble(row, AnalyticsSchema.SHARE_OF_REVENUE)));
        }
        segments.sort(java.util.Comparator.comparingInt(Segment::segmentId));
        return valueOf(customerValue, bands, share80, rfm, segments);
    }

    /** Churn counts and the Pareto curve from {@code customer_value}, with the summaries collected already. */
    private static CustomerValueFigures valueOf(Dataset<Row> customerValue, List<Group> bands, Double share80,
                                                List<Group> rfm, List<Segment> segments) {
        Column spend = col(AnalyticsSchema.MONETARY).cast("double");
        Column spending = col(AnalyticsSchema.MONETARY).gt(0);
        double[] probabilities = new double[PARETO_STEPS - 1];
        for (int i = 1; i < PARETO_STEPS; i++) {
            probabilities[i - 1] = 1.0 - (double) i / PARETO_STEPS;
        }
        double[] thresholds = customerValue.filter(spending).select(spend.as("m")).stat()
                .approxQuantile("m", probabilities, 0.001);
        List<String> flags = List.of(AnalyticsSchema.CHURN_ACTIVE, AnalyticsSchema.CHURN_AT_RISK, AnalyticsSchema.CHURN_CHURNED);
        List<Column> aggregates = new ArrayList<>();
        for (String flag : flags) {
            aggregates.add(count(when(col(AnalyticsSchema.CHURN_FLAG).equalTo(flag), lit(1))));
        }
        aggregates.add(count(when(spending, lit(1))));
        aggregates.add(sum(when(spending, spend)));
        for (double threshold : thresholds) {
            Column above = spending.and(spend.geq(threshold));
            aggregates.add(count(when(above, lit(1))));
            aggregates.add(sum(when(above, spend)));
        }
        Row row = customerValue.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
                .first();
        Map<String, Long> churn = new LinkedHashMap<>();
        for (int f = 0; f < flags.size(); f++) {
            churn.put(flags.get(f), row.getLong(f));
        }
        long buyers = churn.values().stream().mapToLong(Long::longValue).sum();
        int first = flags.size();
        long spenders = row.getLong(first);
        List<ParetoPoint> points = new ArrayList<>();
        points.add(new ParetoPoint(0, 0));
        if (spenders > 0) {
            double total = row.getDouble(first + 1);
            TreeMap<Double, Double> curve = new TreeMap<>();
            for (int i = 0; i < thresholds.length; i++) {
                long customers = row.getLong(first + 2 + 2 * i);
                int revenue = first + 3 + 2 * i;
                curve.put((double) customers / spenders, row.isNullAt(revenue) ? 0 : Math.min(1, row.getDouble(revenue) / total));
            }
            curve.remove(0.0);
            curve.remove(1.0);
            curve.forEach((customers, revenue) -> points.add(new ParetoPoint(customers, revenue)));
            points.add(new ParetoPoint(1, 1));
        }
        return new CustomerValueFigures(buyers, points, share80, bands, rfm, segments, churn);
    }

    private static Group group(Row row, String nameColumn) {
        return new Group(row.getString(row.fieldIndex(nameColumn)), row.getLong(row.fieldIndex(AnalyticsSchema.CUSTOMERS)),
                nullableDouble(row, AnalyticsSchema.SHARE_OF_CUSTOMERS), row.getDecimal(row.fieldIndex(AnalyticsSchema.REVENUE)),
                nullableDouble(row, AnalyticsSchema.SHARE_OF_REVENUE));
    }

    private static Double nullableDouble(Row row, String column) {
        int index = row.fieldIndex(column);
        return row.isNullAt(index) ? null : row.getDouble(index);
    }
}
