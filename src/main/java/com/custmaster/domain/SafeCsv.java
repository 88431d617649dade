package com.custmaster.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV cells for files people open in spreadsheets: RFC 4180 quoting, and a leading apostrophe on
 * any value a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab,
 * carriage return). Every CSV the product writes goes through here.
 */
public final class SafeCsv {

    private SafeCsv() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isPlainNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * A cell as a person meant it, read back from a file written by {@link #cell}: the apostrophe put
     * before a formula-like value is taken off (an apostrophe before anything else stays).
     */
    public static String uncell(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }

    public static String row(List<?> values) {
        return values.stream().map(SafeCsv::cell).collect(Collectors.joining(","));
    }

    private static boolean isPlainNumber(String text) {
        return text.matches("[-+]?\\d+(\\.\\d+)?");
    }
}
