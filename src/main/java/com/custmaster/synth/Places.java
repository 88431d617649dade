package com.custmaster.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Cities, districts and streets to build addresses from, in both scripts for Chinese places, with
 * the area code of each city (landlines and switchboards are numbered by the city they are in).
 * UK numbers use Ofcom's drama ranges and US numbers 555-01xx, so no real line is ever printed.
 */
final class Places {

    /** A place name in the local script and in Latin script. */
    private record Named(String nativeName, String latinName) {
    }

    private record MainlandCity(Named name, String province, String postcodePrefix, String areaCode, int weight,
            List<Named> districts) {
    }

    private record HongKongStreet(Named district, Named street) {
    }

    private record TaiwanStreet(Named city, String areaCode, Named district, Named street, String postcode) {
    }

    private record UkCity(String name, String areaCode, String localPrefix, int weight, List<String> outwardCodes) {
    }

    private record UsCity(String name, String state, String areaCode, String zipPrefix, int weight) {
    }

    private record GermanCity(String name, String areaCode, List<String> postcodePrefixes, int weight) {
    }

    private static final List<MainlandCity> MAINLAND = List.of(
            new MainlandCity(named("北京市:Beijing"), "北京市", "100", "10", 14,
                    named("朝阳区:Chaoyang District", "海淀区:Haidian District", "东城区:Dongcheng District",
                            "丰台区:Fengtai District")),
            new MainlandCity(named("上海市:Shanghai"), "上海市", "200", "21", 14,
                    named("浦东新区:Pudong New Area", "徐汇区:Xuhui District", "静安区:Jing'an District",
                            "闵行区:Minhang District")),
            new MainlandCity(named("广州市:Guangzhou"), "广东省", "510", "20", 9,
                    named("天河区:Tianhe District", "越秀区:Yuexiu District", "海珠区:Haizhu District")),
            new MainlandCity(named("深圳市:Shenzhen"), "广东省", "518", "755", 9,
                    named("南山区:Nanshan District", "福田区:Futian District", "罗湖区:Luohu District")),
            new MainlandCity(named("杭州市:Hangzhou"), "浙江省", "310", "571", 6,
                    named("西湖区:Xihu District", "拱墅区:Gongshu District", "滨江区:Binjiang District")),
            new MainlandCity(named("成都市:Chengdu"), "四川省", "610", "28", 6,
                    named("武侯区:Wuhou District", "锦江区:Jinjiang District", "青羊区:Qingyang District")),
            new MainlandCity(named("南京市:Nanjing"), "江苏省", "210", "25", 5,
                    named("鼓楼区:Gulou District", "玄武区:Xuanwu District", "建邺区:Jianye District")),
            new MainlandCity(named("武汉市:Wuhan"), "湖北省", "430", "27", 5,
                    named("武昌区:Wuchang District", "江汉区:Jianghan District", "洪山区:Hongshan District")),
            new MainlandCity(named("西安市:Xi'an"), "陕西省", "710", "29", 4,
                    named("雁塔区:Yanta District", "碑林区:Beilin District", "未央区:Weiyang District")),
            new MainlandCity(named("苏州市:Suzhou"), "江苏省", "215", "512", 4,
                    named("姑苏区:Gusu District", "吴中区:Wuzhong District", "相城区:Xiangcheng District")),
            new MainlandCity(named("天津市:Tianjin"), "天津市", "300", "22", 4,
                    named("和平区:Heping District", "南开区:Nankai District", "河西区:Hexi District")),
            new MainlandCity(named("重庆市:Chongqing"), "重庆市", "400", "23", 4,
                    named("渝中区:Yuzhong District", "江北区:Jiangbei District", "南岸区:Nan'an District")));

    private static final List<Named> MAINLAND_STREETS = named("人民路:Renmin Road", "中山路:Zhongshan Road",
            "解放路:Jiefang Road", "建设路:Jianshe Road", "和平路:Heping Road", "长江路:Changjiang Road",
            "东风路:Dongfeng Road", "新华路:Xinhua Road", "文化路:Wenhua Road", "胜利路:Shengli Road",
            "青年路:Qingnian Road", "花园路:Huayuan Road", "科技路:Keji Road", "学院路:Xueyuan Road",
            "建国路:Jianguo Road", "延安路:Yan'an Road", "世纪大道:Shiji Avenue", "滨江大道:Binjiang Avenue",
            "幸福街:Xingfu Street", "光明街:Guangming Street");

    private static final List<HongKongStreet> HONG_KONG = List.of(
            new HongKongStreet(new Named("灣仔", "Wan Chai"), new Named("軒尼詩道", "Hennessy Road")),
            new HongKongStreet(new Named("灣仔", "Wan Chai"), new Named("駱克道", "Lockhart Road")),
            new HongKongStreet(new Named("中環", "Central"), new Named("皇后大道中", "Queen's Road Central")),
            new HongKongStreet(new Named("中環", "Central"), new Named("德輔道中", "Des Voeux Road Central")),
            new HongKongStreet(new Named("油麻地", "Yau Ma Tei"), new Named("彌敦道", "Nathan Road")),
            new HongKongStreet(new Named("旺角", "Mong Kok"), new Named("彌敦道", "Nathan Road")),
            new HongKongStreet(new Named("北角", "North Point"), new Named("英皇道", "King's Road")),
            new HongKongStreet(new Named("沙田", "Sha Tin"), new Named("沙田正街", "Sha Tin Centre Street")),
            new HongKongStreet(new Named("觀塘", "Kwun Tong"), new Named("觀塘道", "Kwun Tong Road")));

    private static final List<TaiwanStreet> TAIWAN = List.of(
            new TaiwanStreet(new Named("臺北市", "Taipei"), "2", new Named("大安區", "Da'an Dist."),
                    new Named("忠孝東路四段", "Sec. 4, Zhongxiao E. Rd."), "106"),
            new TaiwanStreet(new Named("臺北市", "Taipei"), "2", new Named("信義區", "Xinyi Dist."),
                    new Named("信義路五段", "Sec. 5, Xinyi Rd."), "110"),
            new TaiwanStreet(new Named("臺北市", "Taipei"), "2", new Named("中正區", "Zhongzheng Dist."),
                    new Named("羅斯福路一段", "Sec. 1, Roosevelt Rd."), "100"),
            new TaiwanStreet(new Named("臺中市", "Taichung"), "4", new Named("西屯區", "Xitun Dist."),
                    new Named("臺灣大道三段", "Sec. 3, Taiwan Blvd."), "407"),
            new TaiwanStreet(new Named("高雄市", "Kaohsiung"), "7", new Named("苓雅區", "Lingya Dist."),
                    new Named("四維三路", "Siwei 3rd Rd."), "802"));

    private static final List<UkCity> UK = List.of(
            new UkCity("London", "20", "79460", 30,
                    List.of("E1", "E2", "E14", "N1", "N7", "NW1", "NW3", "SE1", "SE15", "SW4", "SW11", "W2", "W12")),
            new UkCity("Manchester", "161", "4960", 10, List.of("M1", "M4", "M14", "M20")),
            new UkCity("Leeds", "113", "4960", 6, List.of("LS1", "LS6", "LS8")),
            new UkCity("Bristol", "117", "4960", 6, List.of("BS1", "BS6", "BS8")),
            new UkCity("Birmingham", "121", "4960", 8, List.of("B1", "B5", "B15")),
            new UkCity("Edinburgh", "131", "4960", 5, List.of("EH1", "EH3", "EH9")));

    private static final List<String> UK_STREETS = List.of("High Street", "Station Road", "Church Lane",
            "Victoria Road", "Park Avenue", "Green Lane", "Manor Road", "Queen's Road", "Albert Street", "Mill Lane",
            "Church Street", "London Road", "The Crescent", "Orchard Close", "Springfield Road", "York Road",
            "Grange Road", "St John's Road", "Kingsway", "Elm Grove");

    private static final List<UsCity> US = List.of(
            new UsCity("New York", "NY", "212", "100", 10), new UsCity("San Francisco", "CA", "415", "941", 6),
            new UsCity("Chicago", "IL", "312", "606", 7), new UsCity("Boston", "MA", "617", "021", 5),
            new UsCity("Seattle", "WA", "206", "981", 5), new UsCity("Austin", "TX", "512", "787", 4),
            new UsCity("Denver", "CO", "303", "802", 4), new UsCity("Atlanta", "GA", "404", "303", 4));

    private static final List<String> US_STREETS = List.of("Main St", "Oak Ave", "Maple St", "Washington Ave",
            "Park Ave", "2nd St", "Elm St", "Broadway", "Cedar Ln", "Pine St", "Lake Shore Dr", "Sunset Blvd",
            "Lincoln Ave", "Highland Ave", "Mission St");

    private static final List<GermanCity> GERMANY = List.of(
            new GermanCity("Berlin", "30", List.of("10", "12", "13"), 8),
            new GermanCity("München", "89", List.of("80", "81"), 6),
            new GermanCity("Hamburg", "40", List.of("20", "22"), 5),
            new GermanCity("Köln", "221", List.of("50", "51"), 4),
            new GermanCity("Frankfurt am Main", "69", List.of("60"), 4));

    private static final List<String> GERMAN_STREETS = List.of("Hauptstraße", "Bahnhofstraße", "Gartenstraße",
            "Schillerstraße", "Goethestraße", "Lindenstraße", "Berliner Allee", "Kirchweg", "Am Markt",
            "Friedrichstraße", "Mozartstraße", "Schulstraße");

    private static final String POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    /** The cities' weights, once (an address is drawn per person, and the benchmarks make millions). */
    private static final double[] MAINLAND_WEIGHTS = weights(MAINLAND.stream().mapToInt(MainlandCity::weight).toArray());
    private static final double[] UK_WEIGHTS = weights(UK.stream().mapToInt(UkCity::weight).toArray());
    private static final double[] US_WEIGHTS = weights(US.stream().mapToInt(UsCity::weight).toArray());
    private static final double[] GERMANY_WEIGHTS = weights(GERMANY.stream().mapToInt(GermanCity::weight).toArray());

    private Places() {
    }

    /**
     * A new address in the given culture, in the named city if {@code cityLatin} is not null
     * ("Beijing", "London").
     */
    static Address address(Culture culture, String cityLatin, Dice dice) {
        return switch (culture) {
            case MAINLAND -> mainland(cityLatin, dice);
            case HONG_KONG -> hongKong(dice);
            case TAIWAN -> taiwan(cityLatin, dice);
            case UK -> uk(cityLatin, dice);
            case US -> us(cityLatin, dice);
            case GERMANY -> germany(cityLatin, dice);
        };
    }

    /** Area code (without trunk 0) of the city an address or company is in; "" for Hong Kong. */
    static String areaCode(Culture culture, String cityLatin) {
        return switch (culture) {
            case MAINLAND -> MAINLAND.stream().filter(c -> c.name().latinName().equals(cityLatin)).findFirst()
                    .orElseThrow(() -> unknownCity(culture, cityLatin)).areaCode();
            case HONG_KONG -> "";
            case TAIWAN -> TAIWAN.stream().filter(s -> s.city().latinName().equals(cityLatin)).findFirst()
                    .orElseThrow(() -> unknownCity(culture, cityLatin)).areaCode();
            case UK -> ukCity(cityLatin).areaCode();
            case US -> US.stream().filter(c -> c.name().equals(cityLatin)).findFirst()
                    .orElseThrow(() -> unknownCity(culture, cityLatin)).areaCode();
            case GERMANY -> GERMANY.stream().filter(c -> c.name().equals(cityLatin)).findFirst()
                    .orElseThrow(() -> unknownCity(culture, cityLatin)).areaCode();
        };
    }

    /** The local-number prefix of Ofcom's drama range for a UK city ("79460" for London). */
    static String ukDramaPrefix(String cityLatin) {
        return ukCity(cityLatin).localPrefix();
    }

    /** A US area code, for mobiles, which are not tied to where a person lives. */
    static String randomUsAreaCode(Dice dice) {
        return dice.pick(US).areaCode();
    }

    private static UkCity ukCity(String cityLatin) {
        return UK.stream().filter(c -> c.name().equals(cityLatin)).findFirst()
                .orElseThrow(() -> unknownCity(Culture.UK, cityLatin));
    }

    private static IllegalArgumentException unknownCity(Culture culture, String city) {
        return new IllegalArgumentException("Unknown city '" + city + "' for " + culture);
    }

    private static Address mainland(String cityLatin, Dice dice) {
        MainlandCity city = cityLatin != null
                ? MAINLAND.stream().filter(c -> c.name().latinName().equals(cityLatin)).findFirst()
                        .orElseThrow(() -> unknownCity(Culture.MAINLAND, cityLatin))
                : dice.weighted(MAINLAND, MAINLAND_WEIGHTS);
        Named district = dice.pick(city.districts());
        Named street = dice.pick(MAINLAND_STREETS);
        int number = dice.between(1, 399);
        boolean flat = dice.chance(0.85);
        int building = dice.between(1, 28);
        int room = dice.between(1, 32) * 100 + dice.between(1, 6);
        String lineNative = district.nativeName() + street.nativeName() + number + "号"
                + (flat ? building + "栋" + room + "室" : "");
        String lineLatin = (flat ? "Room " + room + ", Building " + building + ", " : "")
                + "No. " + number + " " + street.latinName() + ", " + district.latinName();
        String postcode = city.postcodePrefix() + zeroPadded(dice.between(0, 199), 3);
        return new Address(lineNative, lineLatin, city.name().nativeName(), city.name().latinName(), city.province(),
                postcode, Culture.MAINLAND);
    }

    private static Address hongKong(Dice dice) {
        HongKongStreet place = dice.pick(HONG_KONG);
        int number = dice.between(1, 480);
        int floor = dice.between(2, 32);
        char flat = (char) ('A' + dice.between(0, 7));
        String lineNative = place.district().nativeName() + place.street().nativeName() + number + "號" + floor + "樓"
                + flat + "室";
        String lineLatin = "Flat " + flat + ", " + floor + "/F, " + number + " " + place.street().latinName() + ", "
                + place.district().latinName();
        return new Address(lineNative, lineLatin, "香港", "Hong Kong", "香港", "", Culture.HONG_KONG);
    }

    private static Address taiwan(String cityLatin, Dice dice) {
        List<TaiwanStreet> options = TAIWAN.stream()
                .filter(s -> cityLatin == null || s.city().latinName().equals(cityLatin)).toList();
        TaiwanStreet place = dice.pick(options);
        int number = dice.between(1, 350);
        int floor = dice.between(2, 15);
        String lineNative = place.district().nativeName() + place.street().nativeName() + number + "號" + floor + "樓";
        String lineLatin = floor + "F., No. " + number + ", " + place.street().latinName() + ", "
                + place.district().latinName();
        return new Address(lineNative, lineLatin, place.city().nativeName(), place.city().latinName(), "台湾",
                place.postcode(), Culture.TAIWAN);
    }

    private static Address uk(String cityLatin, Dice dice) {
        UkCity city = cityLatin != null ? ukCity(cityLatin)
                : dice.weighted(UK, UK_WEIGHTS);
        String line = dice.between(1, 240) + " " + dice.pick(UK_STREETS);
        if (dice.chance(0.25)) {
            line = "Flat " + dice.between(1, 24) + ", " + line;
        }
        String postcode = dice.pick(city.outwardCodes()) + " " + dice.between(1, 9)
                + POSTCODE_LETTERS.charAt(dice.between(0, POSTCODE_LETTERS.length() - 1))
                + POSTCODE_LETTERS.charAt(dice.between(0, POSTCODE_LETTERS.length() - 1));
        return new Address(line, line, city.name(), city.name(), "", postcode, Culture.UK);
    }

    private static Address us(String cityLatin, Dice dice) {
        UsCity city = cityLatin != null
                ? US.stream().filter(c -> c.name().equals(cityLatin)).findFirst()
                        .orElseThrow(() -> unknownCity(Culture.US, cityLatin))
                : dice.weighted(US, US_WEIGHTS);
        String line = dice.between(10, 9899) + " " + dice.pick(US_STREETS);
        if (dice.chance(0.3)) {
            line = line + " Apt " + dice.between(1, 24) + (char) ('A' + dice.between(0, 5));
        }
        String zip = city.zipPrefix() + zeroPadded(dice.between(1, 60), 2);
        return new Address(line, line, city.name(), city.name(), city.state(), zip, Culture.US);
    }

    private static Address germany(String cityLatin, Dice dice) {
        GermanCity city = cityLatin != null
                ? GERMANY.stream().filter(c -> c.name().equals(cityLatin)).findFirst()
                        .orElseThrow(() -> unknownCity(Culture.GERMANY, cityLatin))
                : dice.weighted(GERMANY, GERMANY_WEIGHTS);
        String line = dice.pick(GERMAN_STREETS) + " " + dice.between(1, 140) + (dice.chance(0.1) ? "a" : "");
        String postcode = dice.pick(city.postcodePrefixes()) + zeroPadded(dice.between(0, 999), 3);
        return new Address(line, line, city.name(), city.name(), "", postcode, Culture.GERMANY);
    }

    private static List<Named> named(String... pairs) {
        List<Named> names = new ArrayList<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            names.add(new Named(pair.substring(0, colon), pair.substring(colon + 1)));
        }
        return List.copyOf(names);
    }

    private static Named named(String pair) {
        return named(new String[] {pair}).get(0);
    }

    /** {@code String.format("%0<width>d", number)} for small non-negative numbers, without a formatter per call. */
    private static String zeroPadded(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static double[] weights(int[] weights) {
        double[] result = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            result[i] = weights[i];
        }
        return result;
    }
}
