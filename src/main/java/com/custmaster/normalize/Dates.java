package com.custmaster.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
 *
 * <p>Most values are in a pattern of fixed-width numbers ("yyyy-MM-dd HH:mm:ss"): a value with
 * exactly that layout is read digit by digit and checked by {@link LocalDate#of} and
 * {@link LocalDateTime#of}, which accept what the strict formatter accepts; anything else goes
 * through the formatter.
 */
public final class Dates {

    private static final List<String> DATE_PATTERNS = List.of("yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd",
            "yyyy.MM.dd", "yyyy年M月d日");
    private static final List<String> TIMESTAMP_PATTERNS = List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm:ss.SSS");
    private static final ConcurrentHashMap<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Optional<FixedLayout>> LAYOUTS = new ConcurrentHashMap<>();
    private static final FixedLayout UTC_LAYOUT = FixedLayout.of("yyyy-MM-ddTHH:mm:ssZ", "-:TZ");

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
        LocalDateTime utc = utcTimestamp(text);
        if (utc != null) {
            return Optional.of(utc);
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
        FixedLayout layout = layout(pattern);
        if (layout != null && layout.fits(text)) {
            try {
                LocalDate date = LocalDate.of(layout.year(text), layout.month(text), layout.day(text));
                if (layout.hasTime()) {
                    // The formatter checks the time fields too, even when only the date is asked for.
                    LocalTime.of(layout.hour(text), layout.minute(text), layout.second(text));
                }
                return Optional.of(date);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.parse(text, strict(pattern)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDateTime> tryTimestamp(String text, String pattern) {
        FixedLayout layout = layout(pattern);
        if (layout != null && layout.hasTime() && layout.fits(text)) {
            try {
                return Optional.of(LocalDateTime.of(layout.year(text), layout.month(text), layout.day(text),
                        layout.hour(text), layout.minute(text), layout.second(text)));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
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

    /**
     * The commonest ISO form with an offset, {@code 2024-01-04T19:33:01Z}, read without the
     * formatter; null for anything else, including an impossible date, which then takes the
     * formatter's path as before.
     */
    private static LocalDateTime utcTimestamp(String text) {
        if (!UTC_LAYOUT.fits(text)) {
            return null;
        }
        try {
            return LocalDateTime.of(UTC_LAYOUT.year(text), UTC_LAYOUT.month(text), UTC_LAYOUT.day(text),
                    UTC_LAYOUT.hour(text), UTC_LAYOUT.minute(text), UTC_LAYOUT.second(text));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static FixedLayout layout(String pattern) {
        return LAYOUTS.computeIfAbsent(pattern, p -> Optional.ofNullable(FixedLayout.of(p, "-/.: "))).orElse(null);
    }

    /**
     * Where the digits of each field sit in a pattern made only of {@code yyyy} (or {@code uuuu}),
     * {@code MM}, {@code dd}, {@code HH}, {@code mm}, {@code ss} and the separators {@code - / . : }
     * and space, with year, month and day present and minutes wherever hours are. For a value of
     * exactly that layout (ASCII digits where the fields are, the same separators elsewhere) the
     * strict formatter reads the same numbers, so the two agree on every such value.
     *
     * @param positions start of each field in the value: year, month, day, hour, minute, second; -1 if absent
     */
    private record FixedLayout(String pattern, int[] positions) {

        private static final String FIELDS = "yMdHms";

        /** The layout of {@code pattern} with these literal characters, or null when it has anything else. */
        static FixedLayout of(String pattern, String literals) {
            int[] positions = {-1, -1, -1, -1, -1, -1};
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                int run = 1;
                while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                    run++;
                }
                int field = FIELDS.indexOf(c == 'u' ? 'y' : c);
                if (field >= 0) {
                    if (run != (field == 0 ? 4 : 2) || positions[field] >= 0) {
                        return null;
                    }
                    positions[field] = i;
                } else if (literals.indexOf(c) < 0) {
                    return null;
                }
                i += run;
            }
            boolean date = positions[0] >= 0 && positions[1] >= 0 && positions[2] >= 0;
            boolean time = positions[3] < 0 ? positions[4] < 0 && positions[5] < 0 : positions[4] >= 0;
            return date && time ? new FixedLayout(pattern, positions) : null;
        }

        boolean hasTime() {
            return positions[3] >= 0;
        }

        boolean fits(String text) {
            if (text.length() != pattern.length()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char p = pattern.charAt(i);
                char c = text.charAt(i);
                if (FIELDS.indexOf(p == 'u' ? 'y' : p) < 0 ? c != p : c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        int year(String text) {
            return number(text, positions[0], 4);
        }

        int month(String text) {
            return number(text, positions[1], 2);
        }

        int day(String text) {
            return number(text, positions[2], 2);
        }

        int hour(String text) {
            return number(text, positions[3], 2);
        }

        int minute(String text) {
            return number(text, positions[4], 2);
        }

        int second(String text) {
            return positions[5] < 0 ? 0 : number(text, positions[5], 2);
        }

        private static int number(String text, int start, int digits) {
            int value = 0;
            for (int i = start; i < start + digits; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return value;
        }
    }
}
