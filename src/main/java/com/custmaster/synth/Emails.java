package com.custmaster.synth;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * E-mail addresses the way people in each country make them: QQ numbers and pinyin at 163.com in
 * mainland China, first.last at gmail.com or btinternet.com in the UK, and so on. Addresses are
 * ASCII-folded ("Müller" → "mueller") and lower case.
 */
final class Emails {

    private static final List<String> MAINLAND_DOMAINS = List.of("163.com", "126.com", "sina.com", "foxmail.com",
            "sohu.com", "qq.com");
    private static final List<String> UK_DOMAINS = List.of("gmail.com", "hotmail.co.uk", "yahoo.co.uk",
            "btinternet.com", "outlook.com", "icloud.com", "sky.com");
    private static final List<String> US_DOMAINS = List.of("gmail.com", "yahoo.com", "outlook.com", "comcast.net",
            "icloud.com", "aol.com");
    private static final List<String> GERMAN_DOMAINS = List.of("gmx.de", "web.de", "t-online.de", "gmail.com");
    private static final List<String> HONG_KONG_DOMAINS = List.of("gmail.com", "yahoo.com.hk", "netvigator.com",
            "hotmail.com");
    private static final List<String> TAIWAN_DOMAINS = List.of("gmail.com", "yahoo.com.tw", "hinet.net");

    private Emails() {
    }

    /** A personal address for the person described; the caller makes it unique. */
    static String personal(Culture culture, String familyLatin, String givenLatin, String englishName,
            LocalDate birthDate, Phone mobile, Dice dice) {
        String family = clean(familyLatin);
        String given = clean(givenLatin);
        String year = birthDate == null ? dice.digits(2) : String.valueOf(birthDate.getYear());
        String shortYear = year.substring(year.length() - 2);
        return switch (culture) {
            case MAINLAND -> {
                double r = dice.uniform();
                if (r < 0.25) {
                    yield dice.between(1, 9) + dice.digits(dice.between(5, 9)) + "@qq.com";
                }
                if (r < 0.35) {
                    yield mobile.national() + "@139.com";
                }
                if (englishName != null && r < 0.5) {
                    yield clean(englishName) + "." + family + "@gmail.com";
                }
                if (r < 0.75) {
                    yield family + given + (dice.chance(0.6) ? year : shortYear) + "@" + dice.pick(MAINLAND_DOMAINS);
                }
                yield given + (dice.chance(0.5) ? "." : "_") + family + "@" + dice.pick(MAINLAND_DOMAINS);
            }
            case HONG_KONG, TAIWAN -> {
                List<String> domains = culture == Culture.HONG_KONG ? HONG_KONG_DOMAINS : TAIWAN_DOMAINS;
                String first = englishName != null ? clean(englishName) : given;
                yield dice.chance(0.5)
                        ? first + "." + family + "@" + dice.pick(domains)
                        : family + first + shortYear + "@" + dice.pick(domains);
            }
            case UK, US, GERMANY -> {
                List<String> domains = culture == Culture.UK ? UK_DOMAINS
                        : culture == Culture.US ? US_DOMAINS : GERMAN_DOMAINS;
                double r = dice.uniform();
                String domain = dice.pick(domains);
                if (r < 0.45) {
                    yield given + "." + family + "@" + domain;
                }
                if (r < 0.65) {
                    yield given.charAt(0) + family + "@" + domain;
                }
                if (r < 0.8) {
                    yield given + "." + family + shortYear + "@" + domain;
                }
                if (r < 0.9) {
                    yield given + "_" + family + "@" + domain;
                }
                yield given + family + year + "@" + domain;
            }
        };
    }

    /** A work address at the company's domain: "j.smith@…" in the West, full pinyin in China. */
    static String work(Culture culture, String familyLatin, String givenLatin, String domain) {
        String family = clean(familyLatin);
        String given = clean(givenLatin);
        return culture.chinese() ? family + given + "@" + domain : given.charAt(0) + "." + family + "@" + domain;
    }

    /** Lower case ASCII letters and digits only: "O'Brien" → "obrien", "Jia'en" → "jiaen". */
    static String clean(String name) {
        String folded = WesternNames.asciiFold(name).toLowerCase(Locale.ROOT);
        StringBuilder builder = new StringBuilder(folded.length());
        for (char c : folded.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                builder.append(c);
            }
        }
        return builder.toString();
    }
}
