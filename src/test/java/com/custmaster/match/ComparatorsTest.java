package com.custmaster.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparatorsTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "1985-03-12,1985-12-03,true",
            "1985-03-12,1985-03-13,true",
            "1985-03-12,1986-03-12,true",
            "1985-03-12,1985-03-12,false",
            "1985-03-12,1991-07-30,false",
            "1985-03-12,1985-04-13,false"})
    void datesNearToleratesTransposedDayMonthAndOneDigit(String left, String right, boolean near) {
        assertThat(Comparators.dateNear(left, right)).isEqualTo(near);
    }

    @ParameterizedTest(name = "{0} to {1}: {2} days")
    @CsvSource({"1985-03-12,1985-03-12,0", "1985-03-12,1986-03-12,365", "2000-02-28,2000-03-01,2",
            "1985-03-12,not-a-date,9223372036854775807", "1985-02-30,1985-03-01,9223372036854775807"})
    void daysApartCountsCalendarDaysAndRefusesWhatIsNotADate(String left, String right, long days) {
        assertThat(Comparators.daysApart(left, right)).isEqualTo(days);
    }

    @ParameterizedTest
    @CsvSource({"martha,marhta,0.961", "dixon,dicksonx,0.813", "dwayne,duane,0.84", "abc,xyz,0"})
    void jaroWinklerMatchesTheTextbookValues(String left, String right, double expected) {
        assertThat(Comparators.jaroWinkler(left, right)).isCloseTo(expected, within(0.001));
    }

    @Test
    void jaroWinklerAgreesWithCommonsTextOnRandomStrings() {
        JaroWinklerSimilarity reference = new JaroWinklerSimilarity();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            String a = randomWord(random, 1 + random.nextInt(i % 10 == 0 ? 80 : 12));
            String b = random.nextBoolean() ? mutate(random, a) : randomWord(random, 1 + random.nextInt(12));
            assertThat(Comparators.jaroWinkler(a, b)).as("%s ~ %s", a, b).isCloseTo(reference.apply(a, b), within(1e-9));
        }
    }

    @Test
    void withinEditsAgreesWithLevenshteinDistance() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            String a = randomWord(random, random.nextInt(8));
            String b = random.nextBoolean() ? mutate(random, a) : randomWord(random, random.nextInt(8));
            int distance = LevenshteinDistance.getDefaultInstance().apply(a, b);
            assertThat(Comparators.withinEdits(a, b, 1)).as("%s ~ %s", a, b).isEqualTo(distance <= 1);
            assertThat(Comparators.withinEdits(a, b, 2)).as("%s ~ %s", a, b).isEqualTo(distance <= 2);
        }
    }

    @ParameterizedTest(name = "{0} | {1}: {2}")
    @CsvSource({"12 baker st,baker st 12,1", "12 baker st,14 baker st,0.5", "a b,c d,0", "a a b,a b,1"})
    void tokenOverlapIsTheJaccardShareOfWords(String left, String right, double expected) {
        assertThat(Comparators.tokenOverlap(left, right)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void wordSetsPrecomputedPerValueGiveTheSameOverlapAsTheTexts() {
        SplittableRandom random = new SplittableRandom(13);
        String[] words = {"12", "14", "baker", "st", "street", "road", "flat", "a", "b", "", "north"};
        for (int i = 0; i < 20_000; i++) {
            String a = sentence(random, words);
            String b = random.nextInt(4) == 0 ? a : sentence(random, words);
            assertThat(Comparators.wordOverlap(Comparators.wordSet(a), Comparators.wordSet(b))).as("%s | %s", a, b)
                    .isEqualTo(Comparators.tokenOverlap(a, b));
        }
    }

    private static String sentence(SplittableRandom random, String[] words) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(6);
        for (int w = 0; w < count; w++) {
            text.append(random.nextBoolean() ? " " : "").append(words[random.nextInt(words.length)]).append(' ');
        }
        return text.toString();
    }

    @ParameterizedTest(name = "{0} | {1}: {2}")
    @CsvSource({"j,john,true", "john,j,true", "j,mary,false", "john,jon,false"})
    void anInitialMatchesANameStartingWithIt(String left, String right, boolean expected) {
        assertThat(Comparators.initialOf(left, right)).isEqualTo(expected);
    }

    private static String randomWord(SplittableRandom random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(6)));
        }
        return word.toString();
    }

    private static String mutate(SplittableRandom random, String word) {
        StringBuilder out = new StringBuilder(word);
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, (char) ('a' + random.nextInt(6)));
                case 1 -> {
                    if (out.length() > 0) {
                        out.deleteCharAt(at);
                    }
                }
                default -> {
                    if (out.length() > 0) {
                        out.setCharAt(at, (char) ('a' + random.nextInt(6)));
                    }
                }
            }
        }
        return out.toString();
    }
}
