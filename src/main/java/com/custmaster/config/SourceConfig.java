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
 * @param maxRejectShare share of rejected records above which the source fails the run (an upstream
 *                       format change), checked once at least {@link #MIN_RECORDS_FOR_REJECT_SHARE} were read
 * @param incremental watermark settings, or null to read the whole source every night
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
        JdbcSettings jdbc,
        double maxRejectShare,
        Incremental incremental) {

    public static final double MAX_REJECT_SHARE_DEFAULT = 0.10;
    /** Below this many records a few bad rows say nothing about the format: the share is not checked. */
    public static final int MIN_RECORDS_FOR_REJECT_SHARE = 20;

    /** A source read in full every night, with the default reject limit. */
    public SourceConfig(String name, Path configFile, SourceType type, String location, Charset encoding, char delimiter,
                        char quote, boolean header, String idColumn, int priority, String phoneRegion,
                        String defaultCountry, Map<CanonicalField, FieldMapping> fields, JdbcSettings jdbc) {
        this(name, configFile, type, location, encoding, delimiter, quote, header, idColumn, priority, phoneRegion,
                defaultCountry, fields, jdbc, MAX_REJECT_SHARE_DEFAULT, null);
    }

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
        if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
            throw new IllegalArgumentException("maxRejectShare must be in [0, 1]: " + maxRejectShare);
        }
        if (priority < 1) {
            throw new IllegalArgumentException("priority must be >= 1: " + priority);
        }
        if (type == SourceType.JDBC) {
            requireNonNull(jdbc, "jdbc settings are required for a jdbc source");
        } else {
            requireNonNull(location, "path is required for a file source");
        }
        if (incremental != null && type == SourceType.JDBC && !incremental.column().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("incremental column of a jdbc source must be a plain identifier: "
                    + incremental.column());
        }
        EnumMap<CanonicalField, FieldMapping> copy = new EnumMap<>(CanonicalField.class);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
    }

    /** The same source reading another file or glob (tools and benchmarks). */
    public SourceConfig withLocation(String newLocation) {
        return new SourceConfig(name, configFile, type, newLocation, encoding, delimiter, quote, header, idColumn, priority,
                phoneRegion, defaultCountry, fields, jdbc, maxRejectShare, incremental);
    }
}
