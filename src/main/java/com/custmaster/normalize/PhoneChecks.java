package com.custmaster.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@link PhoneNumberUtil#isPossibleNumberWithReason} and {@link PhoneNumberUtil#isValidNumber} for
 * numbers of a geographic calling code, answered from libphonenumber's metadata with every pattern
 * compiled once per region.
 *
 * <p>Why: after parsing got its fast path, these two calls were a fifth of the ingest time, and
 * most of that was not the matching itself but finding the metadata and the compiled patterns again
 * for every number (file-name strings, a synchronised LRU cache of patterns keyed by their text).
 * The rules are libphonenumber's own, step for step:
 *
 * <ul>
 *   <li>possible: the length of the national significant number against the possible and
 *       local-only lengths of the general description of the calling code's main region
 *       ({@code testNumberLength} for an unknown type);</li>
 *   <li>valid: the region is the only one of the calling code or, when the code is shared (+1, +7,
 *       +44...), the first in libphonenumber's order whose leading digits match or, without leading
 *       digits, whose number types know the number; the number is valid when it matches the general
 *       description and one of the number types (premium rate, toll free, shared cost, VoIP, personal,
 *       pager, UAN, voicemail, fixed line, mobile), each checked by its possible lengths and then its
 *       full pattern ({@code getNumberTypeHelper} is not UNKNOWN).</li>
 * </ul>
 *
 * Non-geographic codes (+800, +882...) and unknown codes get {@code null}: the caller asks
 * libphonenumber. PhoneChecksTest compares both answers with libphonenumber's on random numbers.
 */
final class PhoneChecks {

    private final PhoneNumberUtil util;
    private final MetadataSource metadata;
    /** Per calling code, its regions in libphonenumber's order; empty when this class does not answer. */
    private final Map<Integer, Optional<List<RegionTypes>>> regionsByCode = new ConcurrentHashMap<>();

    /** A number description: its possible lengths (empty: any) and its pattern (null: matches nothing). */
    private record Description(boolean[] lengths, boolean anyLength, Pattern pattern) {

        static Description of(PhoneNumberDesc desc) {
            boolean[] lengths = new boolean[MAX_LENGTH + 1];
            for (int length : desc.getPossibleLengthList()) {
                if (length >= 0 && length <= MAX_LENGTH) {
                    lengths[length] = true;
                }
            }
            String pattern = desc.getNationalNumberPattern();
            return new Description(lengths, desc.getPossibleLengthList().isEmpty(),
                    pattern.isEmpty() ? null : Pattern.compile(pattern));
        }

        /** libphonenumber's isNumberMatchingDesc. */
        boolean matches(String national) {
            int length = national.length();
            if (!anyLength && (length > MAX_LENGTH || !lengths[length])) {
                return false;
            }
            return pattern != null && pattern.matcher(national).matches();
        }
    }

    /** Longer national numbers than libphonenumber's MAX_LENGTH_FOR_NSN never occur in its metadata. */
    private static final int MAX_LENGTH = 17;

    /**
     * What the checks need of one region.
     *
     * @param leadingDigits the region's leading-digits pattern within a shared code, or null
     * @param types the number types in the order getNumberTypeHelper tries them
     * @param possibleLengths the general description's possible lengths, ascending
     * @param localOnlyLengths the general description's local-only lengths
     */
    private record RegionTypes(Pattern leadingDigits, Description general, List<Description> types,
                               List<Integer> possibleLengths, List<Integer> localOnlyLengths) {

        /** getNumberTypeHelper(national, metadata) != UNKNOWN. */
        boolean knows(String national) {
            if (!general.matches(national)) {
                return false;
            }
            for (Description type : types) {
                if (type.matches(national)) {
                    return true;
                }
            }
            return false;
        }
    }

    PhoneChecks(PhoneNumberUtil util) {
        this.util = util;
        this.metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    }

    /** What {@code util.isPossibleNumberWithReason(number)} says, or null when this class does not answer. */
    PhoneNumberUtil.ValidationResult possibility(Phonenumber.PhoneNumber number) {
        List<RegionTypes> regions = regions(number.getCountryCode());
        if (regions == null) {
            return null;
        }
        // The main region of the code comes first in libphonenumber's list, and it judges the length.
        RegionTypes main = regions.get(0);
        List<Integer> possible = main.possibleLengths();
        if (possible.isEmpty()) {
            return null;
        }
        int length = util.getNationalSignificantNumber(number).length();
        if (possible.get(0) == -1) {
            return PhoneNumberUtil.ValidationResult.INVALID_LENGTH;
        }
        if (main.localOnlyLengths().contains(length)) {
            return PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY;
        }
        int minimum = possible.get(0);
        if (minimum == length) {
            return PhoneNumberUtil.ValidationResult.IS_POSSIBLE;
        } else if (minimum > length) {
            return PhoneNumberUtil.ValidationResult.TOO_SHORT;
        } else if (possible.get(possible.size() - 1) < length) {
            return PhoneNumberUtil.ValidationResult.TOO_LONG;
        }
        return possible.subList(1, possible.size()).contains(length)
                ? PhoneNumberUtil.ValidationResult.IS_POSSIBLE : PhoneNumberUtil.ValidationResult.INVALID_LENGTH;
    }

    /** What {@code util.isValidNumber(number)} says, or null when this class does not answer. */
    Boolean validity(Phonenumber.PhoneNumber number) {
        List<RegionTypes> regions = regions(number.getCountryCode());
        if (regions == null) {
            return null;
        }
        String national = util.getNationalSignificantNumber(number);
        if (regions.size() == 1) {
            return regions.get(0).knows(national);
        }
        // getRegionCodeForNumberFromRegionList, then isValidNumberForRegion for the region it finds.
        for (RegionTypes region : regions) {
            if (region.leadingDigits() != null) {
                if (region.leadingDigits().matcher(national).lookingAt()) {
                    return region.knows(national);
                }
            } else if (region.knows(national)) {
                return true;
            }
        }
        return false;
    }

    private List<RegionTypes> regions(int countryCode) {
        return regionsByCode.computeIfAbsent(countryCode, this::load).orElse(null);
    }

    private Optional<List<RegionTypes>> load(int countryCode) {
        List<String> codes = util.getRegionCodesForCountryCode(countryCode);
        if (codes.isEmpty() || codes.contains(PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY)) {
            return Optional.empty();
        }
        List<RegionTypes> regions = new ArrayList<>();
        for (String code : codes) {
            PhoneMetadata region = metadata.getMetadataForRegion(code);
            if (region == null) {
                return Optional.empty();
            }
            List<Description> types = new ArrayList<>();
            for (PhoneNumberDesc desc : List.of(region.getPremiumRate(), region.getTollFree(), region.getSharedCost(),
                    region.getVoip(), region.getPersonalNumber(), region.getPager(), region.getUan(),
                    region.getVoicemail(), region.getFixedLine())) {
                types.add(Description.of(desc));
            }
            if (!region.getSameMobileAndFixedLinePattern()) {
                types.add(Description.of(region.getMobile()));
            }
            PhoneNumberDesc general = region.getGeneralDesc();
            regions.add(new RegionTypes(region.hasLeadingDigits() ? Pattern.compile(region.getLeadingDigits()) : null,
                    Description.of(general), List.copyOf(types), List.copyOf(general.getPossibleLengthList()),
                    List.copyOf(general.getPossibleLengthLocalOnlyList())));
        }
        return Optional.of(List.copyOf(regions));
    }
}
