package com.custmaster.analytics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Table names, column names, Spark types and fixed values of the customer-value stage's inputs and
 * outputs, in one place.
 *
 * <p>Why: the output tables are a contract with BI readers ({@code docs/outputs.md});
 * scattering string literals over the job would let a rename slip through. The job ends every
 * output with {@link #conform(Dataset, StructType)}, so what it returns is exactly these schemas.
 */
public final class AnalyticsSchema {

    /** Money: amounts and sums of amounts. */
    public static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);

    // Table names (lake folders).
    public static final String CUSTOMER_VALUE_TABLE = "customer_value";
    public static final String SEGMENT_PROFILE_TABLE = "segment_profile";
    public static final String VALUE_BAND_SUMMARY_TABLE = "value_band_summary";
    public static final String RFM_SEGMENT_SUMMARY_TABLE = "rfm_segment_summary";

    // Input columns.
    public static final String MASTER_ID = "master_id";
    public static final String ORDER_ID = "order_id";
    public static final String ORDER_TS = "order_ts";
    public static final String AMOUNT = "amount";

    // customer_value columns.
    public static final String FIRST_PURCHASE_DATE = "first_purchase_date";
    public static final String LAST_PURCHASE_DATE = "last_purchase_date";
    public static final String RECENCY_DAYS = "recency_days";
    public static final String FREQUENCY = "frequency";
    public static final String MONETARY = "monetary";
    public static final String R_SCORE = "r_score";
    public static final String F_SCORE = "f_score";
    public static final String M_SCORE = "m_score";
    public static final String RFM_SEGMENT = "rfm_segment";
    public static final String VALUE_BAND = "value_band";
    public static final String SEGMENT_ID = "segment_id";
    public static final String SEGMENT_LABEL = "segment_label";
    public static final String CHURN_FLAG = "churn_flag";
    public static final String CHURN_REASON = "churn_reason";
    public static final String P_ALIVE = "p_alive";
    public static final String EXPECTED_PURCHASES_90D = "expected_purchases_90d";
    public static final String EXPECTED_VALUE_12M = "expected_value_12m";
    public static final String SNAPSHOT_DATE = "snapshot_date";

    // segment_profile and value_band_summary columns.
    public static final String CUSTOMERS = "customers";
    public static final String SHARE_OF_CUSTOMERS = "share_of_customers";
    public static final String AVG_RECENCY_DAYS = "avg_recency_days";
    public static final String AVG_FREQUENCY = "avg_frequency";
    public static final String AVG_MONETARY = "avg_monetary";
    public static final String REVENUE = "revenue";
    public static final String SHARE_OF_REVENUE = "share_of_revenue";
    public static final String CUSTOMERS_SHARE_FOR_80PCT_REVENUE = "customers_share_for_80pct_revenue";

    // value_band values, best first.
    public static final String BAND_KEY = "key";
    public static final String BAND_IMPORTANT = "important";
    public static final String BAND_NORMAL = "normal";
    public static final String BAND_SMALL = "small";
    public static final List<String> BANDS = List.of(BAND_KEY, BAND_IMPORTANT, BAND_NORMAL, BAND_SMALL);

    // churn_flag values.
    public static final String CHURN_ACTIVE = "active";
    public static final String CHURN_AT_RISK = "at_risk";
    public static final String CHURN_CHURNED = "churned";

    /** Transactions the job reads (one row per order line or order; returns have negative amounts). */
    public static final StructType TRANSACTIONS = new StructType(new StructField[] {
        field(MASTER_ID, DataTypes.StringType),
        field(ORDER_ID, DataTypes.StringType),
        field(ORDER_TS, DataTypes.TimestampType),
        field(AMOUNT, MONEY),
    });

    /** Customers the job scores: every master ID, buyer or not. */
    public static final StructType CUSTOMERS_INPUT = new StructType(new StructField[] {
        field(MASTER_ID, DataTypes.StringType),
    });

    /** {@code customer_value}: one row per customer. */
    public static final StructType CUSTOMER_VALUE = new StructType(new StructField[] {
        field(MASTER_ID, DataTypes.StringType),
        field(FIRST_PURCHASE_DATE, DataTypes.DateType),
        field(LAST_PURCHASE_DATE, DataTypes.DateType),
        field(RECENCY_DAYS, DataTypes.IntegerType),
        field(FREQUENCY, DataTypes.IntegerType),
        field(MONETARY, MONEY),
        field(R_SCORE, DataTypes.IntegerType),
        field(F_SCORE, DataTypes.IntegerType),
        field(M_SCORE, DataTypes.IntegerType),
        field(RFM_SEGMENT, DataTypes.StringType),
        field(VALUE_BAND, DataTypes.StringType),
        field(SEGMENT_ID, DataTypes.IntegerType),
        field(SEGMENT_LABEL, DataTypes.StringType),
        field(CHURN_FLAG, DataTypes.StringType),
        field(CHURN_REASON, DataTypes.StringType),
        field(P_ALIVE, DataTypes.DoubleType),
        field(EXPECTED_PURCHASES_90D, DataTypes.DoubleType),
        field(EXPECTED_VALUE_12M, MONEY),
        field(SNAPSHOT_DATE, DataTypes.DateType),
    });

    /** {@code segment_profile}: one row per K-means segment. */
    public static final StructType SEGMENT_PROFILE = new StructType(new StructField[] {
        field(SEGMENT_ID, DataTypes.IntegerType),
        field(SEGMENT_LABEL, DataTypes.StringType),
        field(CUSTOMERS, DataTypes.LongType),
        field(SHARE_OF_CUSTOMERS, DataTypes.DoubleType),
        field(AVG_RECENCY_DAYS, DataTypes.DoubleType),
        field(AVG_FREQUENCY, DataTypes.DoubleType),
        field(AVG_MONETARY, MONEY),
        field(REVENUE, MONEY),
        field(SHARE_OF_REVENUE, DataTypes.DoubleType),
        field(SNAPSHOT_DATE, DataTypes.DateType),
    });

    /** {@code value_band_summary}: one row per value band, always all four. */
    public static final StructType VALUE_BAND_SUMMARY = new StructType(new StructField[] {
        field(VALUE_BAND, DataTypes.StringType),
        field(CUSTOMERS, DataTypes.LongType),
        field(SHARE_OF_CUSTOMERS, DataTypes.DoubleType),
        field(REVENUE, MONEY),
        field(SHARE_OF_REVENUE, DataTypes.DoubleType),
        field(CUSTOMERS_SHARE_FOR_80PCT_REVENUE, DataTypes.DoubleType),
        field(SNAPSHOT_DATE, DataTypes.DateType),
    });

    /** {@code rfm_segment_summary}: one row per segment of the RFM map, in map order, empty segments included. */
    public static final StructType RFM_SEGMENT_SUMMARY = new StructType(new StructField[] {
        field(RFM_SEGMENT, DataTypes.StringType),
        field(CUSTOMERS, DataTypes.LongType),
        field(SHARE_OF_CUSTOMERS, DataTypes.DoubleType),
        field(AVG_RECENCY_DAYS, DataTypes.DoubleType),
        field(AVG_FREQUENCY, DataTypes.DoubleType),
        field(AVG_MONETARY, MONEY),
        field(REVENUE, MONEY),
        field(SHARE_OF_REVENUE, DataTypes.DoubleType),
        field(SNAPSHOT_DATE, DataTypes.DateType),
    });

    private AnalyticsSchema() {
    }

    /**
     * Selects exactly the columns of {@code schema}, in its order, cast to its types.
     *
     * @throws IllegalArgumentException if a column is missing
     */
    public static Dataset<Row> conform(Dataset<Row> data, StructType schema) {
        requireNonNull(data, "data is null");
        requireNonNull(schema, "schema is null");
        List<String> present = Arrays.asList(data.columns());
        List<Column> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (!present.contains(field.name())) {
                throw new IllegalArgumentException("Cannot conform to schema: column " + field.name()
                        + " is missing; present: " + present);
            }
            columns.add(col(field.name()).cast(field.dataType()).as(field.name()));
        }
        return data.select(columns.toArray(new Column[0]));
    }

    /** Whether two schemas have the same column names and types in the same order (nullability ignored). */
    public static boolean sameNamesAndTypes(StructType left, StructType right) {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        if (left.fields().length != right.fields().length) {
            return false;
        }
        for (int i = 0; i < left.fields().length; i++) {
            StructField a = left.fields()[i];
            StructField b = right.fields()[i];
            if (!a.name().equals(b.name()) || !a.dataType().equals(b.dataType())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that {@code data} has the columns the job reads, with usable types, and names what is
     * wrong otherwise. Amounts may be any decimal that fits decimal(18,2) without loss.
     */
    static void requireInput(String tableName, Dataset<Row> data, StructType expected, List<String> readColumns) {
        requireNonNull(data, tableName + " is null");
        StructType actual = data.schema();
        List<String> present = Arrays.asList(actual.fieldNames());
        for (String name : readColumns) {
            if (!present.contains(name)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: column %s is missing; present: %s", tableName, name, present));
            }
            DataType want = expected.apply(name).dataType();
            DataType got = actual.apply(name).dataType();
            if (!compatible(want, got)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: column %s must be %s, got %s", tableName, name, want.simpleString(),
                        got.simpleString()));
            }
        }
    }

    private static boolean compatible(DataType want, DataType got) {
        if (want instanceof DecimalType wantDecimal && got instanceof DecimalType gotDecimal) {
            return gotDecimal.scale() <= wantDecimal.scale()
                    && gotDecimal.precision() - gotDecimal.scale() <= wantDecimal.precision() - wantDecimal.scale();
        }
        return want.equals(got);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
