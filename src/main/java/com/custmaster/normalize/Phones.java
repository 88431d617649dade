package com.custmaster.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;

/**
 * Phone numbers to E.164 with libphonenumber, parsed with a default region for numbers written
 * without a country code. "0086 138..." style international prefixes are accepted whatever the
 * region's own dialling prefix. A number of a possible length but outside the ranges known to be
 * assigned (for example the UK's 07700 900xxx drama range) keeps its exact E.164 form and is marked
 * not valid; an impossible one has no E.164 form. Nothing is repaired or guessed.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** The common plain shapes without libphonenumber's parsing regular expressions; see its Javadoc. */
    private static final PlainPhoneParser PLAIN = new PlainPhoneParser(UTIL);
    /** libphonenumber's possibility and validity rules with the metadata looked up once; see its Javadoc. */
    private static final PhoneChecks CHECKS = new PhoneChecks(UTIL);

    private Phones() {
    }

    public static PhoneNumber normalize(String raw, String defaultRegion) {
        String text = Text.clean(raw);
        if (text == null) {
            return null;
        }
        String region = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
        String candidate = internationalPrefixToPlus(text);
        try {
            Phonenumber.PhoneNumber number = parse(candidate, region);
            // "Possible only locally" (no area code) is not enough to know which number it is.
            if (possibility(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
                return new PhoneNumber(null, null, text, false);
            }
            String extension = number.hasExtension() ? number.getExtension() : null;
            return new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), extension, text,
                    isValid(number));
        } catch (NumberParseException e) {
            return new PhoneNumber(null, null, text, false);
        }
    }

    /** {@code UTIL.parse(text, region)}, the same result faster for the plain shapes {@link PlainPhoneParser} knows. */
    static Phonenumber.PhoneNumber parse(String text, String region) throws NumberParseException {
        Phonenumber.PhoneNumber plain = PLAIN.parse(text, region);
        return plain != null ? plain : UTIL.parse(text, region);
    }

    /** {@code UTIL.isPossibleNumberWithReason(number)}, without its metadata look-ups where it can. */
    static PhoneNumberUtil.ValidationResult possibility(Phonenumber.PhoneNumber number) {
        PhoneNumberUtil.ValidationResult result = CHECKS.possibility(number);
        return result != null ? result : UTIL.isPossibleNumberWithReason(number);
    }

    /** {@code UTIL.isValidNumber(number)}, without its metadata look-ups where it can. */
    static boolean isValid(Phonenumber.PhoneNumber number) {
        Boolean valid = CHECKS.validity(number);
        return valid != null ? valid : UTIL.isValidNumber(number);
    }

    /**
     * "0086 138…", "(00)44 …" to "+86 138…", "+44 …": {@code text.replaceAll("^\\(?00\\)?\\s*(?=[1-9])", "+")}
     * without compiling the expression for every number.
     */
    private static String internationalPrefixToPlus(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && text.charAt(i) == '(') {
            i++;
        }
        if (!text.startsWith("00", i)) {
            return text;
        }
        i += 2;
        if (i < length && text.charAt(i) == ')') {
            i++;
        }
        while (i < length && isRegexSpace(text.charAt(i))) {
            i++;
        }
        if (i < length && text.charAt(i) >= '1' && text.charAt(i) <= '9') {
            return "+" + text.substring(i);
        }
        return text;
    }

    /** {@code \s} of {@link java.util.regex.Pattern}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
