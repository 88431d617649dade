package com.custmaster.ingest;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.ConfigException;
import com.custmaster.config.JdbcSettings;
import com.custmaster.config.SourceConfig;
import com.custmaster.domain.Masking;
import com.custmaster.domain.OperationalFailure;
import com.custmaster.domain.RawRecord;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a table or a read-only query of another database. The connection is opened read-only and
 * rows are ordered by the id column (by watermark and id for an incremental source, which reads only
 * rows above the committed watermark), so a restart skips exactly the rows already committed.
 */
final class JdbcSourceReader extends CountingSourceReader {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final SourceConfig source;
    private Connection connection;
    private Statement statement;
    private ResultSet rows;
    private List<String> columns;
    private String origin;
    private long rowNumber;

    JdbcSourceReader(SourceConfig source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    protected void doOpen() throws Exception {
        JdbcSettings jdbc = source.jdbc();
        try {
            connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
        } catch (SQLException e) {
            throw new SourceUnavailableException("source '" + source.name() + "': cannot connect to "
                    + Masking.jdbcUrl(jdbc.url()) + ": " + OperationalFailure.reasonOf(e), e);
        }
        connection.setReadOnly(true);
        String sql;
        if (jdbc.table() != null) {
            if (!jdbc.table().matches("[A-Za-z_][A-Za-z0-9_.]*") || !source.idColumn().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigException(source.configFile() + ": source '" + source.name()
                        + "': key 'jdbc.table': table and id column must be plain identifiers");
            }
            sql = "SELECT * FROM " + jdbc.table() + " ORDER BY " + source.idColumn();
            origin = "table " + jdbc.table();
        } else {
            sql = jdbc.query();
            origin = "query of source " + source.name();
        }
        if (source.incremental() != null) {
            String column = source.incremental().column();
            sql = "SELECT * FROM (" + sql.replaceFirst("(?i)\\s+ORDER\\s+BY\\s+.*$", "") + ") q"
                    + (lowerBound() == null ? "" : " WHERE q." + column + " > ?")
                    + " ORDER BY q." + column + ", q." + source.idColumn();
        }
        PreparedStatement prepared = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        if (source.incremental() != null && lowerBound() != null) {
            prepared.setObject(1, Watermarks.sqlValue(lowerBound()));
        }
        statement = prepared;
        statement.setFetchSize(1000);
        try {
            rows = prepared.executeQuery();
        } catch (SQLException e) {
            throw new SourceUnavailableException("source '" + source.name() + "': query failed: " + OperationalFailure.reasonOf(e), e);
        }
        ResultSetMetaData meta = rows.getMetaData();
        columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        checkMappedColumns(source, columns, origin);
        rowNumber = 0;
    }

    @Override
    protected RawRecord readNext() throws Exception {
        if (!rows.next()) {
            return null;
        }
        rowNumber++;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = rows.getObject(i + 1);
            values.put(columns.get(i), text(value));
        }
        return RawRecord.parsed(source.name(), origin, rowNumber, values);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().format(TIMESTAMP);
        }
        if (value instanceof java.time.LocalDateTime dateTime) {
            return dateTime.format(TIMESTAMP);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value.toString();
    }

    @Override
    protected void doClose() throws Exception {
        if (rows != null) {
            rows.close();
        }
        if (statement != null) {
            statement.close();
        }
        if (connection != null) {
            connection.close();
        }
        rows = null;
        statement = null;
        connection = null;
    }
}
