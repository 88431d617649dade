package com.custmaster.normalize;

import java.text.Normalizer;

/** Whitespace and Unicode clean-up shared by all normalisers. */
public final class Text {

    private Text() {
    }

    /**
     * NFKC (which also turns full-width Latin letters and digits into half-width ones), control
     * characters dropped, whitespace collapsed and trimmed; null or blank becomes null.
     *
     * <p>Every field of every record passes here, so it is one loop rather than regular expressions,
     * and ASCII text (which NFKC leaves as it is) skips the normaliser. Control characters are
     * {@code \p{Cc}} other than tab, line feed and carriage return; whitespace is
     * {@code [\s\u00A0\u3000]}, with {@code \s} as in {@link java.util.regex.Pattern}. Controls go
     * first, so whitespace on either side of a dropped control collapses into one space.
     */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = isAscii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFKC);
        int length = text.length();
        if (length > 0 && isTidy(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isDroppedControl(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.length() == 0 ? null : out.toString();
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** True when {@link #clean} would change nothing: no controls, no leading, trailing, double or other spaces. */
    private static boolean isTidy(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (isDroppedControl(c)) {
                return false;
            }
            if (isSpace(c) && (c != ' ' || i == 0 || i == last || text.charAt(i + 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** {@code [\p{Cc}&&[^\t\n\r]]}: U+0000..U+001F and U+007F..U+009F except tab, line feed and carriage return. */
    private static boolean isDroppedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** {@code [\s\u00A0\u3000]} once controls are gone: space, tab, line feed, carriage return, U+00A0, U+3000. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u3000';
    }
}
