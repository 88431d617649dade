package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import com.custmaster.publish.Lake;
import com.custmaster.publish.LakeTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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
 * back from there, so it runs the same way on a cluster that cannot reach the database.
 */
final class ExportTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final SparkSessions spark;
    private final Lake lake;

    ExportTasklet(JdbcTemplate jdbc, SparkSessions spark, Lake lake) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        LocalDate runDate = StepStats.runDate(context);
        SparkSession session = spark.get();
        // Sorted here, not by ORDER BY: the same row order on H2 and on a PostgreSQL database of any collation.
        List<Row> masters = rows("SELECT * FROM customer_master WHERE status = 'active'", LakeTables.CUSTOMER_MASTER_SCHEMA);
        masters.sort(Comparator.comparing((Row row) -> row.getString(0)));
        lake.stage(runDate, LakeTables.CUSTOMER_MASTER, session.createDataFrame(masters, LakeTables.CUSTOMER_MASTER_SCHEMA));
        List<Row> xref = rows("SELECT source, source_record_id, master_id FROM master_xref", LakeTables.CUSTOMER_XREF_SCHEMA);
        xref.sort(Comparator.comparing((Row row) -> row.getString(0)).thenComparing(row -> row.getString(1)));
        lake.stage(runDate, LakeTables.CUSTOMER_XREF, session.createDataFrame(xref, LakeTables.CUSTOMER_XREF_SCHEMA));
        StepStats.of(context).putLong("rows.customer_master", masters.size());
        StepStats.of(context).putLong("rows.customer_xref", xref.size());
        return RepeatStatus.FINISHED;
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
