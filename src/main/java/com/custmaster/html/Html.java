package com.custmaster.html;

import java.util.Locale;

/**
 * The one place where text becomes HTML (the steward console's pages and the run report). Every value put into a page goes through
 * {@link #escape} by way of {@link #of}, which escapes each argument unless it is {@link Safe}
 * markup built the same way; so a name like {@code <script>} in a source record reads as text.
 */
public final class Html {

    /** Markup whose values were escaped already; put into a page as is. */
    public record Safe(String html) {
        public Safe {
            java.util.Objects.requireNonNull(html, "html is null");
        }

        @Override
        public String toString() {
            return html;
        }
    }

    public static final Safe EMPTY = new Safe("");

    private Html() {
    }

    /** Text as HTML text or attribute value (quoted with double quotes). Null is empty. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Markup from a template of our own with {@code %s} for each argument; each argument is escaped
     * unless it is {@link Safe}.
     */
    public static Safe of(String template, Object... args) {
        Object[] escaped = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            escaped[i] = args[i] instanceof Safe safe ? safe.html() : escape(args[i]);
        }
        return new Safe(String.format(Locale.ROOT, template, escaped));
    }

    /** Pieces of markup one after another. */
    public static Safe join(Iterable<Safe> pieces) {
        StringBuilder out = new StringBuilder();
        pieces.forEach(piece -> out.append(piece.html()));
        return new Safe(out.toString());
    }
}
