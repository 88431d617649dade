package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.MASTER_ID;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ntile;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.analytics.OrderedPositions.Ordering;
import com.custmaster.analytics.OrderedPositions.Placed;
import com.custmaster.testing.SharedSparkSession;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

/**
 * The ranged positions must be exactly what one global window gives: the reference here is Spark's
 * own {@code row_number}, running sum and {@code ntile} over all selected rows in one partition.
 */
@SharedSparkSession
class OrderedPositionsTest {

    private static final int ROWS = 20_000;

    /**
     * 20,000 customers in 7 partitions: a few distinct small integers (heavy ties, one value held by
     * about a third), decimal amounts with ties and negatives, and a tenth not selected.
     */
    private static Dataset<Row> customers(SparkSession spark) {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            int small = random.nextInt(3) == 0 ? 1 : random.nextInt(40);
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(5_000) - 300, 2);
            rows.add(RowFactory.create(String.format(java.util.Locale.ROOT, "M%06d", random.nextInt(10_000_000)) + "-" + i,
                    small, amount, random.nextInt(10) != 0));
        }
        StructType schema = new StructType()
                .add(MASTER_ID, DataTypes.StringType, false)
                .add("small", DataTypes.IntegerType, false)
                .add("amount", DataTypes.createDecimalType(18, 2), false)
                .add("selected", DataTypes.BooleanType, false);
        return spark.createDataFrame(rows, schema).repartition(7).persist(StorageLevel.MEMORY_ONLY());
    }

    @Test
    void positionsAndTilesEqualAGlobalWindowOverHeavilyTiedValues(SparkSession spark) {
        Dataset<Row> data = customers(spark);
        Column selected = col("selected");
        for (boolean descending : new boolean[] {false, true}) {
            Placed placed = OrderedPositions.place(data, Ordering.positions(selected, "small", descending, "position"));
            WindowSpec global = Window.partitionBy(selected)
                    .orderBy(descending ? col("small").desc() : col("small").asc(), col(MASTER_ID).asc());
            Dataset<Row> compared = placed.data()
                    .withColumn("expected", when(selected, row_number().over(global).minus(1)))
                    .withColumn("tile", when(selected, OrderedPositions.tile(col("position"), placed.selectedRows(), 5)))
                    .withColumn("expected_tile", when(selected, ntile(5).over(global)));

            assertThat(placed.selectedRows()).isEqualTo(data.where(selected).count());
            assertThat(compared.where(col("position").eqNullSafe(col("expected")).unary_$bang()).count())
                    .as("positions differing from row_number, descending=%s", descending).isZero();
            assertThat(compared.where(col("tile").eqNullSafe(col("expected_tile")).unary_$bang()).count())
                    .as("tiles differing from ntile(5), descending=%s", descending).isZero();
            assertThat(compared.where(selected.unary_$bang().and(col("position").isNotNull())).count()).isZero();
        }
    }

    @Test
    void runningTotalsEqualAGlobalCumulativeSumInExactDecimals(SparkSession spark) {
        Dataset<Row> data = customers(spark);
        Column selected = col("selected").and(col("amount").gt(0));
        Placed placed = OrderedPositions.place(data, new Ordering(selected, "amount", true, "amount", "position", "before"));
        WindowSpec global = Window.partitionBy(selected).orderBy(col("amount").desc(), col(MASTER_ID).asc());
        Dataset<Row> compared = placed.data().withColumn("expected", when(selected,
                coalesce(sum(col("amount")).over(global.rowsBetween(Window.unboundedPreceding(), -1)), lit(BigDecimal.ZERO))));

        BigDecimal total = (BigDecimal) data.where(selected).agg(sum(col("amount"))).first().get(0);
        assertThat(placed.totalWeight()).isEqualByComparingTo(total);
        List<Row> rows = compared.where(selected).select("before", "expected").collectAsList();
        assertThat(rows).hasSize((int) placed.selectedRows());
        for (Row row : rows) {
            assertThat(row.getDecimal(0)).isEqualByComparingTo(row.getDecimal(1));
        }
        assertThat(compared.where(selected.unary_$bang().and(col("before").isNotNull())).count()).isZero();
    }

    @Test
    void dealsTilesAsNtileForEveryCountUpToTwelve(SparkSession spark) {
        for (int rows = 0; rows <= 12; rows++) {
            Dataset<Row> positions = spark.range(rows).toDF("position");
            List<Row> tiles = positions
                    .select(OrderedPositions.tile(col("position"), rows, 5), ntile(5).over(Window.orderBy(col("position"))))
                    .collectAsList();
            for (Row row : tiles) {
                assertThat(row.getInt(0)).as("%d rows", rows).isEqualTo(row.getInt(1));
            }
        }
    }

    @Test
    void refusesAWeightWithoutItsOutputColumn() {
        assertThatThrownBy(() -> new Ordering(lit(true), "amount", false, "amount", "position", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("go together");
    }
}
