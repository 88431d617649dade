package com.custmaster.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The legacy ERP (legacy/legacy_erp.sql): a CUSTOMERS table as a portable SQL script the pipeline
 * loads into its own embedded H2 database. Names in capitals, "FAMILY, GIVEN" (or Hanzi), a home
 * landline where it had one, records last touched between 2012 and 2021, so movers still have their
 * old address here. No deliberately bad rows: the table's types already rejected them.
 */
final class LegacyErpSource {

    static final String CREATE_TABLE = "CREATE TABLE CUSTOMERS (CUST_NO VARCHAR(20) PRIMARY KEY, "
            + "FULL_NAME VARCHAR(200), TEL VARCHAR(50), EMAIL VARCHAR(200), BIRTHDAY DATE, ADDR VARCHAR(300), "
            + "CITY VARCHAR(100), ZIP VARCHAR(20), COUNTRY CHAR(2), LAST_MODIFIED TIMESTAMP);";

    private static final PhoneMix CHINESE_PHONES = PhoneMix.of("NATIONAL:50 CODE_DASH:30 NATIONAL_COMPACT:20");
    private static final PhoneMix UK_PHONES = PhoneMix.of("NATIONAL:60 NATIONAL_COMPACT:20 TRUNK_IN_BRACKETS:20");
    private static final PhoneMix US_PHONES = PhoneMix.of("NATIONAL:70 NATIONAL_DASHED:30");
    private static final PhoneMix GERMAN_PHONES = PhoneMix.of("NATIONAL:70 INTERNATIONAL:30");

    private final Dice dice;

    LegacyErpSource(Dice dice) {
        this.dice = dice;
    }

    List<SourceRow> render(List<Draft> drafts) {
        List<SourceRow> rows = new ArrayList<>(drafts.size());
        int number = 1000;
        for (Draft draft : drafts) {
            number += dice.between(1, 37);
            String id = String.format(Locale.ROOT, "E%07d", number);
            rows.add(new SourceRow(Source.LEGACY_ERP, id, id, draft.person().personId(), Defect.NONE,
                    draft.duplicate(), draft.updatedAt(), statement(id, draft)));
        }
        return rows;
    }

    private String statement(String id, Draft draft) {
        Person p = draft.person();
        LocalDate day = draft.updatedAt().toLocalDate();
        boolean chinese = p.culture().chinese();
        String fullName;
        if (chinese) {
            double r = dice.uniform();
            if (r < 0.55) {
                fullName = Text.upper(p.familyLatin()) + ", "
                        + Text.upper(Variation.maybeTypo(p.givenLatin(), 0.03, dice));
            } else if (r < 0.93) {
                boolean traditional = Variation.traditional(p, dice, 0.9);
                fullName = Variation.script(p.familyName() + p.givenName(), traditional);
            } else {
                fullName = Text.upper(p.givenLatin()) + ", " + Text.upper(p.familyLatin());
            }
        } else {
            String family = Variation.maybeTypo(Variation.westernFamily(p, day, 0.5, dice), 0.03, dice);
            fullName = Text.upper(family) + ", " + Text.upper(p.givenLatin());
        }
        String tel = null;
        if (dice.chance(0.94)) {
            Phone phone = p.mobile();
            if (p.hardCase().startsWith("colleagues:") && dice.chance(0.6)) {
                phone = p.company().switchboard();
            } else if (dice.chance(Variation.landlineRate(p, 0.7, 0.9))) {
                phone = p.landline();
            }
            tel = phone.format(phoneMix(p.culture()).pick(dice));
        }
        String email = null;
        if (p.email() != null && dice.chance(0.55)) {
            email = dice.chance(0.25) ? Text.upper(p.email()) : p.email();
        }
        LocalDate birthday = p.birthDate() != null && dice.chance(0.85) ? p.birthDate() : null;
        Address a = p.addressAt(day);
        String line;
        String city;
        if (chinese && dice.chance(0.5)) {
            line = a.lineNative();
            city = a.cityNative();
        } else {
            boolean capitals = dice.chance(0.5);
            line = capitals ? Text.upper(a.lineLatin()) : a.lineLatin();
            city = capitals ? Text.upper(a.cityLatin()) : a.cityLatin();
        }
        String zip = Text.emptyToNull(a.postcode());
        return "INSERT INTO CUSTOMERS VALUES (" + Text.sql(id) + ", " + Text.sql(fullName) + ", " + Text.sql(tel)
                + ", " + Text.sql(email) + ", " + Text.sqlDate(birthday) + ", " + Text.sql(line) + ", "
                + Text.sql(city) + ", " + Text.sql(zip) + ", " + Text.sql(a.country()) + ", "
                + Text.sqlTimestamp(draft.updatedAt()) + ");";
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
