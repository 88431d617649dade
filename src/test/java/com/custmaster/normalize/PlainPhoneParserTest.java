package com.custmaster.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast path for plain phone numbers must give exactly what libphonenumber gives: the same parsed
 * number (country code, national number, leading zeros) whenever it answers, and no answer where
 * libphonenumber would fail or where the shape is not a plain one.
 */
class PlainPhoneParserTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final PlainPhoneParser parser = new PlainPhoneParser(UTIL);

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +86 138 0013 8000      | CN
            +8613800138000         | CN
            +86-138-0013-8000      | GB
            13800138000            | CN
            138-0013-8000          | CN
            138001380              | CN
            (021) 6234 5678        | CN
            021-62345678           | CN
            +86 21 6234 5678       | CN
            (010) 6234 5678        | CN
            +86 10 6234 5678       | US
            12345                  | CN
            +86 123                | CN
            +852 9123 4567         | CN
            +85291234567           | HK
            9123 4567              | HK
            +886 912 345 678       | TW
            0912-345-678           | TW
            +1 (415) 555-2671      | CN
            +1 212 555 1234        | US
            (415) 555-2671         | US
            212-555-1234           | US
            1-212-555-1234         | US
            (415) 555-2671         | CA
            +44 7911 123456        | CN
            07911 123456           | GB
            020 7946 0958          | GB
            +44 (0)20 7946 0958    | CN
            +44 20 7946 0958       | GB
            07700 900123           | GB
            +49 151 12345678       | DE
            0151 12345678          | DE
            030 12345678           | DE
            +49 30 12345678        | CN
            +39 06 1234 5678       | IT
            06 1234 5678           | IT
            +39 0000 1234          | IT
            +7 912 345-67-89       | RU
            8 912 345-67-89        | RU
            +54 9 11 1234-5678     | AR
            011 15-1234-5678       | AR
            +800 1234 5678         | CN
            +999 1234 5678         | CN
            +0 1234 5678           | CN
            0000000                | CN
            00                     | CN
            +1                     | US
            13800138000            | ZZ
            """)
    void agreesWithLibphonenumberOnTheTable(String text, String region) {
        assertAgrees(text, region);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +86 138 0013 8000      | CN
            13800138000            | CN
            138-0013-8000          | CN
            (021) 6234 5678        | CN
            +86 21 6234 5678       | CN
            +852 9123 4567         | CN
            0912-345-678           | TW
            +1 (415) 555-2671      | CN
            (415) 555-2671         | US
            07911 123456           | GB
            +44 (0)20 7946 0958    | CN
            0151 12345678          | DE
            06 1234 5678           | IT
            """)
    void answersTheCommonShapesItself(String text, String region) {
        assertThat(parser.parse(text, region)).isNotNull();
        assertAgrees(text, region);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +44 20 7946 0958 ext. 123 | GB
            +1 415 555 2671 x12       | US
            +1 415 555 2671#          | US
            +1 415 555 2671;ext=7     | US
            +1 415 555 2671,,7        | US
            1-800-FLOWERS             | US
            tel:+1-415-555-2671       | US
            +86 138.0013.8000         | CN
            +86 138/0013/8000         | CN
            ＋86 138 0013 8000        | CN
            ８６ 138 0013 8000        | CN
            0086 13800138000          | CN
            011 44 20 7946 0958       | US
            8613800138000             | CN
            n/a                       | CN
            (+86) 138 0013 8000       | CN
            """)
    void leavesEverythingElseToLibphonenumber(String text, String region) {
        assertThat(parser.parse(text, region)).isNull();
    }

    /**
     * Random digits in the shapes people write, for many regions and calling codes (shared ones,
     * non-geographic ones, unknown ones, ones with a national prefix transform rule): whatever the
     * fast path answers must be libphonenumber's answer.
     */
    @Test
    void agreesWithLibphonenumberOnRandomNumbers() {
        List<String> regions = List.of("CN", "HK", "TW", "MO", "GB", "US", "CA", "DE", "FR", "IT", "JP", "AU", "IN", "AR",
                "MX", "BR", "RU", "KZ", "SG", "NL", "ZZ", "AQ");
        List<String> callingCodes = List.of("86", "852", "853", "886", "44", "1", "49", "33", "39", "81", "61", "91",
                "54", "52", "55", "7", "65", "31", "800", "882", "999", "0", "");
        List<String> starts = List.of("", "", "", "0", "00", "1", "13", "15", "18", "9", "7", "(0)", "(0", "8", "011");
        Random random = new Random(20261122L);
        int answered = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int style = random.nextInt(3);
            if (style == 0) {
                text.append('+').append(callingCodes.get(random.nextInt(callingCodes.size()))).append(' ');
            } else if (style == 1) {
                text.append("00").append(callingCodes.get(random.nextInt(callingCodes.size())));
            }
            text.append(starts.get(random.nextInt(starts.size())));
            int digits = 1 + random.nextInt(16);
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
                if (random.nextInt(5) == 0) {
                    text.append(" -()".charAt(random.nextInt(4)));
                }
            }
            String candidate = text.toString().strip();
            if (candidate.isEmpty()) {
                continue;
            }
            String region = regions.get(random.nextInt(regions.size()));
            if (parser.parse(candidate, region) != null) {
                answered++;
            }
            assertAgrees(candidate, region);
        }
        assertThat(answered).as("numbers the fast path answered").isGreaterThan(30_000);
    }

    /** End to end: what {@link Phones#normalize} makes of a number is what libphonenumber alone makes of it. */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +86 138 0013 8000      | CN
            0086-138-0013-8000     | CN
            0086 21 6234 5678      | CN
            (021) 6234 5678        | CN
            13800138000            | CN
            12345                  | CN
            +86 123                | CN
            00852 9123 4567        | CN
            0912-345-678           | TW
            00886 912345678        | TW
            +44 (0)20 7946 0958    | GB
            0044 7911123456        | GB
            07700 900123           | GB
            +1 (212) 555-1234      | US
            212-555-1234           | US
            0049 151 12345678      | DE
            030 12345678           | DE
            +44 20 7946 0958 ext. 123 | GB
            """)
    void phonesGivesWhatLibphonenumberAloneGives(String raw, String region) throws NumberParseException {
        PhoneNumber phone = Phones.normalize(raw, region);

        String text = raw.strip();
        String candidate = text.startsWith("00") ? "+" + text.substring(2) : text;
        Phonenumber.PhoneNumber expected;
        try {
            expected = UTIL.parse(candidate, region);
        } catch (NumberParseException e) {
            assertThat(phone.e164()).isNull();
            return;
        }
        if (UTIL.isPossibleNumberWithReason(expected) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
            assertThat(phone.e164()).isNull();
            assertThat(phone.valid()).isFalse();
            return;
        }
        assertThat(phone.e164()).isEqualTo(UTIL.format(expected, PhoneNumberUtil.PhoneNumberFormat.E164));
        assertThat(phone.valid()).isEqualTo(UTIL.isValidNumber(expected));
        assertThat(phone.extension()).isEqualTo(expected.hasExtension() ? expected.getExtension() : null);
    }

    private void assertAgrees(String text, String region) {
        Phonenumber.PhoneNumber fast = parser.parse(text, region);
        Phonenumber.PhoneNumber slow;
        try {
            slow = UTIL.parse(text, region);
        } catch (NumberParseException e) {
            assertThat(fast).as("'%s' in %s: libphonenumber fails with %s", text, region, e.getErrorType()).isNull();
            return;
        }
        if (fast != null) {
            assertThat(fast).as("'%s' in %s", text, region).isEqualTo(slow);
        }
    }
}
