package com.custmaster.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The employers that appear in the sample data. Two of them (Northwind in London and Huaxin in
 * Shanghai) each employ a group of contacts behind one switchboard number: the hard case of a
 * shared phone that must not merge different people. Several names contain commas on purpose.
 */
final class Companies {

    /** Key of the UK company whose 12 contacts share a switchboard. */
    static final String NORTHWIND = "NORTHWIND";
    /** Key of the Shanghai company whose 10 contacts share a switchboard. */
    static final String HUAXIN = "HUAXIN";

    private record Definition(String key, Culture culture, String nativeName, String latinName, String cityLatin,
            String emailDomain) {
    }

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition(NORTHWIND, Culture.UK, "Northwind Logistics, Ltd.", "Northwind Logistics, Ltd.", "London",
                    "northwind-logistics.co.uk"),
            new Definition("SJP", Culture.UK, "Smith, Jones & Partners LLP", "Smith, Jones & Partners LLP",
                    "Manchester", "sjp-law.co.uk"),
            new Definition("HARBOUR", Culture.UK, "Harbour Bridge Consulting Ltd", "Harbour Bridge Consulting Ltd",
                    "Bristol", "harbourbridge.co.uk"),
            new Definition("BRIGHTWATER", Culture.UK, "Brightwater Foods plc", "Brightwater Foods plc", "Leeds",
                    "brightwaterfoods.co.uk"),
            new Definition("ONEILL", Culture.UK, "O'Neill & Sons Ltd", "O'Neill & Sons Ltd", "Birmingham",
                    "oneillandsons.co.uk"),
            new Definition("KINGFISHER", Culture.UK, "Kingfisher Analytics Ltd", "Kingfisher Analytics Ltd",
                    "Edinburgh", "kingfisher-analytics.co.uk"),
            new Definition("ACME", Culture.US, "Acme Widgets, Inc.", "Acme Widgets, Inc.", "New York",
                    "acmewidgets.com"),
            new Definition("BLUERIDGE", Culture.US, "Blue Ridge Capital LLC", "Blue Ridge Capital LLC", "Boston",
                    "blueridgecap.com"),
            new Definition("SUMMIT", Culture.US, "Summit Health Partners, Inc.", "Summit Health Partners, Inc.",
                    "Chicago", "summithp.com"),
            new Definition("GOLDENGATE", Culture.US, "Golden Gate Software Corp.", "Golden Gate Software Corp.",
                    "San Francisco", "ggsoftware.com"),
            new Definition("MUELLERSCHMIDT", Culture.GERMANY, "Müller & Schmidt GmbH", "Müller & Schmidt GmbH",
                    "Berlin", "mueller-schmidt.de"),
            new Definition("NORDLICHT", Culture.GERMANY, "Nordlicht Handel GmbH", "Nordlicht Handel GmbH", "Hamburg",
                    "nordlicht-handel.de"),
            new Definition("RHEINBLICK", Culture.GERMANY, "Rheinblick Software AG", "Rheinblick Software AG", "Köln",
                    "rheinblick.de"),
            new Definition(HUAXIN, Culture.MAINLAND, "上海华信贸易有限公司", "Shanghai Huaxin Trading Co., Ltd.",
                    "Shanghai", "huaxin-trading.cn"),
            new Definition("YUANHANG", Culture.MAINLAND, "北京远航科技有限公司", "Beijing Yuanhang Technology Co., Ltd.",
                    "Beijing", "yuanhang-tech.cn"),
            new Definition("BODA", Culture.MAINLAND, "深圳市博达电子有限公司", "Shenzhen Boda Electronics Co., Ltd.",
                    "Shenzhen", "bodaelec.com"),
            new Definition("YUNFAN", Culture.MAINLAND, "杭州云帆网络科技有限公司",
                    "Hangzhou Yunfan Network Technology Co., Ltd.", "Hangzhou", "yunfan.net.cn"),
            new Definition("NANFANG", Culture.MAINLAND, "广州南方食品有限公司", "Guangzhou Nanfang Food Co., Ltd.",
                    "Guangzhou", "nanfangfood.cn"),
            new Definition("TIANFU", Culture.MAINLAND, "成都天府物流有限公司", "Chengdu Tianfu Logistics Co., Ltd.",
                    "Chengdu", "tianfu-logistics.cn"),
            new Definition("SUNTAT", Culture.HONG_KONG, "新達貿易(香港)有限公司", "Sun Tat Trading (HK) Limited",
                    "Hong Kong", "suntat.com.hk"),
            new Definition("YONGSHENG", Culture.TAIWAN, "永盛科技股份有限公司", "Yongsheng Technology Co., Ltd.",
                    "Taipei", "yongsheng.com.tw"));

    private Companies() {
    }

    /**
     * All companies, each with a switchboard number from {@code newLandline}, which is given the
     * company's culture and city and keeps numbers unique across persons and companies.
     */
    static List<Company> create(BiFunction<Culture, String, Phone> newLandline) {
        List<Company> companies = new ArrayList<>();
        for (Definition d : DEFINITIONS) {
            companies.add(new Company(d.key(), d.culture(), d.nativeName(), d.latinName(), d.cityLatin(),
                    d.emailDomain(), newLandline.apply(d.culture(), d.cityLatin())));
        }
        return List.copyOf(companies);
    }
}
