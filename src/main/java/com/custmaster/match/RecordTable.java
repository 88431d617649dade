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
    private final Map<String, int[]> ids = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * The column as small integers, equal values equal ids (0, 1, ...), {@link Blocking#NONE} for
     * missing: blocking groups on these instead of on text. Computed once per key.
     */
    int[] ids(String key) {
        return ids.computeIfAbsent(key, k -> {
            String[] column = column(k);
            int[] result = new int[column.length];
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < column.length; i++) {
                result[i] = column[i] == null ? Blocking.NONE : seen.computeIfAbsent(column[i], v -> seen.size());
            }
            return result;
        });
    }

    String[] column(String key) {
        String[] column = columns.get(key);
        if (column == null) {
            throw new IllegalArgumentException("no column for match key " + key);
        }
        return column;
    }
}
