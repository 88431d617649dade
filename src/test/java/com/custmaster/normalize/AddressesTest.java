package com.custmaster.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Acme Trading Co., Ltd.       | acme trading
            ACME TRADING LIMITED         | acme trading
            Müller GmbH                  | müller
            Globex Inc.                  | globex
            上海华为技术股份有限公司        | 上海华为技术
            深圳腾讯有限公司               | 深圳腾讯
            """)
    void companyKeyDropsLegalForms(String company, String key) {
        assertThat(Addresses.companyKey(company)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            12 Baker Street  | 12 baker st
            12 baker st.     | 12 baker st
            5 North Road     | 5 n rd
            """)
    void addressKeyUnifiesAbbreviations(String line, String key) {
        assertThat(Addresses.lineKey(line)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"sw1a 1aa,SW1A1AA", "'  200-001 ',200001"})
    void postcodeIsUpperCaseWithoutSpaces(String raw, String expected) {
        assertThat(Addresses.postcode(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"cn,CN", "China,CN", "United Kingdom,GB", "UK,GB", "中国,CN"})
    void countryBecomesIsoCode(String raw, String expected) {
        assertThat(Addresses.country(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"香港,HK", "台湾,TW", "Hong Kong,HK", "广东,-"})
    void aRegionThatIsATerritoryGivesItsCountry(String region, String country) {
        assertThat(Addresses.countryOfRegion(region)).isEqualTo(country);
    }
}
