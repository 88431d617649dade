package com.custmaster.synth;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A distributor's customer list (distributor/customers_gbk.csv): Chinese headers, GBK encoding,
 * names in Hanzi (traditional for most Hong Kong and Taiwan customers), phones in local style,
 * dates as yyyy/MM/dd. Only Chinese persons buy through the distributor (Hong Kong and Taiwan ones
 * are recognisable by 省份 香港 / 台湾, as there is no country column); a few were registered under a
 * Latin name.
 */
final class DistributorSource {

    static final String HEADER = "客户编号,姓名,手机,电子邮箱,公司名称,省份,城市,详细地址,邮编,出生日期,更新时间";
    static final int COLUMNS = 11;

    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm", Locale.ROOT);
    private static final PhoneMix MAINLAND_PHONES = PhoneMix.of(
            "NATIONAL_COMPACT:55 INTERNATIONAL_00_DASHED:20 NATIONAL_DASHED:10 INTERNATIONAL_COMPACT:10 NATIONAL:5");
    /** Hong Kong and Taiwan numbers always carry their country code here: the file has no country column. */
    private static final PhoneMix OTHER_PHONES = PhoneMix.of(
            "INTERNATIONAL:50 INTERNATIONAL_00_DASHED:30 INTERNATIONAL_COMPACT:20");

    private final Dice dice;

    DistributorSource(Dice dice) {
        this.dice = dice;
    }

    List<SourceRow> render(List<Draft> drafts) {
        Map<Integer, Defect> defects = new TreeMap<>();
        Defects.assign(defects, drafts, Defect.INVALID_DATE, 4, d -> d.person().birthDate() != null, dice);
        Defects.assign(defects, drafts, Defect.NO_IDENTITY, 3, d -> true, dice);
        List<SourceRow> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            String id = String.format(Locale.ROOT, "D-%07d", 8_000_001 + i);
            Defect defect = defects.getOrDefault(i, Defect.NONE);
            rows.add(new SourceRow(Source.DISTRIBUTOR, id, id, draft.person().personId(), defect, draft.duplicate(),
                    draft.updatedAt(), Text.csvLine(values(id, draft, defect))));
        }
        return rows;
    }

    private List<String> values(String id, Draft draft, Defect defect) {
        Person p = draft.person();
        if (!p.culture().chinese()) {
            throw new IllegalStateException("The distributor only sells to Chinese persons, got " + p.personId());
        }
        LocalDate day = draft.updatedAt().toLocalDate();
        String name;
        double r = dice.uniform();
        if (p.englishName() != null && r < 0.25) {
            name = p.englishName() + " " + p.familyLatin();
        } else if (r < 0.02) {
            name = p.familyLatin() + " " + p.givenLatin();
        } else {
            boolean traditional = Variation.traditional(p, dice, 0.85);
            name = Variation.script(p.familyName(), traditional) + (dice.chance(0.03) ? " " : "")
                    + Variation.script(Variation.maybeHomophone(p.givenName(), 0.05, dice), traditional);
        }
        String phone = "";
        if (dice.chance(0.97)) {
            Phone number = dice.chance(Variation.landlineRate(p, 0.05, 0.3)) ? p.landline() : p.mobile();
            phone = number.format((p.culture() == Culture.MAINLAND ? MAINLAND_PHONES : OTHER_PHONES).pick(dice));
        }
        String email = p.email() != null && dice.chance(0.65) ? Variation.email(p.email(), 0.1, dice) : "";
        String company = p.company() != null && dice.chance(0.8) ? p.company().nativeName() : "";
        Address a = p.addressAt(day);
        String city = a.cityNative();
        if (dice.chance(0.3)) {
            city = Variation.withoutCitySuffix(city);
        }
        if (p.culture() == Culture.TAIWAN && dice.chance(0.5)) {
            city = city.replace('臺', '台');
        }
        String line = a.lineNative();
        if (dice.chance(0.25)) {
            line = (a.region().equals(a.cityNative()) ? "" : a.region()) + a.cityNative() + line;
        }
        String postcode = dice.chance(0.9) ? a.postcode() : "";
        String birth = p.birthDate() != null && dice.chance(0.8) ? BIRTH.format(p.birthDate()) : "";
        if (defect == Defect.NO_IDENTITY) {
            name = "";
            phone = "";
            email = "";
        } else if (defect == Defect.INVALID_DATE) {
            birth = Variation.impossibleDate(p.birthDate(), dice).format("yyyy/MM/dd");
        }
        List<String> values = List.of(id, name, phone, email, company, a.region(), city, line, postcode, birth,
                UPDATED.format(draft.updatedAt()));
        if (values.size() != COLUMNS) {
            throw new IllegalStateException("Distributor row has " + values.size() + " values, expected " + COLUMNS);
        }
        return values;
    }
}
