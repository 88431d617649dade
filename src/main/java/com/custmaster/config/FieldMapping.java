package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.RawRecord;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one canonical field is taken from a source record: a column (or dotted JSON path), a constant,
 * several columns joined, or one part of a column split at a separator. An optional date format applies to date and timestamp fields.
 * Declared in {@code conf/sources/*.yml}; see docs/configuration.md.
 */
public sealed interface FieldMapping {

    /** The value for this record, empty when the source has nothing there. */
    Optional<String> extract(RawRecord record);

    /** Source columns this mapping reads; checked against the source's header before data is read. */
    List<String> columns();

    /** Date pattern for date fields, or null for the defaults. */
    String dateFormat();

    record Column(String column, String dateFormat) implements FieldMapping {
        public Column {
            requireNonNull(column, "column is null");
        }

        @Override
        public Optional<String> extract(RawRecord record) {
            return record.value(column);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    record Constant(String value) implements FieldMapping {
        public Constant {
            requireNonNull(value, "value is null");
        }

        @Override
        public Optional<String> extract(RawRecord record) {
            return value.isBlank() ? Optional.empty() : Optional.of(value);
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public String dateFormat() {
            return null;
        }
    }

    /**
     * One part of a column split at a separator ("Smith, John" split at "," index 1 is "John");
     * a negative index counts from the end. Missing when the column has fewer parts.
     */
    record Split(String column, String separator, int index, String dateFormat) implements FieldMapping {
        public Split {
            requireNonNull(column, "column is null");
            requireNonNull(separator, "separator is null");
            if (separator.isEmpty()) {
                throw new IllegalArgumentException("split separator is empty");
            }
        }

        @Override
        public Optional<String> extract(RawRecord record) {
            return record.value(column).flatMap(value -> {
                String[] parts = value.split(java.util.regex.Pattern.quote(separator), -1);
                int position = index >= 0 ? index : parts.length + index;
                if (position < 0 || position >= parts.length || parts[position].isBlank()) {
                    return Optional.empty();
                }
                return Optional.of(parts[position].trim());
            });
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    record Concat(List<String> columns, String separator, String dateFormat) implements FieldMapping {
        public Concat {
            requireNonNull(columns, "columns is null");
            requireNonNull(separator, "separator is null");
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("concat needs at least one column");
            }
            columns = List.copyOf(columns);
        }

        @Override
        public Optional<String> extract(RawRecord record) {
            String joined = columns.stream()
                    .map(record::value)
                    .flatMap(Optional::stream)
                    .map(String::trim)
                    .collect(Collectors.joining(separator));
            return joined.isBlank() ? Optional.empty() : Optional.of(joined);
        }
    }
}
