package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The records to match as columns of match-key values (null when missing), by record index. Columns
 * keep the hot loops of blocking and comparison over plain arrays.
 */
final class RecordTable {

    private final int size;
    private final Map<String, String[]> columns;

    RecordTable(int size, Map<String, String[]> columns) {
        requireNonNull(columns, "columns is null");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        columns.forEach((key, column) -> {
            if (column.length != size) {
                throw new IllegalArgumentException("column " + key + " has " + column.length + " values, expected " + size);
            }
        });
        this.size = size;
        this.columns = Map.copyOf(columns);
    }

    int size() {
        return size;
    }

    String[] column(String key) {
        String[] column = columns.get(key);
        if (column == null) {
            throw new IllegalArgumentException("no column for match key " + key);
        }
        return column;
    }
}
