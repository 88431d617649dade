package com.custmaster.synth;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The call-centre system (callcentre/calls.jsonl): one JSON object per line, the caller's full name
 * as they gave it (either script, either order, with titles and nicknames), dates of birth as
 * dd/MM/yyyy, phones in every style. Agents type fast, so typos are more frequent than in the CRM.
 */
final class CallCentreSource {

    private static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'",
            Locale.ROOT);
    private static final PhoneMix CHINESE_PHONES = PhoneMix.of(
            "INTERNATIONAL:35 INTERNATIONAL_00:20 NATIONAL_DASHED:15 NATIONAL_COMPACT:25 INTERNATIONAL_COMPACT:5");
    private static final PhoneMix UK_PHONES = PhoneMix.of("INTERNATIONAL:35 NATIONAL:25 NATIONAL_COMPACT:15 "
            + "TRUNK_IN_BRACKETS:12 BARE_TRUNK_IN_BRACKETS:8 INTERNATIONAL_00:5");
    private static final PhoneMix US_PHONES = PhoneMix.of("INTERNATIONAL:40 NATIONAL:35 NATIONAL_DASHED:25");
    private static final PhoneMix GERMAN_PHONES = PhoneMix.of("INTERNATIONAL:50 NATIONAL:30 INTERNATIONAL_00:20");

    private final Dice dice;

    CallCentreSource(Dice dice) {
        this.dice = dice;
    }

    List<SourceRow> render(List<Draft> unordered) {
        List<Draft> drafts = new ArrayList<>(unordered);
        drafts.sort(Comparator.comparing(Draft::updatedAt).thenComparing(d -> d.person().personId()));
        Map<Integer, Defect> defects = new TreeMap<>();
        Defects.assign(defects, drafts, Defect.MALFORMED_ROW, 1,
                d -> !d.person().culture().chinese() && WesternNames.hasNickname(d.person().givenLatin()), dice);
        Defects.assign(defects, drafts, Defect.INVALID_DATE, 4, d -> d.person().birthDate() != null, dice);
        Defects.assign(defects, drafts, Defect.NO_IDENTITY, 4, d -> true, dice);
        List<Integer> callerNumbers = new ArrayList<>();
        for (int i = 1; i <= drafts.size() + drafts.size() / 4; i++) {
            callerNumbers.add(i);
        }
        dice.shuffle(callerNumbers);
        Map<Integer, Integer> ticketCounters = new TreeMap<>();
        List<SourceRow> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            int year = draft.updatedAt().getYear();
            int ticketNumber = ticketCounters.merge(year, dice.between(1, 40), Integer::sum) + 100;
            String ticket = String.format(Locale.ROOT, "CC-%d-%06d", year, ticketNumber);
            String callerId = String.format(Locale.ROOT, "CALL-%05d", callerNumbers.get(i));
            Defect defect = defects.getOrDefault(i, Defect.NONE);
            String text = line(ticket, callerId, draft, defect);
            String truthId = defect == Defect.MALFORMED_ROW ? "line:" + (i + 1) : callerId;
            rows.add(new SourceRow(Source.CALL_CENTRE, callerId, truthId, draft.person().personId(), defect,
                    draft.duplicate(), draft.updatedAt(), text));
        }
        return rows;
    }

    private String line(String ticket, String callerId, Draft draft, Defect defect) {
        Person p = draft.person();
        LocalDate day = draft.updatedAt().toLocalDate();
        String name = name(p, day);
        String phone = phone(p);
        String email = p.email() != null && dice.chance(0.82) ? Variation.email(p.email(), 0.15, dice) : null;
        LocalDate born = p.birthDate() != null && dice.chance(0.85)
                ? Variation.maybeSwapDayAndMonth(p.birthDate(), 0.02, dice) : null;
        String dob = born == null ? null : DOB.format(born);
        String address = "null";
        if (dice.chance(0.9)) {
            Address a = p.addressAt(day);
            boolean nativeScript = p.culture().chinese() && dice.chance(0.55);
            String line = nativeScript ? a.lineNative() : Variation.abbreviate(a.lineLatin(), 0.2, dice);
            String city = nativeScript ? Variation.withoutCitySuffix(a.cityNative()) : a.cityLatin();
            String postcode = dice.chance(0.92) ? Text.emptyToNull(a.postcode()) : null;
            address = "{\"line\":" + Text.json(line) + ",\"city\":" + Text.json(city) + ",\"postcode\":"
                    + Text.json(postcode) + "}";
        }
        if (defect == Defect.NO_IDENTITY) {
            name = dice.chance(0.5) ? "" : null;
            phone = null;
            email = null;
        } else if (defect == Defect.INVALID_DATE) {
            dob = Variation.impossibleDate(p.birthDate(), dice).format("dd/MM/yyyy");
        }
        String nameJson = Text.json(name);
        if (defect == Defect.MALFORMED_ROW) {
            // An agent typed the nickname in double quotes and the export did not escape them.
            String nickname = WesternNames.nickname(p.givenLatin(), dice);
            nameJson = "\"" + p.givenLatin() + " \"" + nickname + "\" " + p.familyLatinAt(day) + "\"";
        }
        return "{\"ticket\":" + Text.json(ticket) + ",\"caller\":{\"id\":" + Text.json(callerId) + ",\"name\":"
                + nameJson + ",\"phone\":" + Text.json(phone) + ",\"email\":" + Text.json(email) + "},\"dob\":"
                + Text.json(dob) + ",\"address\":" + address + ",\"country\":" + Text.json(p.culture().country())
                + ",\"updated_at\":" + Text.json(UPDATED.format(draft.updatedAt())) + "}";
    }

    /** The name as the caller gave it and the agent typed it. */
    private String name(Person p, LocalDate day) {
        if (p.culture().chinese()) {
            String family = p.familyLatin();
            String given = Variation.maybeTypo(p.givenLatin(), 0.05, dice);
            double r = dice.uniform();
            if (p.englishName() != null && r < 0.15) {
                return p.englishName() + " " + family;
            }
            if (r < 0.45) {
                boolean traditional = Variation.traditional(p, dice, 0.75);
                return Variation.script(p.familyName(), traditional)
                        + Variation.script(Variation.maybeHomophone(p.givenName(), 0.06, dice), traditional);
            }
            if (r < 0.70) {
                return family + " " + given;
            }
            if (r < 0.80) {
                return given + " " + family;
            }
            if (r < 0.88) {
                return Text.upper(family) + " " + given;
            }
            if (r < 0.94) {
                return given + " " + Text.upper(family);
            }
            return Text.upper(given) + " " + family;
        }
        String given = Variation.westernGiven(p, 0.1, dice);
        String family = Variation.maybeTypo(Variation.westernFamily(p, day, 0.25, dice), 0.05, dice);
        double r = dice.uniform();
        if (r < 0.55) {
            return given + " " + family;
        }
        if (r < 0.70) {
            return family + ", " + given;
        }
        if (r < 0.80) {
            String title = dice.chance(0.3) ? "Dr." : p.gender() == Gender.MALE ? "Mr" : dice.pick(List.of("Mrs", "Ms"));
            return title + " " + given + " " + family;
        }
        if (r < 0.86) {
            return Text.upper(family) + " " + given;
        }
        if (r < 0.92) {
            return given.charAt(0) + ". " + family;
        }
        return Text.lower(given + " " + family);
    }

    /** Mostly the mobile; the home landline or, for colleagues, the office switchboard they called from. */
    private String phone(Person p) {
        if (dice.chance(0.06)) {
            return null;
        }
        Phone phone = p.mobile();
        if (p.hardCase().startsWith("colleagues:") && dice.chance(0.5)) {
            phone = p.company().switchboard();
        } else if (dice.chance(Variation.landlineRate(p, 0.35, 0.7))) {
            phone = p.landline();
        }
        PhoneMix mix = switch (p.culture()) {
            case MAINLAND, HONG_KONG, TAIWAN -> CHINESE_PHONES;
            case UK -> UK_PHONES;
            case US -> US_PHONES;
            case GERMANY -> GERMAN_PHONES;
        };
        return phone.format(mix.pick(dice));
    }
}
