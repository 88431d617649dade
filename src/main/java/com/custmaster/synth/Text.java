package com.custmaster.synth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Quoting and escaping for the three file formats written (CSV per RFC 4180, JSON, SQL), kept in one
 * place so that every writer escapes the same way, plus the few case changes (always Locale.ROOT).
 */
final class Text {

    static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Text() {
    }

    /** A CSV field, quoted only when it contains a comma, a quote or a line break (RFC 4180). */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A CSV line without its line ending. */
    static String csvLine(List<String> values) {
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                builder.append(',');
            }
            builder.append(csvField(values.get(i)));
        }
        return builder.toString();
    }

    /** A JSON string literal, or {@code null}. Non-ASCII characters are written as they are (UTF-8). */
    static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder builder = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> builder.append("\\\"");
                case '\\' -> builder.append("\\\\");
                case '\n' -> builder.append("\\n");
                case '\r' -> builder.append("\\r");
                case '\t' -> builder.append("\\t");
                default -> {
                    if (c < 0x20) {
                        builder.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        builder.append(c);
                    }
                }
            }
        }
        return builder.append('"').toString();
    }

    /** An SQL string literal with single quotes doubled, or {@code NULL}. */
    static String sql(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    /** An ANSI date literal, or {@code NULL}. */
    static String sqlDate(LocalDate value) {
        return value == null ? "NULL" : "DATE '" + value + "'";
    }

    /** An ANSI timestamp literal. */
    static String sqlTimestamp(LocalDateTime value) {
        return "TIMESTAMP '" + SQL_TIMESTAMP.format(value) + "'";
    }

    static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** First letter upper case, the rest unchanged. */
    static String capitalise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }

    /** Null for an empty string, so optional fields can be written as JSON null or SQL NULL. */
    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
