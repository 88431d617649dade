package com.custmaster.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhonesTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            +86 138 0013 8000      | CN | +8613800138000
            0086 13800138000       | CN | +8613800138000
            0086-138-0013-8000     | GB | +8613800138000
            138-0013-8000          | CN | +8613800138000
            13800138000            | CN | +8613800138000
            (021) 6234 5678        | CN | +862162345678
            +852 9123 4567         | CN | +85291234567
            9123 4567              | HK | +85291234567
            +1 (415) 555-2671      | CN | +14155552671
            (415) 555-2671         | US | +14155552671
            +44 7911 123456        | CN | +447911123456
            07911 123456           | GB | +447911123456
            020 7946 0958          | GB | +442079460958
            +44 (0)20 7946 0958    | CN | +442079460958
            """)
    void normalisesToE164WithTheSourceRegionAsDefault(String raw, String region, String e164) {
        PhoneNumber phone = Phones.normalize(raw, region);

        assertThat(phone.valid()).isTrue();
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.raw()).isEqualTo(raw.trim());
    }

    @Test
    void keepsTheExtensionApart() {
        PhoneNumber phone = Phones.normalize("+44 20 7946 0958 ext. 123", "GB");

        assertThat(phone.e164()).isEqualTo("+442079460958");
        assertThat(phone.extension()).isEqualTo("123");
    }

    @Test
    void keepsAPossibleButUnassignedNumberExactlyAndMarksIt() {
        PhoneNumber phone = Phones.normalize("07700 900123", "GB");

        assertThat(phone.e164()).isEqualTo("+447700900123");
        assertThat(phone.valid()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"12345,CN", "not a phone,GB", "+86 123,CN"})
    void flagsImpossibleNumbersWithoutGuessing(String raw, String region) {
        PhoneNumber phone = Phones.normalize(raw, region);

        assertThat(phone.valid()).isFalse();
        assertThat(phone.e164()).isNull();
        assertThat(phone.raw()).isEqualTo(raw);
    }

    @Test
    void blankIsNoPhone() {
        assertThat(Phones.normalize("  ", "CN")).isNull();
    }
}
