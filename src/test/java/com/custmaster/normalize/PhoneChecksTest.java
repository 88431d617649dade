package com.custmaster.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The possibility and validity checks must say what libphonenumber says, number for number. */
class PhoneChecksTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final PhoneChecks checks = new PhoneChecks(UTIL);

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +86 138 0013 8000      | CN
            +86 21 6234 5678       | CN
            +86 123                | CN
            (021) 6234 5678        | CN
            +852 9123 4567         | HK
            +852 1234 5678         | HK
            +886 912 345 678       | TW
            +1 415 555 2671        | US
            +1 416 555 0123        | US
            +1 242 357 1234        | US
            +1 212 155 1234        | US
            +44 7911 123456        | GB
            +44 20 7946 0958       | GB
            +44 7700 900123        | GB
            +44 1481 256789        | GB
            +44 7624 123456        | GB
            +49 151 12345678       | DE
            +49 30 12345678        | DE
            +39 06 1234 5678       | IT
            +7 912 345 6789        | RU
            +7 701 123 4567        | RU
            +800 1234 5678         | CN
            +44 20 7946 0958 ext. 12 | GB
            """)
    void agreesWithLibphonenumberOnTheTable(String text, String region) throws NumberParseException {
        assertAgrees(UTIL.parse(text, region));
    }

    /**
     * Every region's example numbers of every type, with random last digits and random lengths, and
     * numbers of random digits for every calling code: both answers are libphonenumber's whenever this
     * class answers, and it answers for every geographic code.
     */
    @Test
    void agreesWithLibphonenumberOnRandomNumbers() {
        Random random = new Random(20261122L);
        List<Phonenumber.PhoneNumber> examples = new ArrayList<>();
        for (String region : new TreeSet<>(UTIL.getSupportedRegions())) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    examples.add(example);
                }
            }
        }
        int answered = 0;
        for (int i = 0; i < 100_000; i++) {
            Phonenumber.PhoneNumber number;
            if (random.nextBoolean()) {
                Phonenumber.PhoneNumber example = examples.get(random.nextInt(examples.size()));
                String national = UTIL.getNationalSignificantNumber(example);
                int keep = Math.max(0, national.length() - 1 - random.nextInt(6));
                StringBuilder digits = new StringBuilder(national.substring(0, keep));
                int add = national.length() - keep + random.nextInt(3) - 1;
                for (int d = 0; d < add; d++) {
                    digits.append((char) ('0' + random.nextInt(10)));
                }
                number = numberOf(example.getCountryCode(), digits.toString());
            } else {
                List<Integer> codes = new ArrayList<>(UTIL.getSupportedCallingCodes());
                int code = random.nextInt(20) == 0 ? 999 : codes.get(random.nextInt(codes.size()));
                StringBuilder digits = new StringBuilder();
                int length = 1 + random.nextInt(17);
                for (int d = 0; d < length; d++) {
                    digits.append((char) ('0' + random.nextInt(10)));
                }
                number = numberOf(code, digits.toString());
            }
            if (checks.validity(number) != null) {
                answered++;
            }
            assertAgrees(number);
        }
        assertThat(answered).isGreaterThan(80_000);
    }

    private void assertAgrees(Phonenumber.PhoneNumber number) {
        PhoneNumberUtil.ValidationResult possibility = checks.possibility(number);
        if (possibility != null) {
            assertThat(possibility).as("possibility of %s", number).isEqualTo(UTIL.isPossibleNumberWithReason(number));
        }
        Boolean validity = checks.validity(number);
        if (validity != null) {
            assertThat(validity).as("validity of %s", number).isEqualTo(UTIL.isValidNumber(number));
        }
    }

    /** A number as libphonenumber's parser builds it from a national significant number. */
    private static Phonenumber.PhoneNumber numberOf(int countryCode, String national) {
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(countryCode);
        if (national.length() > 1 && national.charAt(0) == '0') {
            number.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros != 1) {
                number.setNumberOfLeadingZeros(zeros);
            }
        }
        return number.setNationalNumber(national.isEmpty() ? 0 : Long.parseLong(national));
    }
}
