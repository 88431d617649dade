package com.custmaster.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queries run by DuckDB, in memory: the independent reader the tests read our Parquet outputs with,
 * so a table is checked by something that is not Spark.
 */
public final class DuckDb {

    private DuckDb() {
    }

    /** Every row of the query's result, each a map from column label to value (in label order). */
    public static List<Map<String, Object>> query(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB query failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
