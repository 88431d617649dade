package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.MASTER_ID;
import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Each selected row's exact position in a total order, and optionally the running total of a
 * weight over the rows ahead of it, without sorting all rows in one task.
 *
 * <p>Why: a window ordered over a whole table ({@code ntile} over all buyers, a cumulative revenue
 * share) makes Spark move every row into one partition and sort it in one task, which on millions
 * of customers is the slowest part of the customer-value job and leaves every other core idle. Here
 * the order is cut into ranges first: approximate quantiles of the value give up to
 * {@value #RANGES} ranges that follow the order (equal values always share a range), a window sorts
 * each range in its own task, and the count (and weight) of the ranges before a row, exact and
 * added up on the driver from a {@value #RANGES}-row summary, turn the position within the range into
 * the position in the whole order. The result is exactly what one global window would give; only
 * the balance between tasks depends on the quantiles being approximate.
 *
 * <p>The order is the value (ascending or descending) and then {@code master_id} ascending, which
 * makes it total when master IDs are unique. Rows not selected get null position and total.
 */
final class OrderedPositions {

    /** How many ranges the order is cut into at most (one task each, before Spark coalesces them). */
    static final int RANGES = 32;
    /** Relative error of the quantiles that cut the ranges; only the balance depends on it. */
    private static final double QUANTILE_ERROR = 0.001;

    private static final String RANGE = "_range";

    /**
     * One ordering to place rows in.
     *
     * @param selected which rows take part (others get nulls)
     * @param value the numeric column to order by; never null on selected rows
     * @param descending whether larger values come first
     * @param weight a decimal column whose running total is wanted, or null for positions only
     * @param position the output column: 0-based position among the selected rows (long)
     * @param weightBefore the output column: the sum of {@code weight} over the selected rows ahead
     *     of this one, 0 for the first (only when {@code weight} is given)
     */
    record Ordering(Column selected, String value, boolean descending, String weight, String position,
            String weightBefore) {

        Ordering {
            requireNonNull(selected, "selected is null");
            requireNonNull(value, "value is null");
            requireNonNull(position, "position is null");
            if ((weight == null) != (weightBefore == null)) {
                throw new IllegalArgumentException("weight and weightBefore go together: " + weight + ", " + weightBefore);
            }
        }

        static Ordering positions(Column selected, String value, boolean descending, String position) {
            return new Ordering(selected, value, descending, null, position, null);
        }
    }

    /** Positions (and running totals) of one ordering, and how many rows were selected. */
    record Placed(Dataset<Row> data, long selectedRows, BigDecimal totalWeight) {

        Placed {
            requireNonNull(data, "data is null");
        }
    }

    private OrderedPositions() {
    }

    /**
     * Adds the ordering's position (and weight-before) columns to {@code data}. Runs three small
     * jobs over {@code data} (quantiles, the per-range summary and, lazily, the windows), so
     * {@code data} should be cached.
     */
    static Placed place(Dataset<Row> data, Ordering ordering) {
        requireNonNull(data, "data is null");
        requireNonNull(ordering, "ordering is null");
        Dataset<Row> selectedRows = data.where(ordering.selected());
        double[] probabilities = new double[RANGES - 1];
        for (int i = 1; i < RANGES; i++) {
            probabilities[i - 1] = (double) i / RANGES;
        }
        double[] cuts = Arrays.stream(selectedRows.stat().approxQuantile(ordering.value(), probabilities, QUANTILE_ERROR))
                .filter(cut -> !Double.isNaN(cut)).distinct().sorted().toArray();

        // The range of a row never decreases along the order, so ties share a range.
        Column value = col(ordering.value()).cast(DataTypes.DoubleType);
        Column range = lit(0);
        for (double cut : cuts) {
            Column beyond = ordering.descending() ? value.lt(cut) : value.gt(cut);
            range = range.plus(when(beyond, lit(1)).otherwise(lit(0)));
        }
        // Rows not selected are spread over as many window partitions by a hash, so that customers
        // without purchases, however many, are not all sorted in one task either.
        Dataset<Row> ranged = data.withColumn(RANGE, when(ordering.selected(), range)
                .otherwise(lit(-1).minus(pmod(xxhash64(col(MASTER_ID)), lit((long) RANGES)))));

        int ranges = cuts.length + 1;
        Long[] rowsBefore = new Long[ranges];
        BigDecimal[] weightBefore = new BigDecimal[ranges];
        Arrays.fill(weightBefore, BigDecimal.ZERO);
        Column weightSum = ordering.weight() == null ? lit(BigDecimal.ZERO) : coalesce(sum(col(ordering.weight())), lit(BigDecimal.ZERO));
        List<Row> perRange = ranged.where(col(RANGE).geq(0))
                .groupBy(col(RANGE)).agg(count(lit(1)), weightSum).collectAsList();
        long[] rows = new long[ranges];
        BigDecimal[] weights = new BigDecimal[ranges];
        Arrays.fill(weights, BigDecimal.ZERO);
        for (Row row : perRange) {
            int index = ((Number) row.get(0)).intValue();
            rows[index] = row.getLong(1);
            weights[index] = row.getDecimal(2);
        }
        long total = 0;
        BigDecimal totalWeight = BigDecimal.ZERO;
        for (int i = 0; i < ranges; i++) {
            rowsBefore[i] = total;
            weightBefore[i] = totalWeight;
            total += rows[i];
            totalWeight = totalWeight.add(weights[i]);
        }

        Column orderValue = ordering.descending() ? col(ordering.value()).desc() : col(ordering.value()).asc();
        WindowSpec inRange = Window.partitionBy(col(RANGE)).orderBy(orderValue, col(MASTER_ID).asc());
        Column rangeRowsBefore = byRange(rowsBefore);
        Dataset<Row> placed = ranged.withColumn(ordering.position(),
                when(col(RANGE).geq(0), rangeRowsBefore.plus(row_number().over(inRange)).minus(1)));
        if (ordering.weight() != null) {
            Column within = coalesce(sum(col(ordering.weight())).over(inRange.rowsBetween(Window.unboundedPreceding(), -1)),
                    lit(BigDecimal.ZERO));
            placed = placed.withColumn(ordering.weightBefore(),
                    when(col(RANGE).geq(0), byRange(weightBefore).plus(within)));
        }
        return new Placed(placed.drop(RANGE), total, totalWeight);
    }

    /**
     * The 1-based tile of a 0-based position when {@code rows} rows are dealt into {@code tiles}
     * tiles as Spark's {@code ntile} deals them: the first {@code rows % tiles} tiles hold one row
     * more than the others.
     */
    static Column tile(Column position, long rows, int tiles) {
        if (tiles < 1) {
            throw new IllegalArgumentException("tiles must be at least 1, got " + tiles);
        }
        long size = rows / tiles;
        long larger = rows % tiles;
        long inLarger = larger * (size + 1);
        Column first = floor(position.divide(size + 1)).plus(1);
        Column rest = floor(position.minus(inLarger).divide(Math.max(size, 1))).plus(larger + 1);
        return when(position.lt(inLarger), first).otherwise(rest).cast(DataTypes.IntegerType);
    }

    /** The value of the row's range, as one CASE expression over the (at most {@value #RANGES}) ranges. */
    private static Column byRange(Object[] values) {
        Column result = when(col(RANGE).equalTo(0), lit(values[0]));
        for (int i = 1; i < values.length; i++) {
            result = result.when(col(RANGE).equalTo(i), lit(values[i]));
        }
        return result;
    }
}
