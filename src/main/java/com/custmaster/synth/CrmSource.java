package com.custmaster.synth;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CRM export (crm/contacts.csv): UTF-8 CSV with RFC 4180 quoting, ids CRM-100001…, first and
 * last name in separate columns (pinyin for most Chinese contacts, sometimes Hanzi, sometimes the
 * two swapped), ISO dates. A sales tool: it knows companies and work phones and is mostly tidy.
 */
final class CrmSource {

    static final String HEADER = "contact_id,salutation,first_name,last_name,email,mobile,work_phone,birth_date,"
            + "street,city,postcode,country,company,updated_at";
    static final int COLUMNS = 14;

    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final PhoneMix CHINESE_PHONES = PhoneMix.of(
            "INTERNATIONAL:45 NATIONAL_COMPACT:30 NATIONAL_DASHED:10 INTERNATIONAL_00:10 INTERNATIONAL_COMPACT:5");
    private static final PhoneMix UK_PHONES = PhoneMix.of(
            "INTERNATIONAL:40 NATIONAL:35 TRUNK_IN_BRACKETS:15 NATIONAL_COMPACT:10");
    private static final PhoneMix US_PHONES = PhoneMix.of("INTERNATIONAL:50 NATIONAL:40 NATIONAL_DASHED:10");
    private static final PhoneMix GERMAN_PHONES = PhoneMix.of("INTERNATIONAL:50 NATIONAL:50");

    private final Dice dice;

    CrmSource(Dice dice) {
        this.dice = dice;
    }

    List<SourceRow> render(List<Draft> drafts) {
        Map<Integer, Defect> defects = new TreeMap<>();
        Defects.assign(defects, drafts, Defect.MALFORMED_ROW, 1,
                d -> d.person().company() != null && d.person().company().latinName().contains(",")
                        && !d.person().culture().chinese(), dice);
        Defects.assign(defects, drafts, Defect.INVALID_DATE, 7, d -> d.person().birthDate() != null, dice);
        Defects.assign(defects, drafts, Defect.NO_IDENTITY, 6, d -> true, dice);
        List<SourceRow> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            String id = String.format(Locale.ROOT, "CRM-%06d", 100_001 + i);
            Defect defect = defects.getOrDefault(i, Defect.NONE);
            List<String> values = values(id, draft, defect);
            // The malformed row: a company name with a comma that the export forgot to quote.
            String text = defect == Defect.MALFORMED_ROW ? String.join(",", values) : Text.csvLine(values);
            rows.add(new SourceRow(Source.CRM, id, id, draft.person().personId(), defect, draft.duplicate(),
                    draft.updatedAt(), text));
        }
        return rows;
    }

    private List<String> values(String id, Draft draft, Defect defect) {
        Person p = draft.person();
        LocalDate day = draft.updatedAt().toLocalDate();
        boolean chinese = p.culture().chinese();
        String first;
        String last;
        boolean hanzi = false;
        if (chinese) {
            double r = dice.uniform();
            if (p.englishName() != null && r < 0.4) {
                first = p.englishName();
                last = p.familyLatin();
            } else if (r < 0.78) {
                first = Variation.maybeTypo(p.givenLatin(), 0.04, dice);
                last = dice.chance(0.05) ? Text.upper(p.familyLatin()) : p.familyLatin();
            } else if (r < 0.94) {
                boolean traditional = Variation.traditional(p, dice, 0.8);
                first = Variation.script(Variation.maybeHomophone(p.givenName(), 0.05, dice), traditional);
                last = Variation.script(p.familyName(), traditional);
                hanzi = true;
            } else {
                first = p.familyLatin();
                last = p.givenLatin();
            }
        } else {
            first = Variation.westernGiven(p, 0.05, dice);
            last = Variation.maybeTypo(Variation.westernFamily(p, day, 0.2, dice), 0.04, dice);
            if (dice.chance(0.03)) {
                last = Text.upper(last);
            }
        }
        String salutation = salutation(p, chinese);
        String email = p.email() != null && dice.chance(0.9) ? Variation.email(p.email(), 0.12, dice) : "";
        // Some people give their home number where the form asks for a mobile.
        Phone phone = dice.chance(Variation.landlineRate(p, 0.05, 0.3)) ? p.landline() : p.mobile();
        String mobile = dice.chance(0.95) ? phone.format(phoneMix(p.culture()).pick(dice)) : "";
        String workPhone = workPhone(p);
        LocalDate born = p.birthDate() != null && dice.chance(0.9)
                ? Variation.maybeSwapDayAndMonth(p.birthDate(), 0.01, dice) : null;
        String birthDate = born == null ? "" : born.toString();
        Address address = p.addressAt(day);
        String street;
        String city;
        if (chinese && (hanzi ? dice.chance(0.7) : dice.chance(0.1))) {
            street = address.lineNative();
            city = dice.chance(0.5) ? address.cityNative() : Variation.withoutCitySuffix(address.cityNative());
        } else {
            street = Variation.abbreviate(address.lineLatin(), 0.15, dice);
            city = address.cityLatin();
        }
        String postcode = dice.chance(0.95) ? address.postcode() : "";
        if (dice.chance(0.03)) {
            street = "";
            city = "";
            postcode = "";
        }
        String country = p.culture() == Culture.UK && dice.chance(0.06) ? "UK" : p.culture().country();
        String company = "";
        if (p.company() != null && (dice.chance(0.9) || defect == Defect.MALFORMED_ROW)) {
            company = p.company().culture().chinese() && dice.chance(0.4) && defect != Defect.MALFORMED_ROW
                    ? p.company().nativeName() : p.company().latinName();
        }
        if (defect == Defect.NO_IDENTITY) {
            salutation = "";
            first = "";
            last = "";
            email = "";
            mobile = "";
            workPhone = "";
        } else if (defect == Defect.INVALID_DATE) {
            birthDate = Variation.impossibleDate(p.birthDate(), dice).format("yyyy-MM-dd");
        }
        List<String> values = List.of(id, salutation, first, last, email, mobile, workPhone, birthDate, street, city,
                postcode, country, company, UPDATED.format(draft.updatedAt()));
        if (values.size() != COLUMNS) {
            throw new IllegalStateException("CRM row has " + values.size() + " values, expected " + COLUMNS);
        }
        return values;
    }

    private String salutation(Person p, boolean chinese) {
        if (dice.chance(chinese ? 0.5 : 0.25)) {
            return "";
        }
        if (dice.chance(0.05)) {
            return "Dr";
        }
        if (p.gender() == Gender.MALE) {
            return "Mr";
        }
        return dice.chance(0.5) ? "Ms" : "Mrs";
    }

    /** The company switchboard (colleagues share it), sometimes with an extension; else rarely a landline. */
    private String workPhone(Person p) {
        if (p.company() != null && dice.chance(0.85)) {
            String number = p.company().switchboard().format(phoneMix(p.culture()).pick(dice));
            boolean group = p.hardCase().startsWith("colleagues:");
            return !group && dice.chance(0.3) ? number + " ext. " + dice.between(100, 499) : number;
        }
        if (p.landline() != null && dice.chance(0.1)) {
            return p.landline().format(phoneMix(p.culture()).pick(dice));
        }
        return "";
    }

    private static PhoneMix phoneMix(Culture culture) {
        return switch (culture) {
            case MAINLAND, HONG_KONG, TAIWAN -> CHINESE_PHONES;
            case UK -> UK_PHONES;
            case US -> US_PHONES;
            case GERMANY -> GERMAN_PHONES;
        };
    }
}
