package com.custmaster.synth;

import java.time.LocalDate;
import java.util.List;

/**
 * The sample-data generator's pieces of a person, for other generators (the deduplication
 * benchmark's {@code com.custmaster.bench.SyntheticPeople}): names by culture with their real
 * frequencies, Hanzi with pinyin and traditional forms, nicknames, phones, e-mail addresses, postal
 * addresses, and the errors people make typing them. One instance is one seeded stream of choices;
 * the same seed gives the same answers in the same order.
 */
public final class PersonParts {

    /**
     * A postal address in both scripts; for Western addresses the two forms are the same text.
     *
     * @param lineNative street line in the local script
     * @param lineLatin  street line in Latin script
     * @param cityNative city in the local script
     * @param cityLatin  city in Latin script
     * @param postcode   postcode, "" where there is none (Hong Kong)
     */
    public record Home(String lineNative, String lineLatin, String cityNative, String cityLatin, String postcode) {
    }

    private final Dice dice;

    /** A stream of choices from {@code seed}, used as it is: mix neighbouring seeds before. */
    public PersonParts(long seed) {
        this.dice = Dice.seeded(seed);
    }

    public boolean chance(double probability) {
        return dice.chance(probability);
    }

    /** Uniform in {@code [low, high]}, both inclusive. */
    public int between(int low, int high) {
        return dice.between(low, high);
    }

    public <T> T pick(List<T> items) {
        return dice.pick(items);
    }

    /** A UK, US or German given name, common ones more often. */
    public String westernGivenName(Culture culture, boolean male) {
        return WesternNames.givenName(culture, male ? Gender.MALE : Gender.FEMALE, dice);
    }

    /** A UK, US or German surname ("Smith", "Garcia", "Nguyen", "Müller"), common ones more often. */
    public String westernSurname(Culture culture) {
        return WesternNames.surname(culture, dice);
    }

    /** "Robert" → "Bob" or "Rob"; null for a name without a nickname. */
    public String nickname(String givenName) {
        return WesternNames.nickname(givenName, dice);
    }

    /** A Chinese surname in simplified Hanzi, by frequency ("王", "李", rarely "欧阳"). */
    public String chineseSurname() {
        return Hanzi.randomSurname(dice);
    }

    /** A one- or two-character Chinese given name in simplified Hanzi. */
    public String chineseGivenName(boolean male) {
        return Hanzi.randomGivenName(male ? Gender.MALE : Gender.FEMALE, dice);
    }

    /** "欧阳" → "Ouyang". */
    public static String pinyinFamily(String family) {
        return Hanzi.romaniseFamily(family);
    }

    /** "晓明" → "Xiaoming", "嘉恩" → "Jia'en". */
    public static String pinyinGiven(String given) {
        return Hanzi.romaniseGiven(given);
    }

    /** The Hanzi text in traditional script. */
    public static String traditional(String simplified) {
        return Hanzi.traditional(simplified);
    }

    /** A Hanzi given name with one character replaced by a homophone (or unchanged if none has one). */
    public String homophone(String given) {
        return Hanzi.homophoneTypo(given, dice);
    }

    /**
     * One keyboard slip: two letters transposed, one deleted, one doubled (inserted) or one replaced
     * by a neighbouring key; the first letter is kept, texts under three letters are unchanged.
     */
    public String typo(String text) {
        return Variation.typo(text, dice);
    }

    /**
     * A mobile number's national digits (without trunk prefix). Unlike the sample data, whose UK and
     * US numbers stay in the few thousand fictional numbers, these spread over the whole plan, so that
     * a million persons do not share a handful of phones.
     */
    public String mobileDigits(Culture culture) {
        return switch (culture) {
            case UK -> "7" + dice.between(4, 9) + dice.digits(8);
            case US -> Places.randomUsAreaCode(dice) + dice.between(2, 9) + dice.digits(6);
            default -> Numbers.mobile(culture, dice).national();
        };
    }

    /** A mobile as written: "+86 138 0013 8000" (international) or "138 0013 8000", "07700 900123" (national). */
    public static String formatMobile(Culture culture, String digits, boolean international) {
        return mobile(culture, digits).format(international ? PhoneStyle.INTERNATIONAL : PhoneStyle.NATIONAL);
    }

    /** A personal e-mail address the way people of that culture make them. */
    public String email(Culture culture, String familyLatin, String givenLatin, LocalDate birthDate, String mobileDigits) {
        return Emails.personal(culture, familyLatin, givenLatin, null, birthDate, mobile(culture, mobileDigits), dice);
    }

    /** A new address somewhere in the culture's country. */
    public Home home(Culture culture) {
        Address address = Places.address(culture, null, dice);
        return new Home(address.lineNative(), address.lineLatin(), address.cityNative(), address.cityLatin(),
                address.postcode());
    }

    private static Phone mobile(Culture culture, String digits) {
        return new Phone(culture, true, digits, culture == Culture.US || culture == Culture.GERMANY ? 3 : 0);
    }
}
