package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.PseudonymKey;
import com.custmaster.publish.Lake;
import com.custmaster.publish.LakeTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Snapshots the customer master and the crosswalk from the database into the lake's staging area,
 * sorted by key so the files are the same for the same data. The customer-value step reads them
 * back from there, so it runs the same way on a cluster that cannot reach the database. With
 * {@code pseudonymise_contacts} the master's contact fields are written as keyed hashes.
 */
final class ExportTasklet implements Tasklet {

    /** Contact columns of customer_master replaced by keyed hashes in pseudonymised outputs. */
    static final List<String> PSEUDONYMISED_COLUMNS = List.of("full_name", "given_name", "family_name", "email", "phone",
            "address_line", "postcode", "company", "id_number");

    private final JdbcTemplate jdbc;
    private final SparkSessions spark;
    private final Lake lake;
    private final Optional<PseudonymKey> pseudonymKey;

    /** @param pseudonymKey present: contact fields are written as pseudonyms (docs/security.md) */
    ExportTasklet(JdbcTemplate jdbc, SparkSessions spark, Lake lake, Optional<PseudonymKey> pseudonymKey) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.pseudonymKey = requireNonNull(pseudonymKey, "pseudonymKey is null");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        LocalDate runDate = StepStats.runDate(context);
        SparkSession session = spark.get();
        // Sorted here, not by ORDER BY: the same row order on H2 and on a PostgreSQL database of any collation.
        List<Row> masters = rows("SELECT * FROM customer_master WHERE status = 'active'", LakeTables.CUSTOMER_MASTER_SCHEMA);
        masters.sort(Comparator.comparing((Row row) -> row.getString(0)));
        if (pseudonymKey.isPresent()) {
            masters = masters.stream().map(row -> pseudonymised(row, pseudonymKey.get())).toList();
            StepStats.of(context).putString("pseudonymised", String.join(",", PSEUDONYMISED_COLUMNS));
        }
        lake.stage(runDate, LakeTables.CUSTOMER_MASTER, session.createDataFrame(masters, LakeTables.CUSTOMER_MASTER_SCHEMA));
        List<Row> xref = rows("SELECT source, source_record_id, master_id FROM master_xref", LakeTables.CUSTOMER_XREF_SCHEMA);
        xref.sort(Comparator.comparing((Row row) -> row.getString(0)).thenComparing(row -> row.getString(1)));
        lake.stage(runDate, LakeTables.CUSTOMER_XREF, session.createDataFrame(xref, LakeTables.CUSTOMER_XREF_SCHEMA));
        StepStats.of(context).putLong("rows.customer_master", masters.size());
        StepStats.of(context).putLong("rows.customer_xref", xref.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * A master row for wider audiences: contact fields as keyed hashes, the birth date as the first
     * day of its year; city, region, country and the figures stay as they are.
     */
    static Row pseudonymised(Row row, PseudonymKey key) {
        StructField[] fields = LakeTables.CUSTOMER_MASTER_SCHEMA.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].name();
            Object value = row.get(i);
            if (PSEUDONYMISED_COLUMNS.contains(name)) {
                value = key.pseudonym(name, (String) value);
            } else if (name.equals("birth_date") && value != null) {
                value = ((LocalDate) value).withDayOfYear(1);
            }
            values[i] = value;
        }
        return RowFactory.create(values);
    }

    /** Query rows shaped by the table's schema: the schema is the one list of columns. */
    private List<Row> rows(String sql, StructType schema) {
        StructField[] fields = schema.fields();
        return jdbc.query(sql, (rs, index) -> {
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = value(rs, fields[i].name(), fields[i].dataType());
            }
            return RowFactory.create(values);
        });
    }

    private static Object value(ResultSet rs, String column, DataType type) throws SQLException {
        if (type.equals(DataTypes.DateType)) {
            java.sql.Date date = rs.getDate(column);
            return date == null ? null : date.toLocalDate();
        }
        if (type.equals(DataTypes.IntegerType)) {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : value;
        }
        if (type.equals(DataTypes.LongType)) {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }
        return rs.getString(column);
    }
}
