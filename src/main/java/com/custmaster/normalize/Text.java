package com.custmaster.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Whitespace and Unicode clean-up shared by all normalisers. */
public final class Text {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private Text() {
    }

    /**
     * NFKC (which also turns full-width Latin letters and digits into half-width ones), control
     * characters dropped, whitespace collapsed and trimmed; null or blank becomes null.
     */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFKC);
        text = CONTROL.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").trim();
        return text.isEmpty() ? null : text;
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
