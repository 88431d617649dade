package com.custmaster.normalize;

import java.util.Locale;
import java.util.Set;

/**
 * Email addresses: trimmed and lower-cased for display, plus a matching key that ignores
 * {@code +tags} and, for providers that ignore them, dots in the local part.
 *
 * <p>The syntax check runs for every record, so it is a loop over the characters rather than the
 * regular expression it stands for:
 * {@code [a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+}
 * (dot-separated atoms, one {@code @}, at least two dot-separated labels that start and end with a
 * letter or digit).
 */
public final class Emails {

    private static final String LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
    private static final Set<String> DOT_BLIND_DOMAINS = Set.of("gmail.com", "googlemail.com");

    private Emails() {
    }

    /** Trimmed, lower case; null when blank. */
    public static String clean(String raw) {
        String text = Text.clean(raw);
        return text == null ? null : text.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String cleaned) {
        if (cleaned == null || cleaned.length() > 254) {
            return false;
        }
        int at = cleaned.indexOf('@');
        return at > 0 && isLocalPart(cleaned, at) && isDomain(cleaned, at + 1);
    }

    /** Atoms of {@code [a-z0-9} and the symbols{@code ]+} joined by single dots, in {@code text[0, end)}. */
    private static boolean isLocalPart(String text, int end) {
        boolean atomStarted = false;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (!atomStarted) {
                    return false;
                }
                atomStarted = false;
            } else if (isLowerAsciiLetterOrDigit(c) || LOCAL_SYMBOLS.indexOf(c) >= 0) {
                atomStarted = true;
            } else {
                return false;
            }
        }
        return atomStarted;
    }

    /** At least two labels joined by dots, each {@code [a-z0-9]([a-z0-9-]*[a-z0-9])?}, from {@code start} to the end. */
    private static boolean isDomain(String text, int start) {
        int labels = 0;
        int labelStart = start;
        for (int i = start; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                char c = text.charAt(i);
                if (!isLowerAsciiLetterOrDigit(c) && c != '-') {
                    return false;
                }
                continue;
            }
            if (i == labelStart || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                return false;
            }
            labels++;
            labelStart = i + 1;
        }
        return labels >= 2;
    }

    private static boolean isLowerAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The key two addresses of one mailbox share; null when the address is not valid. */
    public static String key(String cleaned) {
        if (!isValid(cleaned)) {
            return null;
        }
        int at = cleaned.lastIndexOf('@');
        String local = cleaned.substring(0, at);
        String domain = cleaned.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (DOT_BLIND_DOMAINS.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
