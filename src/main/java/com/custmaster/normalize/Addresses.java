package com.custmaster.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Address lines, postcodes, countries and company names: display clean-up plus the keys matching
 * compares (abbreviations unified, legal suffixes removed).
 */
public final class Addresses {

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("street", "st"), Map.entry("str", "st"), Map.entry("road", "rd"), Map.entry("avenue", "ave"),
            Map.entry("av", "ave"), Map.entry("lane", "ln"), Map.entry("drive", "dr"), Map.entry("court", "ct"),
            Map.entry("place", "pl"), Map.entry("square", "sq"), Map.entry("boulevard", "blvd"),
            Map.entry("apartment", "apt"), Map.entry("flat", "apt"), Map.entry("building", "bldg"),
            Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"));
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            "(?i)(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|\\b(co\\.?,?\\s*)?(ltd|limited|llc|inc|incorporated|plc|gmbh|ag|corp|corporation|company|co|s\\.?a|b\\.?v|pty)\\.?)\\s*$");
    private static final Map<String, String> COUNTRY_NAMES = Map.ofEntries(
            Map.entry("CHINA", "CN"), Map.entry("中国", "CN"), Map.entry("PRC", "CN"), Map.entry("HONG KONG", "HK"),
            Map.entry("香港", "HK"), Map.entry("TAIWAN", "TW"), Map.entry("台湾", "TW"), Map.entry("UNITED KINGDOM", "GB"),
            Map.entry("UK", "GB"), Map.entry("ENGLAND", "GB"), Map.entry("UNITED STATES", "US"), Map.entry("USA", "US"),
            Map.entry("GERMANY", "DE"), Map.entry("DEUTSCHLAND", "DE"));

    private Addresses() {
    }

    public static String line(String raw) {
        return Text.clean(raw);
    }

    /** Lower case with common abbreviations unified ("12 Baker Street" and "12 baker st." compare equal). */
    public static String lineKey(String line) {
        if (line == null) {
            return null;
        }
        String lower = Names.simplified(line).toLowerCase(Locale.ROOT).replaceAll("[.,#]", " ");
        Matcher matcher = WORD.matcher(lower);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, ABBREVIATIONS.getOrDefault(matcher.group(), matcher.group()));
        }
        matcher.appendTail(out);
        return Text.clean(out.toString());
    }

    /** Upper case without spaces ("sw1a 1aa" becomes "SW1A1AA"). */
    public static String postcode(String raw) {
        String text = Text.clean(raw);
        if (text == null) {
            return null;
        }
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // [\s-] of java.util.regex: space, tab, line feed, vertical tab, form feed, carriage return, hyphen
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r' && c != '-') {
                compact.append(c);
            }
        }
        String upper = compact.toString().toUpperCase(Locale.ROOT);
        return upper.isEmpty() ? null : upper;
    }

    /** ISO 3166 alpha-2 code when recognised, otherwise the cleaned upper-case text. */
    public static String country(String raw) {
        String text = Text.clean(raw);
        if (text == null) {
            return null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return COUNTRY_NAMES.getOrDefault(upper, upper);
    }

    /**
     * The country a region names, when it names one ("香港", "Hong Kong", "台湾"): sources often put
     * these territories in the province column. Null for ordinary regions.
     */
    public static String countryOfRegion(String region) {
        String text = Text.clean(region);
        return text == null ? null : COUNTRY_NAMES.get(text.toUpperCase(Locale.ROOT));
    }

    public static String city(String raw) {
        return Names.simplified(Text.clean(raw));
    }

    /** Company name for matching: simplified script, lower case, legal form removed. */
    public static String companyKey(String company) {
        String text = Names.simplified(Text.clean(company));
        if (text == null) {
            return null;
        }
        String previous;
        String key = text;
        do {
            previous = key;
            key = LEGAL_SUFFIX.matcher(key).replaceAll("").trim();
        } while (!key.equals(previous) && !key.isEmpty());
        key = NOT_LETTERS_OR_DIGITS.matcher(key.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return key.isEmpty() ? null : key;
    }
}
