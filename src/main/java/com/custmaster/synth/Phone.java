package com.custmaster.synth;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A telephone number held once, as national digits without trunk prefix, and written in whichever
 * style a source uses. Holding it canonically is what lets the truth say that "+86 138 0013 8000"
 * and "138-0013-8000" are the same line.
 *
 * @param culture    the numbering plan
 * @param mobile     mobile or landline (decides grouping and, in China, the trunk prefix)
 * @param national   digits after the country code, without trunk 0 (e.g. "13800138000", "2079460123")
 * @param areaLength digits of {@code national} that are the area code (0 for mobiles and Hong Kong)
 */
record Phone(Culture culture, boolean mobile, String national, int areaLength) {

    Phone {
        requireNonNull(culture, "culture is null");
        requireNonNull(national, "national is null");
        if (national.isEmpty() || !national.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Phone number must be digits only, got '" + national + "'");
        }
    }

    /** The canonical form used in the truth files, e.g. {@code +8613800138000}. */
    String e164() {
        return "+" + culture.callingCode() + national;
    }

    /** The trunk prefix dialled inside the country ("0" for UK numbers, "" for Chinese mobiles). */
    String trunk() {
        return switch (culture) {
            case MAINLAND -> mobile ? "" : "0";
            case HONG_KONG, US -> "";
            case TAIWAN, UK, GERMANY -> "0";
        };
    }

    /** The digit groups a person would write with spaces between them. */
    List<String> groups() {
        String n = national;
        int a = areaLength;
        return switch (culture) {
            case MAINLAND -> mobile
                    ? List.of(n.substring(0, 3), n.substring(3, 7), n.substring(7))
                    : List.of(n.substring(0, a), n.substring(a, a + 4), n.substring(a + 4));
            case HONG_KONG -> List.of(n.substring(0, 4), n.substring(4));
            case TAIWAN -> mobile
                    ? List.of(n.substring(0, 3), n.substring(3, 6), n.substring(6))
                    : List.of(n.substring(0, a), n.substring(a, n.length() - 4), n.substring(n.length() - 4));
            case UK -> {
                if (mobile) {
                    yield List.of(n.substring(0, 4), n.substring(4));
                }
                yield a == 2
                        ? List.of(n.substring(0, 2), n.substring(2, 6), n.substring(6))
                        : List.of(n.substring(0, 3), n.substring(3, 6), n.substring(6));
            }
            case US -> List.of(n.substring(0, 3), n.substring(3, 6), n.substring(6));
            case GERMANY -> List.of(n.substring(0, a), n.substring(a));
        };
    }

    /** The number as a source writes it in the given style. */
    String format(PhoneStyle style) {
        String code = culture.callingCode();
        List<String> g = groups();
        return switch (style) {
            case INTERNATIONAL -> culture == Culture.US
                    ? "+1 " + String.join("-", g)
                    : "+" + code + " " + String.join(" ", g);
            case INTERNATIONAL_COMPACT -> "+" + code + national;
            case INTERNATIONAL_00 -> "00" + code + " " + national;
            case INTERNATIONAL_00_DASHED -> "00" + code + "-" + String.join("-", g);
            case NATIONAL -> nationalGrouped(g);
            case NATIONAL_COMPACT -> trunk() + national;
            case NATIONAL_DASHED -> trunk() + String.join("-", g);
            case TRUNK_IN_BRACKETS -> trunk().isEmpty()
                    ? format(PhoneStyle.INTERNATIONAL)
                    : "+" + code + " (" + trunk() + ")" + String.join(" ", g);
            case BARE_TRUNK_IN_BRACKETS -> trunk().isEmpty()
                    ? nationalGrouped(g)
                    : "(" + trunk() + ")" + String.join(" ", g);
            case CODE_DASH -> code + "-" + national;
        };
    }

    private String nationalGrouped(List<String> g) {
        return switch (culture) {
            case MAINLAND -> mobile ? String.join(" ", g) : "0" + g.get(0) + "-" + g.get(1) + g.get(2);
            case HONG_KONG -> String.join(" ", g);
            case TAIWAN -> mobile
                    ? "0" + String.join(" ", g)
                    : "(0" + g.get(0) + ") " + g.get(1) + "-" + g.get(2);
            case UK, GERMANY -> trunk() + String.join(" ", g);
            case US -> "(" + g.get(0) + ") " + g.get(1) + "-" + g.get(2);
        };
    }
}
