package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.RawRecord;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one canonical field is taken from a source record: a column (or dotted JSON path), a constant,
 * or several columns joined. An optional date format applies to date and timestamp fields.
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
