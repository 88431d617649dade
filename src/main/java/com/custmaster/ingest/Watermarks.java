package com.custmaster.ingest;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.Incremental;
import com.custmaster.normalize.Dates;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Watermarks of incremental sources: parsing and comparing values of the watermark column, and the
 * committed watermark per source. A run reads rows above the committed watermark; the highest value
 * it read becomes the next watermark only when the whole run completes.
 */
public final class Watermarks {

    private final JdbcTemplate jdbc;

    public Watermarks(JdbcTemplate jdbc) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
    }

    /** The watermark committed by the last completed run, or empty for a first run. */
    public Optional<Comparable<?>> committed(String source, Incremental incremental) {
        String text = jdbc.query("SELECT watermark FROM source_watermark WHERE source = ?",
                rs -> rs.next() ? rs.getString(1) : null, source);
        return text == null ? Optional.empty() : Optional.ofNullable(parseStored(text, incremental.type()));
    }

    /** Makes {@code value} the source's watermark (called once the whole run has completed). */
    public void commit(String source, Incremental incremental, String value, java.time.LocalDate runDate) {
        jdbc.update("DELETE FROM source_watermark WHERE source = ?", source);
        jdbc.update("INSERT INTO source_watermark (source, watermark, watermark_type, run_date, committed_at) "
                        + "VALUES (?,?,?,?,?)", source, value, incremental.type().name().toLowerCase(java.util.Locale.ROOT),
                Date.valueOf(runDate), Timestamp.valueOf(LocalDateTime.now()));
    }

    /** A raw column value as a comparable watermark, or null when it is empty or does not parse. */
    public static Comparable<?> parse(String raw, Incremental incremental) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (incremental.type()) {
            case TIMESTAMP -> Dates.parseTimestamp(raw, incremental.dateFormat()).orElse(null);
            case NUMBER -> number(raw.trim());
            case TEXT -> raw;
        };
    }

    /** The stored (ISO) form of a watermark. */
    public static String format(Comparable<?> value) {
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    static Comparable<?> parseStored(String text, Incremental.Type type) {
        return switch (type) {
            case TIMESTAMP -> LocalDateTime.parse(text);
            case NUMBER -> number(text);
            case TEXT -> text;
        };
    }

    /** Compares two watermarks of the same type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Comparable<?> left, Comparable<?> right) {
        return ((Comparable) left).compareTo(right);
    }

    /** The value to bind in SQL for a watermark. */
    static Object sqlValue(Comparable<?> value) {
        return value instanceof LocalDateTime time ? Timestamp.valueOf(time) : value;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
