package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.CanonicalField;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One contact source, as declared in {@code conf/sources/<name>.yml}. Everything that differs
 * between sources (format, encoding, columns, phone region, priority) lives here so that the
 * ingest code is the same for all of them.
 *
 * @param configFile the file this source was declared in (for error messages)
 * @param location file path or glob for file sources, null for JDBC
 * @param idColumn column holding the source's record id
 * @param priority survivorship rank: 1 is the most trusted source
 * @param phoneRegion ISO region for phone numbers written without a country code
 * @param defaultCountry ISO country used when a record has none
 */
public record SourceConfig(
        String name,
        Path configFile,
        SourceType type,
        String location,
        Charset encoding,
        char delimiter,
        char quote,
        boolean header,
        String idColumn,
        int priority,
        String phoneRegion,
        String defaultCountry,
        Map<CanonicalField, FieldMapping> fields,
        JdbcSettings jdbc) {

    public SourceConfig {
        requireNonNull(name, "name is null");
        requireNonNull(configFile, "configFile is null");
        requireNonNull(type, "type is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(idColumn, "idColumn is null");
        requireNonNull(phoneRegion, "phoneRegion is null");
        requireNonNull(fields, "fields is null");
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("source name must be lower-case letters, digits and _: " + name);
        }
        if (priority < 1) {
            throw new IllegalArgumentException("priority must be >= 1: " + priority);
        }
        if (type == SourceType.JDBC) {
            requireNonNull(jdbc, "jdbc settings are required for a jdbc source");
        } else {
            requireNonNull(location, "path is required for a file source");
        }
        EnumMap<CanonicalField, FieldMapping> copy = new EnumMap<>(CanonicalField.class);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
    }
}
