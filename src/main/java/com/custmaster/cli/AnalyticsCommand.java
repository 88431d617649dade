package com.custmaster.cli;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.try_multiply;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.trim;

import com.custmaster.analytics.AnalyticsSchema;
import com.custmaster.analytics.CustomerValueJob;
import com.custmaster.analytics.CustomerValueResult;
import com.custmaster.batch.SparkSessions;
import com.custmaster.config.AnalyticsSettings;
import com.custmaster.config.ConfigException;
import com.custmaster.config.ConfigLoader;
import com.custmaster.publish.Lake;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custmaster analytics}: the nightly's customer-value job on a plain transactions file, the
 * customer id standing in for the master ID. The same code, settings and outputs as the nightly:
 * the tables under {@code DIR/<table>/snapshot_date=<as-of>/} (published atomically, with
 * {@code _SUCCESS}) and the fitted models in {@code DIR/models/churn_model.json}.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute customer value from a transactions CSV file with a header row: RFM with scores and "
                + "segments, value bands, K-means segments, the churn rule, and the BG/NBD and Gamma-Gamma forecasts "
                + "(p_alive, expected purchases in 90 days, expected value in 12 months), as of a date; transactions after "
                + "it are ignored. Writes customer_value, segment_profile, value_band_summary and rfm_segment_summary as "
                + "Parquet under DIR/<table>/snapshot_date=<as-of>/ and the fitted models as DIR/models/churn_model.json "
                + "(docs/outputs.md). Settings from conf/analytics.yml.",
                "",
                "Columns are mapped with --map: customer_id, order_ts and amount are needed (or quantity and unit_price "
                        + "instead of amount: amount = quantity x unit_price); order_id is optional. Returns are negative "
                        + "amounts; --where keeps only the rows matching a Spark SQL condition on the file's columns (all text: "
                        + "CAST(col AS DOUBLE) to compare numbers). Rows without a "
                        + "customer id, or whose order_ts or amount cannot be read, are counted and left out.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {"  jobs/analytics --transactions orders.csv --map customer_id=customer --map order_ts=ts \\",
                "      --map amount=total --as-of 2026-11-22 --out out/",
                "  jobs/analytics --transactions online_retail.csv --map customer_id=CustomerID --map order_id=InvoiceNo \\",
                "      --map order_ts=InvoiceDate --map quantity=Quantity --map unit_price=UnitPrice \\",
                "      --where \"CAST(Quantity AS DOUBLE) > 0 AND CAST(UnitPrice AS DOUBLE) > 0 AND InvoiceNo NOT LIKE 'C%%'\" \\",
                "      --as-of 2011-12-09 --out retail/"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (an unexpected error)",
                "2:usage or input error: a missing file or column, a bad mapping, date or setting (nothing written)"})
final class AnalyticsCommand implements Callable<Integer> {

    private static final Set<String> KEYS = Set.of("customer_id", "order_ts", "amount", "order_id", "quantity", "unit_price");
    private static final List<String> DEFAULT_FORMATS = List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd");

    @Spec
    CommandSpec spec;

    @Option(names = "--transactions", required = true, paramLabel = "FILE", description = "Transactions CSV file with a header row.")
    Path transactions;

    @Option(names = "--map", required = true, paramLabel = "KEY=COLUMN",
            description = "customer_id, order_ts, amount (or quantity and unit_price), optionally order_id; repeat for each.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "The snapshot date.")
    LocalDate asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created; tables of the same date replaced).")
    Path out;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "Spark datetime pattern of order_ts (default: ISO-like forms such as yyyy-MM-dd HH:mm:ss, yyyy-MM-dd).")
    String dateFormat;

    @Option(names = "--where", paramLabel = "CONDITION", description = "Keep only rows matching this Spark SQL condition.")
    String where;

    @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",", description = "Field delimiter (default ',').")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME", defaultValue = "UTF-8", description = "File encoding (default UTF-8).")
    String encoding;

    @Option(names = "--conf", paramLabel = "DIR", defaultValue = "${env:CUSTMASTER_HOME:-.}/conf",
            description = "Configuration folder whose analytics.yml holds the settings (default: conf/ of the installation; "
                    + "built-in defaults when it has none).")
    Path conf;

    /** A problem with the request or the file: exit 2 and one line. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Map<String, String> columns = mapping();
            if (!Files.isRegularFile(transactions)) {
                throw new Refusal("no file " + transactions);
            }
            AnalyticsSettings settings = settings();
            try (SparkSessions sessions = new SparkSessions()) {
                SparkSession spark = sessions.get();
                Dataset<Row> raw = spark.read().option("header", "true").option("sep", delimiter).option("encoding", encoding)
                        .option("inferSchema", "false").option("mode", "PERMISSIVE").csv(transactions.toString());
                for (String column : columns.values()) {
                    if (!Arrays.asList(raw.columns()).contains(column)) {
                        throw new Refusal(transactions + ": no column '" + column + "' (columns: " + String.join(", ",
                                raw.columns()) + ")");
                    }
                }
                long read = raw.count();
                if (where != null) {
                    raw = raw.where(expr(where));
                }
                Dataset<Row> typed = raw.select(
                        trim(col(quoted(columns.get("customer_id")))).as(AnalyticsSchema.MASTER_ID),
                        (columns.containsKey("order_id") ? trim(col(quoted(columns.get("order_id"))))
                                : monotonically_increasing_id().cast(DataTypes.StringType)).as(AnalyticsSchema.ORDER_ID),
                        timestamp(col(quoted(columns.get("order_ts")))).as(AnalyticsSchema.ORDER_TS),
                        amount(columns).as(AnalyticsSchema.AMOUNT)).cache();
                long rows = typed.count();
                long noCustomer = typed.where(col(AnalyticsSchema.MASTER_ID).isNull()
                        .or(col(AnalyticsSchema.MASTER_ID).equalTo(""))).count();
                Dataset<Row> usable = typed.where(col(AnalyticsSchema.MASTER_ID).isNotNull()
                        .and(col(AnalyticsSchema.MASTER_ID).notEqual("")));
                long unreadable = usable.where(col(AnalyticsSchema.ORDER_TS).isNull().or(col(AnalyticsSchema.AMOUNT).isNull()))
                        .count();
                Dataset<Row> valid = usable.where(col(AnalyticsSchema.ORDER_TS).isNotNull()
                        .and(col(AnalyticsSchema.AMOUNT).isNotNull()));
                Dataset<Row> customers = valid.select(AnalyticsSchema.MASTER_ID).distinct();
                Lake lake = new Lake(out.toAbsolutePath().toUri().toString(), spark.sparkContext().hadoopConfiguration());
                try (CustomerValueResult result = new CustomerValueJob().compute(spark, valid, customers, asOf, settings)) {
                    lake.stage(asOf, AnalyticsSchema.CUSTOMER_VALUE_TABLE,
                            result.customerValue().drop(Lake.PARTITION).orderBy(AnalyticsSchema.MASTER_ID));
                    lake.stage(asOf, AnalyticsSchema.SEGMENT_PROFILE_TABLE, result.segmentProfile().drop(Lake.PARTITION));
                    lake.stage(asOf, AnalyticsSchema.VALUE_BAND_SUMMARY_TABLE, result.valueBandSummary().drop(Lake.PARTITION));
                    lake.stage(asOf, AnalyticsSchema.RFM_SEGMENT_SUMMARY_TABLE,
                            result.rfmSegmentSummary().drop(Lake.PARTITION));
                    lake.publish(asOf);
                    result.churnModel().writeJson(out.resolve("models").resolve("churn_model.json"));
                    stdout.printf(Locale.ROOT, "%,d rows read: %,d used, %,d left out by --where, %,d without a customer id, "
                                    + "%,d with an unreadable order_ts or amount%n", read, rows - noCustomer - unreadable,
                            read - rows, noCustomer, unreadable);
                    stdout.printf(Locale.ROOT, "%,d customers, %,d with a purchase occasion up to %s; net revenue %s; "
                                    + "%d K-means segments%n", result.summary().customersScored(),
                            result.summary().customersWithPurchases(), asOf, result.summary().revenue().toPlainString(),
                            result.summary().chosenK());
                    stdout.println(result.churnModel().purchases() == null ? "BG/NBD: " + result.churnModel().note()
                            : String.format(Locale.ROOT, "BG/NBD: r %.4f, alpha %.4f days, a %.4f, b %.4f%s",
                            result.churnModel().purchases().r(), result.churnModel().purchases().alpha(),
                            result.churnModel().purchases().a(), result.churnModel().purchases().b(),
                            result.churnModel().purchases().converged() ? "" : " (did not converge)"));
                    stdout.println("wrote " + out.resolve("<table>").resolve(Lake.PARTITION + "=" + asOf) + " for "
                            + String.join(", ", AnalyticsSchema.CUSTOMER_VALUE_TABLE, AnalyticsSchema.SEGMENT_PROFILE_TABLE,
                            AnalyticsSchema.VALUE_BAND_SUMMARY_TABLE, AnalyticsSchema.RFM_SEGMENT_SUMMARY_TABLE) + ", and "
                            + out.resolve("models").resolve("churn_model.json"));
                } finally {
                    typed.unpersist();
                }
            }
            stdout.flush();
            return 0;
        } catch (Refusal | ConfigException e) {
            err.println((e instanceof ConfigException ? "configuration error: " : "error: ") + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        } catch (Exception e) {
            if (e instanceof AnalysisException) {
                // A --where or a column Spark cannot resolve: the user's input, not a failure.
                err.println("error: " + OperationalDatabase.firstLine(e));
                err.flush();
                return Main.EXIT_USAGE;
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                // The job reads every value with try_cast: a value the --where could not convert is the condition's.
                if (where != null && cause instanceof org.apache.spark.SparkThrowable spark
                        && String.valueOf(spark.getCondition()).startsWith("CAST_INVALID_INPUT")) {
                    err.println("error: --where: " + OperationalDatabase.firstLine(cause) + " (columns are text: compare "
                            + "numbers with CAST(column AS DOUBLE))");
                    err.flush();
                    return Main.EXIT_USAGE;
                }
            }
            throw e;
        }
    }

    private Map<String, String> mapping() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String map : maps) {
            int equals = map.indexOf('=');
            if (equals <= 0 || equals == map.length() - 1) {
                throw new Refusal("--map takes KEY=COLUMN, not '" + map + "'");
            }
            String key = map.substring(0, equals).trim();
            if (!KEYS.contains(key)) {
                throw new Refusal("--map: unknown key '" + key + "' (use customer_id, order_ts, amount, quantity, "
                        + "unit_price, order_id)");
            }
            if (columns.put(key, map.substring(equals + 1).trim()) != null) {
                throw new Refusal("--map: " + key + " is mapped twice");
            }
        }
        for (String needed : List.of("customer_id", "order_ts")) {
            if (!columns.containsKey(needed)) {
                throw new Refusal("--map " + needed + "=COLUMN is needed");
            }
        }
        boolean amount = columns.containsKey("amount");
        boolean product = columns.containsKey("quantity") || columns.containsKey("unit_price");
        if (amount == product || (product && !(columns.containsKey("quantity") && columns.containsKey("unit_price")))) {
            throw new Refusal("map either amount=COLUMN, or both quantity=COLUMN and unit_price=COLUMN");
        }
        return columns;
    }

    private AnalyticsSettings settings() {
        return Files.isRegularFile(conf.resolve("analytics.yml")) ? ConfigLoader.loadAnalytics(conf) : AnalyticsSettings.defaults();
    }

    /** The first pattern that reads the text; null when none does (never an error: such rows are counted). */
    private Column timestamp(Column text) {
        List<String> patterns = dateFormat != null ? List.of(dateFormat) : DEFAULT_FORMATS;
        Column[] attempts = patterns.stream().map(pattern -> try_to_timestamp(trim(text), lit(pattern))).toArray(Column[]::new);
        return attempts.length == 1 ? attempts[0] : coalesce(attempts);
    }

    /** The amount in money, rounded half up to cents; null when unreadable or too large. */
    private static Column amount(Map<String, String> columns) {
        DecimalType wide = DataTypes.createDecimalType(24, 6);
        Column money = columns.containsKey("amount") ? trim(col(quoted(columns.get("amount")))).try_cast(wide)
                : try_multiply(trim(col(quoted(columns.get("quantity")))).try_cast(wide),
                        trim(col(quoted(columns.get("unit_price")))).try_cast(wide));
        return round(money, 2).try_cast(AnalyticsSchema.MONEY);
    }

    private static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
