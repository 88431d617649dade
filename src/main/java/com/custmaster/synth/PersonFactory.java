package com.custmaster.synth;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Invents the persons behind the sample data. Hard cases come first, so that they exist whatever the
 * seed: namesakes (seven different 张伟, four John Smiths), couples sharing an address and a landline,
 * twins, two groups of colleagues behind one switchboard, compound surnames. Ordinary persons then
 * fill each culture up to its quota. Phones and e-mail addresses are unique except where a hard case
 * shares them on purpose.
 */
final class PersonFactory {

    /** Persons per culture: 60% Chinese (mainland, Hong Kong, Taiwan), 40% Western. */
    static final Map<Culture, Integer> QUOTAS = quotas();

    private static final LocalDate FIRST_MOVE = LocalDate.of(2022, 1, 1);
    private static final LocalDate LAST_MOVE = LocalDate.of(2026, 6, 30);
    private static final LocalDate FIRST_MARRIAGE = LocalDate.of(2020, 1, 1);
    private static final LocalDate LAST_MARRIAGE = LocalDate.of(2025, 12, 31);

    private final Dice dice;
    private final Set<String> usedPhones = new HashSet<>();
    private final Set<String> usedEmails = new HashSet<>();
    private final List<Sketch> sketches = new ArrayList<>();
    private final List<Company> companies;

    PersonFactory(Dice dice) {
        this.dice = dice;
        this.companies = Companies.create((culture, city) -> uniquePhone(() -> Numbers.landline(culture, city, dice)));
    }

    private static Map<Culture, Integer> quotas() {
        Map<Culture, Integer> quotas = new EnumMap<>(Culture.class);
        quotas.put(Culture.MAINLAND, 1000);
        quotas.put(Culture.HONG_KONG, 120);
        quotas.put(Culture.TAIWAN, 80);
        quotas.put(Culture.UK, 480);
        quotas.put(Culture.US, 240);
        quotas.put(Culture.GERMANY, 80);
        return Map.copyOf(quotas);
    }

    /** All persons, shuffled, with ids P00001… in that order. */
    List<Person> create() {
        addNamesakes();
        addCompoundSurnames();
        addHouseholds();
        addTwins();
        addColleagues(Companies.NORTHWIND, Culture.UK, "London", 12);
        addColleagues(Companies.HUAXIN, Culture.MAINLAND, "Shanghai", 10);
        for (Culture culture : Culture.values()) {
            long have = sketches.stream().filter(s -> s.culture == culture).count();
            for (long i = have; i < QUOTAS.get(culture); i++) {
                Sketch sketch = sketch(culture, dice.chance(0.5) ? Gender.MALE : Gender.FEMALE, null, null, null);
                if (dice.chance(0.1)) {
                    List<Company> options = companies.stream()
                            .filter(c -> c.culture() == culture && !c.key().equals(Companies.NORTHWIND)
                                    && !c.key().equals(Companies.HUAXIN))
                            .toList();
                    sketch.company = dice.pick(options);
                }
                finish(sketch);
                sketches.add(sketch);
            }
        }
        dice.shuffle(sketches);
        List<Person> persons = new ArrayList<>(sketches.size());
        for (int i = 0; i < sketches.size(); i++) {
            persons.add(sketches.get(i).build(String.format(Locale.ROOT, "P%05d", i + 1)));
        }
        return List.copyOf(persons);
    }

    private void addNamesakes() {
        namesakes("张", "伟", Gender.MALE, List.of(Culture.MAINLAND, Culture.MAINLAND, Culture.MAINLAND,
                Culture.MAINLAND, Culture.MAINLAND, Culture.MAINLAND, Culture.HONG_KONG), "Beijing");
        namesakes("王", "芳", Gender.FEMALE, List.of(Culture.MAINLAND, Culture.MAINLAND, Culture.MAINLAND,
                Culture.MAINLAND), "Shanghai");
        namesakes("李", "娜", Gender.FEMALE, List.of(Culture.MAINLAND, Culture.MAINLAND, Culture.MAINLAND), null);
        namesakes("王", "伟", Gender.MALE, List.of(Culture.MAINLAND, Culture.MAINLAND, Culture.MAINLAND), null);
        namesakes("Smith", "John", Gender.MALE, List.of(Culture.UK, Culture.UK, Culture.UK, Culture.US), "London");
        namesakes("Jones", "David", Gender.MALE, List.of(Culture.UK, Culture.UK), null);
        namesakes("Williams", "Sarah", Gender.FEMALE, List.of(Culture.UK, Culture.US), null);
    }

    /** Different persons with one name; the first two live in {@code sharedCity} when it is given. */
    private void namesakes(String family, String given, Gender gender, List<Culture> cultures, String sharedCity) {
        Set<LocalDate> birthDates = new HashSet<>();
        for (int i = 0; i < cultures.size(); i++) {
            Culture culture = cultures.get(i);
            String city = i < 2 && sharedCity != null && culture == cultures.get(0) ? sharedCity : null;
            Sketch sketch = sketch(culture, gender, family, given, city);
            sketch.maidenName = null;
            sketch.marriedOn = null;
            do {
                sketch.birthDate = birthDate();
            } while (!birthDates.add(sketch.birthDate));
            sketch.hardCase = "namesake:" + (culture.chinese() ? family + given : given + " " + family);
            finish(sketch);
            sketches.add(sketch);
        }
    }

    private void addCompoundSurnames() {
        String[][] names = {{"欧阳", "修"}, {"司马", null}, {"诸葛", null}, {"上官", null}};
        for (String[] name : names) {
            Gender gender = name[1] != null || dice.chance(0.5) ? Gender.MALE : Gender.FEMALE;
            Sketch sketch = sketch(Culture.MAINLAND, gender, name[0], name[1], null);
            sketch.hardCase = "compound-surname";
            finish(sketch);
            sketches.add(sketch);
        }
    }

    /** Couples at one address with one landline; three of them even share an e-mail address. */
    private void addHouseholds() {
        Map<Culture, Integer> counts = new EnumMap<>(Culture.class);
        counts.put(Culture.MAINLAND, 25);
        counts.put(Culture.HONG_KONG, 3);
        counts.put(Culture.TAIWAN, 2);
        counts.put(Culture.UK, 15);
        counts.put(Culture.US, 7);
        counts.put(Culture.GERMANY, 3);
        int number = 0;
        for (Map.Entry<Culture, Integer> entry : counts.entrySet()) {
            Culture culture = entry.getKey();
            for (int i = 0; i < entry.getValue(); i++) {
                number++;
                String label = String.format(Locale.ROOT, "household:H%02d", number);
                Sketch husband = sketch(culture, Gender.MALE, null, null, null);
                // Chinese wives keep their surname; most Western wives took their husband's long ago.
                String wifeFamily = !culture.chinese() && dice.chance(0.8) ? husband.familyName : null;
                Sketch wife = sketch(culture, Gender.FEMALE, wifeFamily, null, null);
                wife.maidenName = null;
                wife.marriedOn = null;
                wife.address = husband.address;
                wife.previousAddress = husband.previousAddress;
                wife.movedOn = husband.movedOn;
                Phone landline = husband.landline != null ? husband.landline : newLandline(husband.address);
                husband.landline = landline;
                wife.landline = landline;
                husband.hardCase = label;
                wife.hardCase = label;
                finish(husband);
                if (number % 18 == 5) {
                    if (husband.email == null) {
                        husband.email = uniqueEmail(Emails.personal(culture, husband.familyLatin, husband.givenLatin,
                                husband.englishName, husband.birthDate, husband.mobile, dice));
                    }
                    wife.email = husband.email;
                } else {
                    finish(wife);
                }
                sketches.add(husband);
                sketches.add(wife);
            }
        }
    }

    /** Same surname, address and birth date, different given names. */
    private void addTwins() {
        List<Culture> cultures = List.of(Culture.MAINLAND, Culture.MAINLAND, Culture.HONG_KONG, Culture.UK,
                Culture.UK, Culture.US);
        for (int i = 0; i < cultures.size(); i++) {
            Culture culture = cultures.get(i);
            String label = String.format(Locale.ROOT, "twins:T%02d", i + 1);
            Gender firstGender = dice.chance(0.5) ? Gender.MALE : Gender.FEMALE;
            Gender secondGender = dice.chance(0.5) ? Gender.MALE : Gender.FEMALE;
            String firstGiven = null;
            if (culture.chinese()) {
                String own = firstGender == Gender.MALE ? Hanzi.MALE_GIVEN : Hanzi.FEMALE_GIVEN;
                firstGiven = "" + Hanzi.NEUTRAL_GIVEN.charAt(dice.between(0, Hanzi.NEUTRAL_GIVEN.length() - 1))
                        + own.charAt(dice.between(0, own.length() - 1));
            }
            Sketch first = sketch(culture, firstGender, null, firstGiven, null);
            String secondGiven;
            if (culture.chinese()) {
                secondGiven = Hanzi.twinGivenName(first.givenName, secondGender, dice);
            } else {
                do {
                    secondGiven = WesternNames.givenName(culture, secondGender, dice);
                } while (secondGiven.equals(first.givenName));
            }
            Sketch second = sketch(culture, secondGender, first.familyName, secondGiven, null);
            LocalDate born = LocalDate.of(dice.between(1985, 2003), dice.between(1, 12), dice.between(1, 28));
            for (Sketch twin : List.of(first, second)) {
                twin.birthDate = born;
                twin.maidenName = null;
                twin.marriedOn = null;
                twin.hardCase = label;
            }
            second.address = first.address;
            second.previousAddress = first.previousAddress;
            second.movedOn = first.movedOn;
            second.landline = first.landline;
            finish(first);
            finish(second);
            sketches.add(first);
            sketches.add(second);
        }
    }

    /** Colleagues at one company: different people, one switchboard number. */
    private void addColleagues(String companyKey, Culture culture, String city, int count) {
        Company company = companies.stream().filter(c -> c.key().equals(companyKey)).findFirst().orElseThrow();
        for (int i = 0; i < count; i++) {
            Sketch sketch = sketch(culture, dice.chance(0.5) ? Gender.MALE : Gender.FEMALE, null, null, city);
            sketch.company = company;
            sketch.hardCase = "colleagues:" + companyKey;
            if (dice.chance(0.6)) {
                sketch.email = uniqueEmail(Emails.work(culture, sketch.familyLatin, sketch.givenLatin,
                        company.emailDomain()));
            }
            finish(sketch);
            sketches.add(sketch);
        }
    }

    /** A person with random attributes; {@code family}, {@code given} and {@code city} override when given. */
    private Sketch sketch(Culture culture, Gender gender, String family, String given, String city) {
        Sketch s = new Sketch(culture, gender);
        if (culture.chinese()) {
            s.familyName = family != null ? family : Hanzi.randomSurname(dice);
            s.givenName = given != null ? given : Hanzi.randomGivenName(gender, dice);
            s.familyLatin = Hanzi.romaniseFamily(s.familyName);
            s.givenLatin = Hanzi.romaniseGiven(s.givenName);
            s.traditional = culture != Culture.MAINLAND;
            double englishNameRate = switch (culture) {
                case HONG_KONG -> 0.35;
                case TAIWAN -> 0.2;
                default -> 0.04;
            };
            if (dice.chance(englishNameRate)) {
                s.englishName = WesternNames.givenName(Culture.UK, gender, dice);
            }
        } else {
            s.familyName = family != null ? family : WesternNames.surname(culture, dice);
            s.givenName = given != null ? given : WesternNames.givenName(culture, gender, dice);
            s.familyLatin = s.familyName;
            s.givenLatin = s.givenName;
        }
        s.birthDate = dice.chance(0.94) ? birthDate() : null;
        s.mobile = uniquePhone(() -> Numbers.mobile(culture, dice));
        s.address = Places.address(culture, city, dice);
        if (dice.chance(culture == Culture.UK || culture == Culture.GERMANY ? 0.2 : 0.1)) {
            s.landline = newLandline(s.address);
        }
        if (dice.chance(0.09)) {
            s.previousAddress = s.address;
            s.address = Places.address(culture, null, dice);
            s.movedOn = dice.date(FIRST_MOVE, LAST_MOVE);
            if (s.landline != null) {
                s.landline = newLandline(s.address);
            }
        }
        if (!culture.chinese() && gender == Gender.FEMALE && dice.chance(0.06)) {
            String maiden;
            do {
                maiden = WesternNames.surname(culture, dice);
            } while (maiden.equals(s.familyName));
            s.maidenName = maiden;
            s.marriedOn = dice.date(FIRST_MARRIAGE, LAST_MARRIAGE);
        }
        return s;
    }

    /** The e-mail address comes last, once the name and birth date are settled. */
    private void finish(Sketch s) {
        if (s.email == null && dice.chance(0.92)) {
            s.email = uniqueEmail(Emails.personal(s.culture, s.familyLatin, s.givenLatin, s.englishName, s.birthDate,
                    s.mobile, dice));
        }
    }

    /** Born 1950–2005, more often in the middle years. */
    private LocalDate birthDate() {
        LocalDate from = LocalDate.of(1950, 1, 1);
        long span = ChronoUnit.DAYS.between(from, LocalDate.of(2005, 12, 31));
        return from.plusDays((long) ((dice.uniform() + dice.uniform()) / 2 * span));
    }

    private Phone newLandline(Address address) {
        return uniquePhone(() -> Numbers.landline(address.culture(), address.cityLatin(), dice));
    }

    private Phone uniquePhone(Supplier<Phone> generator) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            Phone phone = generator.get();
            if (usedPhones.add(phone.e164())) {
                return phone;
            }
        }
        throw new IllegalStateException("Ran out of unique phone numbers; the numbering ranges are too small");
    }

    private String uniqueEmail(String candidate) {
        String email = candidate;
        int at = candidate.indexOf('@');
        while (!usedEmails.add(email)) {
            email = candidate.substring(0, at) + dice.between(1, 99) + candidate.substring(at);
        }
        return email;
    }

    /** A person under construction; hard cases overwrite fields before {@link #build}. */
    private static final class Sketch {
        private final Culture culture;
        private final Gender gender;
        private String familyName;
        private String givenName;
        private String familyLatin;
        private String givenLatin;
        private String englishName;
        private boolean traditional;
        private String maidenName;
        private LocalDate marriedOn;
        private LocalDate birthDate;
        private String email;
        private Phone mobile;
        private Phone landline;
        private Address address;
        private Address previousAddress;
        private LocalDate movedOn;
        private Company company;
        private String hardCase = "";

        private Sketch(Culture culture, Gender gender) {
            this.culture = culture;
            this.gender = gender;
        }

        private Person build(String personId) {
            return new Person(personId, culture, gender, familyName, givenName, familyLatin, givenLatin, englishName,
                    traditional, maidenName, marriedOn, birthDate, email, mobile, landline, address, previousAddress,
                    movedOn, company, hardCase);
        }
    }
}
