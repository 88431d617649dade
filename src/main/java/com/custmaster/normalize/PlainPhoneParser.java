package com.custmaster.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses phone numbers written in the plain shapes almost every source uses (ASCII digits, spaces,
 * hyphens and brackets, with or without one leading "+") to the same {@link Phonenumber.PhoneNumber}
 * that {@link PhoneNumberUtil#parse(String, String)} returns, or to {@code null} when it cannot be
 * sure; the caller then asks libphonenumber.
 *
 * <p>Why: {@code PhoneNumberUtil.parse} took about 30% of the whole ingest time, most of it in
 * regular expressions that look for extensions ("ext. 12", "x12", "#", ";ext=", ",,"), letters
 * ("1-800-FLOWERS") and RFC 3966 syntax. None of those can occur in a text made only of digits,
 * spaces, hyphens and brackets: every extension form needs a letter, "#", "~", ";" or ",". What is
 * left is libphonenumber's own sequence of steps, done here with its own metadata and the same
 * regular expressions (international prefix, national prefix for parsing, general number pattern):
 *
 * <ol>
 *   <li>with a leading "+": the first 1, 2 or 3 digits that are a country calling code (shortest
 *       first, as libphonenumber tries them), the rest the national number;</li>
 *   <li>without: the default region's country code, unless the digits start with the region's
 *       international prefix or with its country code (libphonenumber then weighs whether that was
 *       meant; so do we, by not deciding);</li>
 *   <li>the national prefix ("0", or CN's carrier-code prefixes) is stripped when the region's
 *       pattern for it matches, unless the number was a viable national number before and is not
 *       after, or the stripped number is too short, possible only locally or of an invalid length;
 *       a national prefix with a transform rule (Argentina, Mexico and a few more) is not handled;</li>
 *   <li>leading zeros of the national number are kept as libphonenumber keeps them ("Italian
 *       leading zero").</li>
 * </ol>
 *
 * Anything else returns {@code null}: a non-geographic calling code (+800, +882...), an unknown
 * region, fewer than three digits, a national number shorter than two or longer than seventeen
 * digits. Possibility, validity and formatting stay with libphonenumber. PlainPhoneParserTest
 * compares this class with {@code PhoneNumberUtil.parse} on a table of shapes and on random numbers.
 */
final class PlainPhoneParser {

    /** libphonenumber's MAX_INPUT_STRING_LENGTH: longer input is an error there. */
    private static final int MAX_INPUT_LENGTH = 250;
    /** libphonenumber's MIN_LENGTH_FOR_NSN and MAX_LENGTH_FOR_NSN. */
    private static final int MIN_NATIONAL_LENGTH = 2;
    private static final int MAX_NATIONAL_LENGTH = 17;
    /** Fewer digits than this: libphonenumber's viability rules differ for tiny inputs, so it decides. */
    private static final int MIN_DIGITS = 3;
    private static final int MAX_COUNTRY_CODE_LENGTH = 3;
    private static final String NON_GEOGRAPHIC_REGION = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY;

    private final PhoneNumberUtil util;
    private final MetadataSource metadata;
    private final Set<String> supportedRegions;
    private final boolean[] callingCodes = new boolean[1000];
    /** Per region; empty for a region this class leaves to libphonenumber. */
    private final Map<String, Optional<RegionRules>> rulesByRegion = new ConcurrentHashMap<>();

    /**
     * What parsing needs of one region's metadata, with its patterns compiled once (libphonenumber
     * compiles them with no flags too).
     *
     * @param nationalPrefix the national prefix for parsing, or null when the region has none
     */
    private record RegionRules(int countryCode, String countryCodeText, Pattern internationalPrefix,
                               Pattern nationalPrefix, boolean nationalPrefixTransforms, Pattern generalNumber) {
    }

    PlainPhoneParser(PhoneNumberUtil util) {
        this.util = util;
        this.metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        this.supportedRegions = Set.copyOf(util.getSupportedRegions());
        for (int code : util.getSupportedCallingCodes()) {
            if (code > 0 && code < callingCodes.length) {
                callingCodes[code] = true;
            }
        }
    }

    /**
     * @param text the number as written, already cleaned ({@link Text#clean}) and with a leading
     *             "00" turned into "+"
     * @param region the default region, upper case
     * @return what {@code PhoneNumberUtil.parse(text, region)} returns, or null when this class does
     *         not handle the text (the caller asks libphonenumber, which may also throw)
     */
    Phonenumber.PhoneNumber parse(String text, String region) {
        if (text.length() > MAX_INPUT_LENGTH || !supportedRegions.contains(region)) {
            return null;
        }
        String digits = plainDigits(text);
        if (digits == null || digits.length() < MIN_DIGITS) {
            return null;
        }
        RegionRules rules;
        String national;
        if (text.charAt(0) == '+') {
            int length = countryCodeLength(digits);
            if (length == 0) {
                return null;
            }
            int countryCode = Integer.parseInt(digits, 0, length, 10);
            String countryRegion = util.getRegionCodeForCountryCode(countryCode);
            if (NON_GEOGRAPHIC_REGION.equals(countryRegion) || !supportedRegions.contains(countryRegion)) {
                return null;
            }
            rules = rules(countryRegion);
            national = digits.substring(length);
        } else {
            rules = rules(region);
            if (rules == null || rules.internationalPrefix().matcher(digits).lookingAt()
                    || digits.startsWith(rules.countryCodeText())) {
                return null;
            }
            national = digits;
        }
        if (rules == null || national.length() < MIN_NATIONAL_LENGTH || national.length() > MAX_NATIONAL_LENGTH) {
            return null;
        }
        String significant = withoutNationalPrefix(national, rules);
        if (significant == null || significant.length() < MIN_NATIONAL_LENGTH) {
            return null;
        }
        return number(rules.countryCode(), significant);
    }

    /**
     * The ASCII digits of {@code text} when it has only digits, spaces, hyphens, brackets and at most
     * a leading "+"; otherwise null.
     */
    private static String plainDigits(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) {
                return null;
            }
        }
        return digits.toString();
    }

    /** libphonenumber's extractCountryCode: the first 1 to 3 digits that are a known calling code; 0 if none. */
    private int countryCodeLength(String digits) {
        // More than two digits are needed after the "+" (TOO_SHORT_AFTER_IDD), and no code starts with 0.
        if (digits.length() <= MIN_NATIONAL_LENGTH || digits.charAt(0) == '0') {
            return 0;
        }
        int code = 0;
        for (int length = 1; length <= MAX_COUNTRY_CODE_LENGTH && length <= digits.length(); length++) {
            code = code * 10 + (digits.charAt(length - 1) - '0');
            if (callingCodes[code]) {
                return length;
            }
        }
        return 0;
    }

    /**
     * libphonenumber's maybeStripNationalPrefixAndCarrierCode followed by its length check; null when
     * the region's rule transforms the number instead of only cutting a prefix.
     */
    private String withoutNationalPrefix(String national, RegionRules rules) {
        if (rules.nationalPrefix() == null) {
            return national;
        }
        Matcher prefix = rules.nationalPrefix().matcher(national);
        if (!prefix.lookingAt()) {
            return national;
        }
        if (rules.nationalPrefixTransforms() && prefix.group(prefix.groupCount()) != null) {
            return null;
        }
        String stripped = national.substring(prefix.end());
        boolean viableBefore = rules.generalNumber().matcher(national).matches();
        if (viableBefore && !rules.generalNumber().matcher(stripped).matches()) {
            return national;
        }
        if (stripped.isEmpty()) {
            return null;
        }
        PhoneNumberUtil.ValidationResult length = util.isPossibleNumberWithReason(number(rules.countryCode(), stripped));
        return switch (length) {
            case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY, INVALID_LENGTH -> national;
            default -> stripped;
        };
    }

    /** libphonenumber's setItalianLeadingZerosForPhoneNumber and setNationalNumber. */
    private static Phonenumber.PhoneNumber number(int countryCode, String significant) {
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(countryCode);
        if (significant.length() > 1 && significant.charAt(0) == '0') {
            number.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < significant.length() - 1 && significant.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros != 1) {
                number.setNumberOfLeadingZeros(zeros);
            }
        }
        return number.setNationalNumber(Long.parseLong(significant));
    }

    /**
     * The rules of a region; null when the region has no metadata. {@code isPossibleNumberWithReason}
     * judges a number by the metadata of its calling code's main region, so a region that shares its
     * code without being its main region (Canada for +1) is left to libphonenumber.
     */
    private RegionRules rules(String region) {
        return rulesByRegion.computeIfAbsent(region, this::load).orElse(null);
    }

    private Optional<RegionRules> load(String region) {
        PhoneMetadata regionMetadata = metadata.getMetadataForRegion(region);
        if (regionMetadata == null) {
            return Optional.empty();
        }
        int countryCode = regionMetadata.getCountryCode();
        String general = regionMetadata.getGeneralDesc().getNationalNumberPattern();
        if (!region.equals(util.getRegionCodeForCountryCode(countryCode)) || general.isEmpty()) {
            return Optional.empty();
        }
        String nationalPrefix = regionMetadata.getNationalPrefixForParsing();
        String transformRule = regionMetadata.getNationalPrefixTransformRule();
        return Optional.of(new RegionRules(countryCode, Integer.toString(countryCode),
                Pattern.compile(regionMetadata.getInternationalPrefix()),
                nationalPrefix.isEmpty() ? null : Pattern.compile(nationalPrefix),
                transformRule != null && !transformRule.isEmpty(), Pattern.compile(general)));
    }
}
