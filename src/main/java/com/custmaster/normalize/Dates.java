package com.custmaster.normalize;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates and timestamps in the formats sources use. Parsing is strict: 2023-02-30 is an error, not
 * 2023-03-02. A configured pattern is tried first, then common unambiguous formats.
 */
public final class Dates {

    private static final List<String> DATE_PATTERNS = List.of("yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd",
            "yyyy.MM.dd", "yyyy年M月d日");
    private static final List<String> TIMESTAMP_PATTERNS = List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm:ss.SSS");
    private static final ConcurrentHashMap<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private Dates() {
    }

    /** A strict formatter for a pattern written with 'y' years (as people write them). */
    static DateTimeFormatter strict(String pattern) {
        return FORMATTERS.computeIfAbsent(pattern, p -> DateTimeFormatter.ofPattern(p.replace('y', 'u'), Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT));
    }

    public static Optional<LocalDate> parseDate(String raw, String pattern) {
        String text = Text.clean(raw);
        if (text == null) {
            return Optional.empty();
        }
        if (pattern != null) {
            return tryDate(text, pattern);
        }
        for (String candidate : DATE_PATTERNS) {
            Optional<LocalDate> date = tryDate(text, candidate);
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    public static Optional<LocalDateTime> parseTimestamp(String raw, String pattern) {
        String text = Text.clean(raw);
        if (text == null) {
            return Optional.empty();
        }
        if (pattern != null) {
            return tryTimestamp(text, pattern);
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime());
        } catch (DateTimeParseException ignored) {
            // not ISO with offset; try the plain patterns
        }
        for (String candidate : TIMESTAMP_PATTERNS) {
            Optional<LocalDateTime> timestamp = tryTimestamp(text, candidate);
            if (timestamp.isPresent()) {
                return timestamp;
            }
        }
        return parseDate(text, null).map(LocalDate::atStartOfDay);
    }

    private static Optional<LocalDate> tryDate(String text, String pattern) {
        try {
            return Optional.of(LocalDate.parse(text, strict(pattern)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDateTime> tryTimestamp(String text, String pattern) {
        try {
            if (pattern.endsWith("X") || pattern.endsWith("XXX") || pattern.endsWith("Z")) {
                return Optional.of(OffsetDateTime.parse(text, strict(pattern))
                        .atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime());
            }
            return Optional.of(LocalDateTime.parse(text, strict(pattern)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
