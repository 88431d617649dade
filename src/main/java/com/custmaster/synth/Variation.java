package com.custmaster.synth;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The errors and variations people and systems put into contact data: keyboard typos, homophones
 * picked from a pinyin input method, nicknames, traditional vs simplified script, e-mail addresses
 * in capitals or with a +tag, abbreviated street types, day and month swapped, impossible dates.
 * Each source applies them at its own rates.
 */
final class Variation {

    /** A date that does not exist, kept as its three numbers because no date type can hold it. */
    record BadDate(int year, int month, int day) {

        String format(String pattern) {
            return switch (pattern) {
                case "yyyy-MM-dd" -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
                case "dd/MM/yyyy" -> String.format(Locale.ROOT, "%02d/%02d/%04d", day, month, year);
                case "yyyy/MM/dd" -> String.format(Locale.ROOT, "%04d/%02d/%02d", year, month, day);
                default -> throw new IllegalArgumentException("Unsupported date pattern " + pattern);
            };
        }
    }

    /** Letters next to each other on a QWERTY keyboard. */
    private static final Map<Character, String> NEIGHBOURS = Map.ofEntries(Map.entry('q', "wa"),
            Map.entry('w', "qes"), Map.entry('e', "wrd"), Map.entry('r', "etf"), Map.entry('t', "ryg"),
            Map.entry('y', "tuh"), Map.entry('u', "yij"), Map.entry('i', "uok"), Map.entry('o', "ipl"),
            Map.entry('p', "ol"), Map.entry('a', "qsz"), Map.entry('s', "adw"), Map.entry('d', "sfe"),
            Map.entry('f', "dgr"), Map.entry('g', "fht"), Map.entry('h', "gjy"), Map.entry('j', "hku"),
            Map.entry('k', "jli"), Map.entry('l', "ko"), Map.entry('z', "asx"), Map.entry('x', "zcs"),
            Map.entry('c', "xvd"), Map.entry('v', "cbf"), Map.entry('b', "vng"), Map.entry('n', "bmh"),
            Map.entry('m', "nj"));

    /** Misspelt e-mail domains seen in real data. */
    private static final Map<String, String> DOMAIN_TYPOS = Map.of("gmail.com", "gmial.com", "hotmail.com",
            "hotmial.com", "hotmail.co.uk", "hotmail.co", "yahoo.com", "yaho.com", "163.com", "136.com", "qq.com",
            "qq.con", "outlook.com", "outlok.com", "126.com", "126.con");

    private static final List<String> EMAIL_TAGS = List.of("shop", "news", "orders", "2024", "promo");

    private Variation() {
    }

    /**
     * One keyboard slip away from {@code text}: two letters swapped, one dropped, one doubled or one
     * replaced by a neighbouring key. The first letter is left alone, as it usually is.
     */
    static String typo(String text, Dice dice) {
        if (text.length() < 3) {
            return text;
        }
        int i = dice.between(1, text.length() - 2);
        char c = text.charAt(i);
        return switch (dice.between(0, 3)) {
            case 0 -> text.charAt(i + 1) != c
                    ? text.substring(0, i) + text.charAt(i + 1) + c + text.substring(i + 2)
                    : text.substring(0, i) + text.substring(i + 1);
            case 1 -> text.substring(0, i) + text.substring(i + 1);
            case 2 -> text.substring(0, i + 1) + c + text.substring(i + 1);
            default -> {
                String options = NEIGHBOURS.get(Character.toLowerCase(c));
                if (options == null) {
                    yield text.substring(0, i) + text.substring(i + 1);
                }
                char replacement = options.charAt(dice.between(0, options.length() - 1));
                if (Character.isUpperCase(c)) {
                    replacement = Character.toUpperCase(replacement);
                }
                yield text.substring(0, i) + replacement + text.substring(i + 1);
            }
        };
    }

    static String maybeTypo(String text, double rate, Dice dice) {
        return dice.chance(rate) ? typo(text, dice) : text;
    }

    /** A Hanzi given name with, at the given rate, one character replaced by a homophone. */
    static String maybeHomophone(String given, double rate, Dice dice) {
        return dice.chance(rate) ? Hanzi.homophoneTypo(given, dice) : given;
    }

    /**
     * The chance that a record gives the home landline instead of the mobile: higher for the couples
     * of a household, so that their shared number actually shows up in the sources.
     */
    static double landlineRate(Person person, double usual, double household) {
        if (person.landline() == null) {
            return 0;
        }
        return person.hardCase().startsWith("household:") ? household : usual;
    }

    /** Whether this record writes the person's Hanzi in traditional script. */
    static boolean traditional(Person person, Dice dice, double keepRate) {
        return person.traditional() ? dice.chance(keepRate) : dice.chance(0.03);
    }

    static String script(String simplified, boolean traditional) {
        return traditional ? Hanzi.traditional(simplified) : simplified;
    }

    /** The registered given name or, at the given rate, a nickname ("Robert" → "Bob"). */
    static String westernGiven(Person person, double nicknameRate, Dice dice) {
        if (dice.chance(nicknameRate)) {
            String nickname = WesternNames.nickname(person.givenLatin(), dice);
            if (nickname != null) {
                return nickname;
            }
        }
        return person.givenLatin();
    }

    /** The family name current on that day; at {@code foldRate} without umlauts ("Mueller"). */
    static String westernFamily(Person person, LocalDate day, double foldRate, Dice dice) {
        String family = person.familyLatinAt(day);
        return dice.chance(foldRate) ? WesternNames.asciiFold(family) : family;
    }

    /**
     * The e-mail address, at the given rate varied the way it varies between systems: all capitals,
     * capitalised, with a +tag, a typo in the local part or a misspelt domain, a trailing space.
     */
    static String email(String email, double rate, Dice dice) {
        if (email == null || !dice.chance(rate)) {
            return email;
        }
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        return switch (dice.between(0, 5)) {
            case 0 -> Text.upper(email);
            case 1 -> capitaliseParts(local) + "@" + Text.capitalise(domain);
            case 2 -> local + "+" + dice.pick(EMAIL_TAGS) + "@" + domain;
            case 3 -> typo(local, dice) + "@" + domain;
            case 4 -> local + "@" + DOMAIN_TYPOS.getOrDefault(domain, typo(domain, dice));
            default -> email + " ";
        };
    }

    private static String capitaliseParts(String local) {
        List<String> parts = new ArrayList<>();
        for (String part : local.split("\\.", -1)) {
            parts.add(Text.capitalise(part));
        }
        return String.join(".", parts);
    }

    /** A Latin address line with, at the given rate, its words abbreviated ("Road" → "Rd"). */
    static String abbreviate(String line, double rate, Dice dice) {
        if (!dice.chance(rate)) {
            return line;
        }
        return line.replace("Road", "Rd").replace("Street", "St").replace("Avenue", "Ave")
                .replace("Building", "Bldg").replace("Room", "Rm").replace("District", "Dist.")
                .replace("Lane", "Ln").replace("straße", "str.");
    }

    /** "北京市" → "北京": how a form field for the city is often filled in. */
    static String withoutCitySuffix(String city) {
        return city.endsWith("市") && city.length() > 2 ? city.substring(0, city.length() - 1) : city;
    }

    /** At the given rate the date with day and month swapped (when that is still a date). */
    static LocalDate maybeSwapDayAndMonth(LocalDate date, double rate, Dice dice) {
        if (date == null || date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()
                || !dice.chance(rate)) {
            return date;
        }
        return LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
    }

    /** A date that cannot exist, near the real one: 30 February, 31 April, 29 February of a common year… */
    static BadDate impossibleDate(LocalDate real, Dice dice) {
        int year = real.getYear();
        return switch (dice.between(0, 4)) {
            case 0 -> new BadDate(year, 2, 30);
            case 1 -> new BadDate(year, dice.pick(List.of(4, 6, 9, 11)), 31);
            case 2 -> new BadDate(Year.isLeap(year) ? year + 1 : year, 2, 29);
            case 3 -> new BadDate(year, 13, real.getDayOfMonth());
            default -> new BadDate(year, real.getMonthValue(), 32);
        };
    }
}
