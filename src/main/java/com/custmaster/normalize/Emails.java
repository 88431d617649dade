package com.custmaster.normalize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Email addresses: trimmed and lower-cased for display, plus a matching key that ignores
 * {@code +tags} and, for providers that ignore them, dots in the local part.
 */
public final class Emails {

    private static final Pattern SYNTAX = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");
    private static final Set<String> DOT_BLIND_DOMAINS = Set.of("gmail.com", "googlemail.com");

    private Emails() {
    }

    /** Trimmed, lower case; null when blank. */
    public static String clean(String raw) {
        String text = Text.clean(raw);
        return text == null ? null : text.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String cleaned) {
        return cleaned != null && cleaned.length() <= 254 && SYNTAX.matcher(cleaned).matches();
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
