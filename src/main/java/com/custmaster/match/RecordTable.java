package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records to match as columns of match-key values (null when missing), by record index. Columns
 * keep the hot loops of blocking and comparison over plain arrays.
 */
final class RecordTable {

    private final int size;
    private final Map<String, String[]> columns;
    private final Map<String, int[]> ids = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, long[][]> wordSets = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * The columns matching with {@code config} reads (blocking and training keys, compared fields and
     * the other fields of swapped levels), with {@code fallbacks} filling values a contact lacks (by
     * key, one value or null per contact). One place builds the table, so that a pair explained later
     * sees the very values the engine compared.
     */
    static RecordTable of(MatchingConfig config, List<Contact> contacts, Map<String, String[]> fallbacks) {
        requireNonNull(config, "config is null");
        requireNonNull(contacts, "contacts is null");
        requireNonNull(fallbacks, "fallbacks is null");
        Set<String> keys = new HashSet<>();
        config.blockingRules().forEach(rule -> keys.addAll(rule.keys()));
        config.trainingRules().forEach(rule -> keys.addAll(rule.keys()));
        config.comparisons().forEach(comparison -> {
            keys.add(comparison.field());
            comparison.levels().stream().filter(level -> level.with() != null).forEach(level -> keys.add(level.with()));
        });
        Map<String, String[]> columns = MatchFields.columns(contacts, keys);
        fallbacks.forEach((key, values) -> {
            String[] column = columns.get(key);
            if (column == null) {
                return;
            }
            if (values.length != column.length) {
                throw new IllegalArgumentException("fallback values for " + key + ": " + values.length + ", expected "
                        + column.length);
            }
            for (int i = 0; i < column.length; i++) {
                if (column[i] == null) {
                    column[i] = values[i];
                }
            }
        });
        return new RecordTable(contacts.size(), columns);
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

    /**
     * Each distinct value's {@link Comparators#wordSet}, by value id of {@link #ids}: computed once
     * per key, however many pairs (candidates, training, random) compare the values.
     */
    long[][] wordSets(String key) {
        return wordSets.computeIfAbsent(key, k -> {
            String[] column = column(k);
            int[] valueIds = ids(k);
            int distinct = 0;
            for (int id : valueIds) {
                distinct = Math.max(distinct, id + 1);
            }
            int[] firstRecord = new int[distinct];
            java.util.Arrays.fill(firstRecord, -1);
            for (int i = 0; i < valueIds.length; i++) {
                if (valueIds[i] != Blocking.NONE && firstRecord[valueIds[i]] < 0) {
                    firstRecord[valueIds[i]] = i;
                }
            }
            long[][] sets = new long[distinct][];
            java.util.stream.IntStream.range(0, distinct).parallel()
                    .forEach(id -> sets[id] = Comparators.wordSet(column[firstRecord[id]]));
            return sets;
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
