package com.custmaster.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.Transliterator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;

/**
 * Synthetic contact files of any size in the three file formats of the sample sources: the CRM's
 * UTF-8 CSV, the distributor's GBK CSV with Chinese headers and the call centre's JSON Lines with
 * nested objects, with the columns conf/sources/*.yml maps. The values have the sample data's mix:
 * Latin and Chinese names (simplified and traditional), phones in +86, 0086, local, +44, +1 and +49
 * styles, emails with capitals and +tags, dates in each source's format, and about 1% bad rows
 * (broken rows, impossible dates, no identity, no id).
 *
 * <p>Why not {@code com.custmaster.synth}: that generator invents a fixed population of about 2,000
 * persons with a known truth for matching, and keeps every phone and email unique; a throughput
 * benchmark needs millions of rows with the same variety and no truth. The same seed and row count
 * always give the same bytes.
 */
final class SyntheticContacts {

    /** The header the CRM export has (conf/sources/crm.yml maps these columns). */
    static final String CRM_HEADER = "contact_id,salutation,first_name,last_name,email,mobile,work_phone,birth_date,"
            + "street,city,postcode,country,company,updated_at";
    /** The header the distributor's file has (conf/sources/distributor.yml maps these columns). */
    static final String DISTRIBUTOR_HEADER = "客户编号,姓名,手机,电子邮箱,公司名称,省份,城市,详细地址,邮编,出生日期,更新时间";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat CSV = CSVFormat.RFC4180;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SLASHED_MINUTES = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
    private static final DateTimeFormatter SLASHED_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    /** A Chinese name part: simplified form, toneless pinyin and traditional form (the same where unchanged). */
    private record Han(String simplified, String pinyin, String traditional) {
    }

    /** Common surnames, most frequent first; the last four are compound surnames. */
    private static final List<String> SURNAMES = List.of(("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 "
            + "宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 "
            + "贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 单 "
            + "欧阳 司马 诸葛 上官").split(" "));
    /**
     * Characters of given names, roughly the most frequent first. Drawn with a skew to the front, two
     * of them make about a hundred thousand different given names in a million rows, not a handful:
     * the normaliser caches names, and must not look better here than on a real file (which may have
     * more different names still, so fewer cache hits).
     */
    private static final String GIVEN_CHARACTERS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉建国文辉晓红海鹏宇"
            + "浩婷雪琳欣佳涵轩泽丹龙志东兰荣梅琴云莉凤洁春燕玲波斌宁飞峰林亮成俊德新萍慧颖倩晶莹鑫琪蕾露瑶怡悦嘉雅思梦"
            + "晨阳子梓睿博然昊天奕一诗雨可心安语萱馨妍彤欢乐鸿振家庆永忠生福康金山松柏森宏伦坤健鸣毅锋兵旭光达江河清"
            + "淑珍芬菊翠香琼花月蓉彬蓓薇璐璇瑾菲娅婧琦茜岚冰钰珊莎媛妮婉巧美娇蕊艺晴舒畅童彦宸铭航杨凯帆锦皓哲瀚煜逸"
            + "豪祥瑞辰骏诚信仁义礼智勤俭中民卫兴旺发财贵富宝珠珏琰璋琛瑜瑛璟炜烨煊炎焱岩峻嵩崇巍屹峥岳昆仑川洪涌沛淼"
            + "渊源泉润溪澜潇湘汉武斐霖霏雯霄震雷霆劲威猛翔翼鹤鹰凌云彩霓虹丰收耕耘勋功业绩卓越";
    private static final List<Han> SURNAME_TABLE = hanTable(SURNAMES, "Han-Latin/Names; Latin-ASCII; Lower");
    private static final List<Han> GIVEN_TABLE = hanTable(
            GIVEN_CHARACTERS.codePoints().distinct().mapToObj(Character::toString).toList(), "Han-Latin; Latin-ASCII; Lower");

    /** Pinyin and traditional forms by ICU, once: a table typed by hand would be long and no more right. */
    private static List<Han> hanTable(List<String> characters, String toPinyin) {
        Transliterator pinyin = Transliterator.getInstance(toPinyin);
        Transliterator traditional = Transliterator.getInstance("Simplified-Traditional");
        return characters.stream()
                .map(c -> new Han(c, pinyin.transliterate(c).replace(" ", ""), traditional.transliterate(c)))
                .toList();
    }

    private static final List<String> ENGLISH_GIVEN = List.of("John", "James", "David", "Michael", "Robert", "William",
            "Thomas", "Daniel", "Peter", "Kevin", "Sarah", "Emma", "Sophie", "Olivia", "Emily", "Jessica", "Laura",
            "Anna", "Mary-Ann", "Grace", "Chloe", "Jason", "Vivian", "Tony");
    private static final List<String> ENGLISH_FAMILY = List.of("Smith", "Jones", "Taylor", "Brown", "Williams",
            "Wilson", "Johnson", "Davies", "Wright", "Walker", "O'Brien", "Miller", "Garcia", "Anderson", "Clark",
            "Thompson", "Robinson", "Hughes", "Edwards", "McDonald");
    private static final List<String> GERMAN_GIVEN = List.of("Jürgen", "Lukas", "Stefan", "Anna", "Katrin", "Jörg",
            "Sabine", "Matthias", "Lena", "Uwe");
    private static final List<String> GERMAN_FAMILY = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
            "Becker", "Schäfer", "Koch", "Weiß", "Hoffmann");

    private enum Culture {
        MAINLAND("CN"), HONG_KONG("HK"), TAIWAN("TW"), UK("GB"), US("US"), GERMANY("DE");

        final String country;

        Culture(String country) {
            this.country = country;
        }

        boolean chinese() {
            return this == MAINLAND || this == HONG_KONG || this == TAIWAN;
        }
    }

    /**
     * A city with what addresses and phones there need.
     *
     * @param region the province as the distributor writes it
     * @param postcode postcode prefix, empty where the place has none
     * @param areaCode landline area code without the trunk prefix, empty for mobile-only places
     * @param districts native and Latin district names, alternating
     * @param streets native and Latin street names, alternating
     */
    private record City(Culture culture, String latin, String nativeName, String region, String postcode,
                        String areaCode, List<String> districts, List<String> streets) {

        static City of(Culture culture, String spec) {
            String[] parts = spec.split("\\|", -1);
            return new City(culture, parts[0], parts[1], parts[2], parts[3], parts[4],
                    List.of(parts[5].split(",")), List.of(parts[6].split(",")));
        }
    }

    private static final String MAINLAND_STREETS = "人民路,Renmin Road,解放路,Jiefang Road,中山路,Zhongshan Road,"
            + "和平路,Heping Road,建设路,Jianshe Road,胜利路,Shengli Road,科技路,Keji Road,幸福街,Xingfu Street";
    private static final Map<Culture, List<City>> CITIES = byCulture(
            City.of(Culture.MAINLAND, "Shanghai|上海市|上海|200|21|浦东新区,Pudong New District,徐汇区,Xuhui District,"
                    + "静安区,Jing'an District|" + MAINLAND_STREETS),
            City.of(Culture.MAINLAND, "Beijing|北京市|北京|100|10|朝阳区,Chaoyang District,海淀区,Haidian District|"
                    + MAINLAND_STREETS),
            City.of(Culture.MAINLAND, "Guangzhou|广州市|广东省|510|20|天河区,Tianhe District,越秀区,Yuexiu District|"
                    + MAINLAND_STREETS),
            City.of(Culture.MAINLAND, "Shenzhen|深圳市|广东省|518|755|南山区,Nanshan District,福田区,Futian District|"
                    + MAINLAND_STREETS),
            City.of(Culture.MAINLAND, "Chengdu|成都市|四川省|610|28|武侯区,Wuhou District,青羊区,Qingyang District|"
                    + MAINLAND_STREETS),
            City.of(Culture.MAINLAND, "Wuhan|武汉市|湖北省|430|27|江汉区,Jianghan District,武昌区,Wuchang District|"
                    + MAINLAND_STREETS),
            City.of(Culture.MAINLAND, "Hangzhou|杭州市|浙江省|310|571|西湖区,Xihu District,上城区,Shangcheng District|"
                    + MAINLAND_STREETS),
            City.of(Culture.MAINLAND, "Xi'an|西安市|陕西省|710|29|碑林区,Beilin District,雁塔区,Yanta District|"
                    + MAINLAND_STREETS),
            City.of(Culture.HONG_KONG, "Hong Kong|香港|香港|||油麻地,Yau Ma Tei,銅鑼灣,Causeway Bay,沙田,Sha Tin|"
                    + "彌敦道,Nathan Road,軒尼詩道,Hennessy Road,皇后大道中,Queen's Road Central"),
            City.of(Culture.TAIWAN, "Taipei|臺北市|台湾|10|2|大安區,Da'an District,信義區,Xinyi District|"
                    + "忠孝東路,Zhongxiao East Road,仁愛路,Ren'ai Road,復興南路,Fuxing South Road"),
            City.of(Culture.UK, "London|London|England|SW|20|,|High Street,,Station Road,,Church Lane,,Queen's Road"),
            City.of(Culture.UK, "Manchester|Manchester|England|M||,|Victoria Road,,Mill Lane,,Park Avenue"),
            City.of(Culture.UK, "Bristol|Bristol|England|BS||,|Gloucester Road,,Whiteladies Road,,Station Road"),
            City.of(Culture.US, "New York|New York|NY|100|212|,|Broadway,,Park Avenue,,West 72nd Street"),
            City.of(Culture.US, "San Francisco|San Francisco|CA|941|415|,|Market Street,,Mission Street,,Oak Street"),
            City.of(Culture.US, "Chicago|Chicago|IL|606|312|,|Michigan Avenue,,State Street,,Maple Avenue"),
            City.of(Culture.GERMANY, "Berlin|Berlin|Berlin|10|30|,|Hauptstraße,,Schillerstraße,,Gartenweg"),
            City.of(Culture.GERMANY, "Munich|München|Bayern|80|89|,|Bahnhofstraße,,Leopoldstraße,,Marienplatz"));

    private static Map<Culture, List<City>> byCulture(City... cities) {
        Map<Culture, List<City>> byCulture = new EnumMap<>(Culture.class);
        for (City city : cities) {
            byCulture.computeIfAbsent(city.culture(), culture -> new ArrayList<>()).add(city);
        }
        return byCulture;
    }

    private static final List<String> COMPANY_CORES = List.of("华信,Huaxin", "东方,Dongfang", "长城,Changcheng",
            "金桥,Jinqiao", "宏达,Hongda", "新华,Xinhua");
    private static final List<String> COMPANY_TRADES = List.of("科技,Technology", "贸易,Trading", "电子,Electronics",
            "物流,Logistics");
    private static final List<String> COMPANY_FORMS = List.of("有限公司,Co., Ltd.", "股份有限公司,Co., Ltd.", "集团,Group");
    private static final List<String> WESTERN_COMPANIES = List.of("Acme", "Northwind", "Globex", "Initech", "Contoso",
            "Fabrikam", "Umbrella", "Wayne");
    private static final List<String> WESTERN_TRADES = List.of("Trading", "Logistics", "Consulting", "Systems", "Foods");

    /** One invented person; each row of each file is a new one. */
    private record Person(Culture culture, City city, Han family, List<Han> given, String englishName,
                          String givenLatin, String familyLatin, LocalDate birthDate, String email, String company,
                          String companyNative) {
    }

    /** Who is in each source, in percent. The distributor only sells to Chinese customers. */
    private static final List<Culture> CRM_MIX = mix("MAINLAND:50 HONG_KONG:5 TAIWAN:5 UK:24 US:12 GERMANY:4");
    private static final List<Culture> DISTRIBUTOR_MIX = mix("MAINLAND:85 HONG_KONG:9 TAIWAN:6");
    private static final List<Culture> CALL_CENTRE_MIX = mix("MAINLAND:48 HONG_KONG:7 TAIWAN:5 UK:24 US:12 GERMANY:4");

    /** A deliberate fault of one row, about 1% of the rows in all. */
    private enum Fault { NONE, MALFORMED, INVALID_DATE, NO_IDENTITY, NO_ID }

    /** Stands in for the name of a broken JSON line until the line is broken. */
    private static final String BROKEN_NAME = "@@broken@@";

    private final Random random;

    SyntheticContacts(long seed) {
        this.random = new Random(seed);
    }

    /** The CRM export: UTF-8 CSV, names in separate columns, ISO dates. */
    void writeCrm(Path file, Charset charset, int rows) throws IOException {
        write(file, charset, CRM_HEADER, rows, i -> crmRow(String.format(Locale.ROOT, "CRM-%07d", i)));
    }

    /** The distributor's list: Chinese customers only, GBK, names in Hanzi, dates as yyyy/MM/dd. */
    void writeDistributor(Path file, Charset charset, int rows) throws IOException {
        write(file, charset, DISTRIBUTOR_HEADER, rows, i -> distributorRow(String.format(Locale.ROOT, "D-%07d", i)));
    }

    /** The call centre's export: one JSON object per line, caller and address as nested objects. */
    void writeCallCentre(Path file, Charset charset, int rows) throws IOException {
        write(file, charset, null, rows, this::callCentreRow);
    }

    /** Rows 1 to {@code rows}, after the header if there is one, each line ending in "\n". */
    private static void write(Path file, Charset charset, String header, int rows, IntFunction<String> row)
            throws IOException {
        try (Writer out = writer(file, charset)) {
            if (header != null) {
                out.write(header);
                out.write('\n');
            }
            for (int i = 1; i <= rows; i++) {
                out.write(row.apply(i));
                out.write('\n');
            }
        }
    }

    /** A writer that fails on a character the encoding cannot hold, rather than writing '?'. */
    private static Writer writer(Path file, Charset charset) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset.newEncoder()), 1 << 16);
    }

    private String crmRow(String id) {
        Fault fault = fault();
        Person p = person(pick(CRM_MIX));
        String first;
        String last;
        boolean hanzi = false;
        double r = random.nextDouble();
        if (!p.culture().chinese()) {
            first = p.givenLatin();
            last = chance(0.03) ? upper(p.familyLatin()) : p.familyLatin();
        } else if (p.englishName() != null && r < 0.3) {
            first = p.englishName();
            last = p.familyLatin();
        } else if (r < 0.72) {
            first = p.givenLatin();
            last = chance(0.05) ? upper(p.familyLatin()) : p.familyLatin();
        } else if (r < 0.92) {
            boolean traditional = traditional(p, 0.8);
            first = hanzi(p.given(), traditional);
            last = hanzi(List.of(p.family()), traditional);
            hanzi = true;
        } else {
            first = p.familyLatin();
            last = p.givenLatin();
        }
        String salutation = chance(0.6) ? pick(List.of("Mr", "Ms", "Mrs", "Dr")) : "";
        String mobile = chance(0.95) ? phone(p) : "";
        String workPhone = p.company() != null && chance(0.8) ? phone(p) : "";
        boolean nativeAddress = p.culture().chinese() && chance(hanzi ? 0.7 : 0.1);
        String street = nativeAddress ? nativeLine(p) : latinLine(p);
        String city = nativeAddress ? nativeCity(p) : p.city().latin();
        String company = p.company() == null ? "" : p.culture().chinese() && chance(0.4) ? p.companyNative() : p.company();
        String[] values = {id, salutation, first, last, emailAsTyped(p), mobile, workPhone,
            date(p.birthDate(), DateTimeFormatter.ISO_LOCAL_DATE, 0.9), street, city, postcode(p, 0.95),
            countryAsTyped(p), company, SECONDS.format(updatedAt())};
        // A broken row: a company name with a comma that the export forgot to quote.
        return csvRow(values, fault, 12, "Acme Trading Co., Ltd.", 7, "%d-%02d-%02d", 2, 3, 4, 5);
    }

    private String distributorRow(String id) {
        Fault fault = fault();
        Person p = person(pick(DISTRIBUTOR_MIX));
        String name;
        double r = random.nextDouble();
        if (p.englishName() != null && r < 0.25) {
            name = p.englishName() + " " + p.familyLatin();
        } else if (r < 0.02) {
            name = p.familyLatin() + " " + p.givenLatin();
        } else {
            boolean traditional = traditional(p, 0.85);
            name = hanzi(List.of(p.family()), traditional) + (chance(0.03) ? " " : "") + hanzi(p.given(), traditional)
                    + (chance(0.03) ? pick(List.of("先生", "女士")) : "");
        }
        String city = chance(0.3) ? p.city().nativeName().replace("市", "") : p.city().nativeName();
        String line = nativeLine(p);
        if (chance(0.25)) {
            line = (p.city().region().equals(city) ? "" : p.city().region()) + p.city().nativeName() + line;
        }
        String[] values = {id, name, chance(0.97) ? phone(p) : "", chance(0.65) ? emailAsTyped(p) : "",
            p.companyNative() == null ? "" : p.companyNative(), p.city().region(), city, line, postcode(p, 0.9),
            date(p.birthDate(), SLASHED_DATE, 0.8), SLASHED_MINUTES.format(updatedAt())};
        // A broken row: an address typed with a comma that the export forgot to quote.
        return csvRow(values, fault, 7, values[7] + "," + values[6], 9, "%d/%02d/%02d", 1, 2, 3);
    }

    /**
     * The row as CSV, with its fault: the broken column's value written with its comma unquoted, an
     * impossible date in the date column, the identity columns empty, or no id (column 0).
     */
    private String csvRow(String[] values, Fault fault, int brokenColumn, String brokenValue, int dateColumn,
                          String dateFormat, int... identityColumns) {
        switch (fault) {
            case MALFORMED -> {
                values[brokenColumn] = brokenValue;
                return CSV.format((Object[]) values).replace("\"" + brokenValue + "\"", brokenValue);
            }
            case INVALID_DATE -> values[dateColumn] = impossibleDate(dateFormat);
            case NO_IDENTITY -> {
                for (int column : identityColumns) {
                    values[column] = "";
                }
            }
            case NO_ID -> values[0] = "";
            default -> {
            }
        }
        return CSV.format((Object[]) values);
    }

    private String callCentreRow(int number) {
        Fault fault = fault();
        Person p = person(pick(CALL_CENTRE_MIX));
        String name = callerName(p);
        String phone = chance(0.94) ? phone(p) : null;
        String email = chance(0.82) ? emailAsTyped(p) : null;
        String dob = emptyToNull(date(p.birthDate(), DAY_FIRST, 0.85));
        String id = String.format(Locale.ROOT, "CALL-%07d", number);
        switch (fault) {
            case MALFORMED -> name = BROKEN_NAME;
            case INVALID_DATE -> dob = impossibleDate("%3$02d/%2$02d/%1$d");
            case NO_IDENTITY -> {
                name = chance(0.5) ? "" : null;
                phone = null;
                email = null;
            }
            case NO_ID -> id = null;
            default -> {
            }
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("ticket", String.format(Locale.ROOT, "CC-%d-%07d", 2024 + number % 3, number));
        ObjectNode caller = line.putObject("caller");
        caller.put("id", id);
        caller.put("name", name);
        caller.put("phone", phone);
        caller.put("email", email);
        line.put("dob", dob);
        if (chance(0.9)) {
            boolean nativeScript = p.culture().chinese() && chance(0.55);
            ObjectNode address = line.putObject("address");
            address.put("line", nativeScript ? nativeLine(p) : latinLine(p));
            address.put("city", nativeScript ? nativeCity(p) : p.city().latin());
            address.put("postcode", emptyToNull(postcode(p, 0.92)));
        } else {
            line.putNull("address");
        }
        line.put("country", p.culture().country);
        line.put("updated_at", ISO_UTC.format(updatedAt()));
        String text;
        try {
            text = JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (fault == Fault.MALFORMED) {
            // An agent typed a nickname in double quotes and the export did not escape them.
            text = text.replace("\"" + BROKEN_NAME + "\"", "\"" + p.givenLatin() + " \"Bud\" " + p.familyLatin() + "\"");
        }
        return text;
    }

    /** The name as a caller gave it and an agent typed it. */
    private String callerName(Person p) {
        double r = random.nextDouble();
        if (p.culture().chinese()) {
            if (p.englishName() != null && r < 0.15) {
                return p.englishName() + " " + p.familyLatin();
            }
            if (r < 0.45) {
                boolean traditional = traditional(p, 0.75);
                return hanzi(List.of(p.family()), traditional) + hanzi(p.given(), traditional);
            }
            if (r < 0.70) {
                return p.familyLatin() + " " + p.givenLatin();
            }
            if (r < 0.80) {
                return p.givenLatin() + " " + p.familyLatin();
            }
            return r < 0.90 ? upper(p.familyLatin()) + " " + p.givenLatin() : p.givenLatin() + " " + upper(p.familyLatin());
        }
        if (r < 0.55) {
            return p.givenLatin() + " " + p.familyLatin();
        }
        if (r < 0.70) {
            return p.familyLatin() + ", " + p.givenLatin();
        }
        if (r < 0.80) {
            return pick(List.of("Dr.", "Mr", "Mrs", "Ms")) + " " + p.givenLatin() + " " + p.familyLatin();
        }
        if (r < 0.86) {
            return upper(p.familyLatin()) + " " + p.givenLatin();
        }
        if (r < 0.92) {
            return p.givenLatin().charAt(0) + ". " + p.familyLatin();
        }
        return (p.givenLatin() + " " + p.familyLatin()).toLowerCase(Locale.ROOT);
    }

    private Person person(Culture culture) {
        City city = pick(CITIES.get(culture));
        Han family = null;
        List<Han> given = List.of();
        String englishName = null;
        String givenLatin;
        String familyLatin;
        if (culture.chinese()) {
            family = skewed(SURNAME_TABLE);
            given = chance(0.8) ? List.of(skewed(GIVEN_TABLE), skewed(GIVEN_TABLE)) : List.of(skewed(GIVEN_TABLE));
            givenLatin = capitalise(given.stream().map(Han::pinyin).reduce("", String::concat));
            familyLatin = capitalise(family.pinyin());
            englishName = chance(culture == Culture.MAINLAND ? 0.08 : 0.5) ? pick(ENGLISH_GIVEN) : null;
        } else {
            givenLatin = pick(culture == Culture.GERMANY ? GERMAN_GIVEN : ENGLISH_GIVEN);
            familyLatin = pick(culture == Culture.GERMANY ? GERMAN_FAMILY : ENGLISH_FAMILY);
        }
        LocalDate birthDate = chance(0.92) ? LocalDate.of(1950, 1, 1).plusDays(random.nextInt(56 * 365)) : null;
        String email = email(culture, englishName != null && chance(0.3) ? englishName : givenLatin, familyLatin,
                birthDate);
        String company = null;
        String companyNative = null;
        if (chance(0.1)) {
            if (culture.chinese()) {
                String[] core = pick(COMPANY_CORES).split(",");
                String[] trade = pick(COMPANY_TRADES).split(",");
                String[] form = pick(COMPANY_FORMS).split(",", 2);
                companyNative = city.nativeName().replace("市", "") + core[0] + trade[0] + form[0];
                company = city.latin() + " " + core[1] + " " + trade[1] + " " + form[1];
            } else {
                String form = switch (culture) {
                    case UK -> pick(List.of("Ltd", "Limited", "plc"));
                    case US -> pick(List.of("Inc.", "LLC", "Corp."));
                    default -> pick(List.of("GmbH", "AG"));
                };
                company = pick(WESTERN_COMPANIES) + " " + pick(WESTERN_TRADES) + " " + form;
            }
        }
        return new Person(culture, city, family, given, englishName, givenLatin, familyLatin, birthDate, email, company,
                companyNative);
    }

    private String email(Culture culture, String given, String family, LocalDate birthDate) {
        String g = ascii(given);
        String f = ascii(family);
        String year = String.valueOf(birthDate == null ? 1960 + random.nextInt(45) : birthDate.getYear());
        double r = random.nextDouble();
        if (culture.chinese() && r < 0.25) {
            return (100_000_000 + random.nextInt(900_000_000)) + "@qq.com";
        }
        String local;
        if (r < 0.5) {
            local = f + g + year.substring(year.length() - 2);
        } else if (r < 0.75) {
            local = g + "." + f;
        } else {
            local = g.charAt(0) + f + year;
        }
        List<String> domains = switch (culture) {
            case MAINLAND -> List.of("163.com", "126.com", "sina.com", "sohu.com", "qq.com", "gmail.com");
            case HONG_KONG, TAIWAN -> List.of("gmail.com", "yahoo.com.hk", "hotmail.com", "outlook.com");
            case UK -> List.of("gmail.com", "hotmail.co.uk", "btinternet.com", "outlook.com", "googlemail.com");
            case US -> List.of("gmail.com", "yahoo.com", "icloud.com", "outlook.com");
            case GERMANY -> List.of("web.de", "gmx.de", "gmail.com", "t-online.de");
        };
        return local + "@" + pick(domains);
    }

    /** The email as a person typed it: sometimes capitalised, tagged, padded or broken. */
    private String emailAsTyped(Person p) {
        String email = p.email();
        double r = random.nextDouble();
        if (r < 0.08) {
            int at = email.indexOf('@');
            email = capitalise(email.substring(0, at)) + "@" + upper(email.substring(at + 1));
        } else if (r < 0.12) {
            email = email.replace("@", "+" + pick(List.of("shop", "news", "crm")) + "@");
        } else if (r < 0.14) {
            email = email + " ";
        } else if (r < 0.15) {
            email = chance(0.5) ? email.replace("@", "@@") : email.replace("@", " at ");
        }
        return email;
    }

    /** A phone in one of the styles people write for the person's country; 1.5% are not phone numbers. */
    private String phone(Person p) {
        if (chance(0.015)) {
            return pick(List.of("12345", "n/a", "+86 123", "0000000", "138001380"));
        }
        return switch (p.culture()) {
            case MAINLAND -> {
                if (chance(0.2)) {
                    String area = p.city().areaCode();
                    String local = digits(1, "2345678") + digits(7, null);
                    yield switch (random.nextInt(3)) {
                        case 0 -> "(0" + area + ") " + local.substring(0, 4) + " " + local.substring(4);
                        case 1 -> "0" + area + "-" + local;
                        default -> "+86 " + area + " " + local.substring(0, 4) + " " + local.substring(4);
                    };
                }
                String n = "1" + digits(1, "358") + digits(9, null);
                yield switch (random.nextInt(6)) {
                    case 0 -> "+86 " + n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
                    case 1 -> "0086 " + n;
                    case 2 -> n;
                    case 3 -> n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
                    case 4 -> "+86" + n;
                    default -> "0086-" + n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
                };
            }
            case HONG_KONG -> {
                String n = digits(1, "569") + digits(7, null);
                yield switch (random.nextInt(3)) {
                    case 0 -> "+852 " + n.substring(0, 4) + " " + n.substring(4);
                    case 1 -> "00852 " + n;
                    default -> "+852" + n;
                };
            }
            case TAIWAN -> {
                String n = "9" + digits(8, null);
                yield switch (random.nextInt(3)) {
                    case 0 -> "+886 " + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
                    case 1 -> "0" + n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6);
                    default -> "00886 " + n;
                };
            }
            case UK -> {
                boolean landline = !p.city().areaCode().isEmpty() && chance(0.3);
                String head = landline ? p.city().areaCode() : "7" + digits(1, "45789") + digits(2, null);
                String tail = landline ? "7" + digits(3, null) + " " + digits(4, null) : digits(6, null);
                yield switch (random.nextInt(4)) {
                    case 0 -> "+44 " + head + " " + tail;
                    case 1 -> "0" + head + " " + tail;
                    case 2 -> "+44 (0)" + head + " " + tail;
                    default -> "0044" + head + tail.replace(" ", "");
                };
            }
            case US -> {
                String area = p.city().areaCode();
                String exchange = digits(1, "23456789") + digits(1, "02345678") + digits(1, null);
                String line = digits(4, null);
                yield switch (random.nextInt(4)) {
                    case 0 -> "+1 (" + area + ") " + exchange + "-" + line;
                    case 1 -> "(" + area + ") " + exchange + "-" + line;
                    case 2 -> area + "-" + exchange + "-" + line;
                    default -> "+1 " + area + " " + exchange + " " + line;
                };
            }
            case GERMANY -> {
                String n = chance(0.6) ? "15" + digits(1, "1279") + digits(8, null)
                        : p.city().areaCode() + digits(1, "2345678") + digits(7, null);
                int split = n.startsWith("15") ? 3 : 2;
                yield switch (random.nextInt(3)) {
                    case 0 -> "+49 " + n.substring(0, split) + " " + n.substring(split);
                    case 1 -> "0" + n.substring(0, split) + " " + n.substring(split);
                    default -> "0049 " + n.substring(0, split) + " " + n.substring(split);
                };
            }
        };
    }

    private String nativeLine(Person p) {
        City city = p.city();
        if (!p.culture().chinese()) {
            return latinLine(p);
        }
        int district = random.nextInt(city.districts().size() / 2) * 2;
        int street = random.nextInt(city.streets().size() / 2) * 2;
        String number = String.valueOf(1 + random.nextInt(400));
        if (p.culture() == Culture.MAINLAND) {
            return city.districts().get(district) + city.streets().get(street) + number + "号"
                    + (chance(0.6) ? (1 + random.nextInt(30)) + "栋" + (1 + random.nextInt(25)) + "0" + (1 + random.nextInt(4))
                    + "室" : "");
        }
        return city.districts().get(district) + city.streets().get(street) + number + "號" + (1 + random.nextInt(30))
                + "樓";
    }

    private String latinLine(Person p) {
        City city = p.city();
        int street = random.nextInt(city.streets().size() / 2) * 2;
        int number = 1 + random.nextInt(400);
        return switch (p.culture()) {
            case MAINLAND, HONG_KONG, TAIWAN -> {
                int district = random.nextInt(city.districts().size() / 2) * 2;
                String room = chance(0.6) ? "Room " + (1 + random.nextInt(25)) + "0" + (1 + random.nextInt(4))
                        + ", Building " + (1 + random.nextInt(30)) + ", " : "";
                yield room + "No. " + number + " " + city.streets().get(street + 1) + ", "
                        + city.districts().get(district + 1);
            }
            case GERMANY -> city.streets().get(street) + " " + number;
            default -> number + " " + city.streets().get(street) + (chance(0.2) ? ", Apt " + (1 + random.nextInt(40)) : "");
        };
    }

    private String nativeCity(Person p) {
        return chance(0.5) ? p.city().nativeName() : p.city().nativeName().replace("市", "");
    }

    private String postcode(Person p, double present) {
        String prefix = p.city().postcode();
        if (prefix.isEmpty() || !chance(present)) {
            return "";
        }
        return switch (p.culture()) {
            case UK -> prefix + (1 + random.nextInt(20)) + " " + random.nextInt(10) + letters(2);
            case US -> prefix + digits(2, null);
            case GERMANY -> prefix + digits(3, null);
            case TAIWAN -> prefix + digits(1, null);
            default -> prefix + digits(3, null);
        };
    }

    private String countryAsTyped(Person p) {
        double r = random.nextDouble();
        return switch (p.culture()) {
            case MAINLAND -> r < 0.9 ? "CN" : r < 0.95 ? "China" : "中国";
            case UK -> r < 0.88 ? "GB" : r < 0.94 ? "UK" : "United Kingdom";
            case US -> r < 0.95 ? "US" : "USA";
            default -> p.culture().country;
        };
    }

    private String date(LocalDate date, DateTimeFormatter format, double present) {
        return date != null && chance(present) ? format.format(date) : "";
    }

    /** A date that does not exist (30 February, 31 April, month 13), in the given year-month-day format. */
    private String impossibleDate(String format) {
        int year = 1950 + random.nextInt(55);
        int[][] impossible = {{2, 30}, {4, 31}, {13, 5}, {6, 31}};
        int[] monthDay = impossible[random.nextInt(impossible.length)];
        return String.format(Locale.ROOT, format, year, monthDay[0], monthDay[1]);
    }

    private LocalDateTime updatedAt() {
        return LocalDateTime.of(2019, 1, 1, 0, 0).plusSeconds(random.nextInt(7 * 365 * 86_400));
    }

    private Fault fault() {
        double r = random.nextDouble();
        return r < 0.003 ? Fault.MALFORMED : r < 0.006 ? Fault.INVALID_DATE : r < 0.008 ? Fault.NO_IDENTITY
                : r < 0.010 ? Fault.NO_ID : Fault.NONE;
    }

    private boolean traditional(Person p, double rateWhereUsual) {
        return chance(p.culture() == Culture.MAINLAND ? 0.03 : rateWhereUsual);
    }

    private static String hanzi(List<Han> characters, boolean traditional) {
        StringBuilder out = new StringBuilder();
        for (Han han : characters) {
            out.append(traditional ? han.traditional() : han.simplified());
        }
        return out.toString();
    }

    private static List<Culture> mix(String percentages) {
        List<Culture> mix = new ArrayList<>();
        for (String part : percentages.split(" ")) {
            String[] nameAndPercent = part.split(":");
            mix.addAll(Collections.nCopies(Integer.parseInt(nameAndPercent[1]), Culture.valueOf(nameAndPercent[0])));
        }
        if (mix.size() != 100) {
            throw new IllegalArgumentException("percentages do not add up to 100: " + percentages);
        }
        return List.copyOf(mix);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** An element with the front of the list more likely: element i about as often as 1/sqrt(i). */
    private <T> T skewed(List<T> options) {
        double u = random.nextDouble();
        return options.get((int) (options.size() * u * u));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private String digits(int count, String firstChoices) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(i == 0 && firstChoices != null ? firstChoices.charAt(random.nextInt(firstChoices.length()))
                    : (char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String letters(int count) {
        String alphabet = "ABDEFGHJLNPQRSTUWXYZ";
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss").replaceAll("[^a-z0-9]", "");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String upper(String text) {
        return requireNonNull(text, "text is null").toUpperCase(Locale.ROOT);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
