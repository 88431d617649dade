package com.custmaster.synth;

import java.util.List;

/**
 * Telephone numbers by numbering plan: Chinese mobiles by operator prefix, Hong Kong 8-digit numbers,
 * UK mobiles in 07700 900xxx and landlines in the drama ranges, US 555-01xx. Uniqueness is the
 * caller's business (see {@link PersonFactory}).
 */
final class Numbers {

    private static final List<String> MAINLAND_MOBILE_PREFIXES = List.of("130", "131", "132", "133", "135", "136",
            "137", "138", "139", "150", "151", "152", "155", "156", "158", "159", "166", "177", "180", "182", "185",
            "186", "187", "188", "189", "199");
    private static final List<String> GERMAN_MOBILE_PREFIXES = List.of("151", "160", "170", "176");

    private Numbers() {
    }

    static Phone mobile(Culture culture, Dice dice) {
        return switch (culture) {
            case MAINLAND -> new Phone(culture, true, dice.pick(MAINLAND_MOBILE_PREFIXES) + dice.digits(8), 0);
            case HONG_KONG -> new Phone(culture, true, dice.pick(List.of("5", "6", "9")) + dice.digits(7), 0);
            case TAIWAN -> new Phone(culture, true, "9" + dice.digits(8), 0);
            case UK -> new Phone(culture, true, "7700900" + dice.digits(3), 0);
            case US -> new Phone(culture, true, Places.randomUsAreaCode(dice) + "55501" + dice.digits(2), 3);
            case GERMANY -> new Phone(culture, true, dice.pick(GERMAN_MOBILE_PREFIXES) + dice.digits(8), 3);
        };
    }

    /** A landline in the given city ("Beijing", "London"; ignored for Hong Kong). */
    static Phone landline(Culture culture, String cityLatin, Dice dice) {
        String area = Places.areaCode(culture, cityLatin);
        return switch (culture) {
            case MAINLAND -> new Phone(culture, false, area + dice.between(2, 8) + dice.digits(7), area.length());
            case HONG_KONG -> new Phone(culture, false, dice.pick(List.of("2", "3")) + dice.digits(7), 0);
            case TAIWAN -> new Phone(culture, false,
                    area + dice.between(2, 8) + dice.digits(area.equals("7") ? 6 : 7), area.length());
            case UK -> new Phone(culture, false, area + Places.ukDramaPrefix(cityLatin) + dice.digits(3), area.length());
            case US -> new Phone(culture, false, area + "55501" + dice.digits(2), 3);
            case GERMANY -> new Phone(culture, false,
                    area + dice.between(2, 9) + dice.digits(area.length() == 2 ? 7 : 6), area.length());
        };
    }
}
