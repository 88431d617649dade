package com.custmaster.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal values before they reach a log or an error message: logs are read by more people
 * and kept longer than the database, so an email shows as {@code z***@example.com}, a phone number as
 * {@code ***33}, any other value as its first character and {@code ***}. {@link #scrub} masks every
 * email address and phone-like number in free text (an exception message of a database driver that
 * quotes the row, say); the log layout applies it to every line (docs/security.md).
 */
public final class Masking {

    /** An email address: local part, @, a domain with at least one dot. */
    private static final Pattern EMAIL = Pattern.compile("([\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]*@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");
    /**
     * A phone or identity number: a + and 7 to 15 digits, or 11 to 18 digits (an 18-character
     * Chinese ID may end in X), with single spaces, dashes or brackets between them. Counts, dates,
     * times, record ids and process ids have fewer digits in a row and stay readable, and digits
     * that are part of a word, a file name or a path ({@code orders_20261122103000.csv}) are left alone.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.+/-])(?:\\+\\d(?:[ ()-]?\\d){6,14}|\\d(?:[ -]?\\d){10,17}[Xx]?)(?![\\w./-])");
    private static final String MASK = "***";

    private Masking() {
    }

    /** {@code zhang.wei@example.com} → {@code z***@example.com}; a value that is no email is masked as text. */
    public static String email(String email) {
        if (email == null || email.isEmpty()) {
            return email;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return text(email);
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + MASK + email.substring(at);
    }

    /** {@code +86 130 4476 2133} → {@code ***33}: the last two digits, enough to tell two numbers apart. */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() <= 2 ? MASK : MASK + digits.substring(digits.length() - 2);
    }

    /** Any other personal value (a name, an address): its first character and {@code ***}. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, 1)) + MASK;
    }

    /** A JDBC URL with the value of any {@code password=} parameter hidden, for logs and messages. */
    public static String jdbcUrl(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^;&]*", "$1" + MASK);
    }

    /** Free text with every email address and phone-like number in it masked; the rest unchanged. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK + "@"
                + match.group(2)));
        return NUMBER.matcher(masked).replaceAll(match -> Matcher.quoteReplacement(phone(match.group())));
    }
}
