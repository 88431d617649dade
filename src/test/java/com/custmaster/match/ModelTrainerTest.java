package com.custmaster.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.custmaster.config.MatchingConfig;
import com.custmaster.config.MatchingConfig.BlockingRule;
import com.custmaster.config.MatchingConfig.Comparison;
import com.custmaster.config.MatchingConfig.Level;
import com.custmaster.config.MatchingConfig.LevelKind;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Training without labels on simulated people whose duplicates keep each field with a known
 * probability: EM must find those probabilities (the m of the exact level) and the prior.
 */
class ModelTrainerTest {

    private static final double KEEP_FAMILY = 0.9;
    private static final double KEEP_GIVEN = 0.8;
    private static final double KEEP_BIRTH = 0.85;
    private static final double KEEP_POSTCODE = 0.7;

    private static final MatchingConfig CONFIG = new MatchingConfig(0.0001, 0.95, 0.5, 100,
            List.of(new BlockingRule("family_birth", List.of("family_key", "birth_date")),
                    new BlockingRule("given_postcode", List.of("given_key", "postcode")),
                    new BlockingRule("family_given", List.of("family_key", "given_key"))),
            List.of(comparison("family_key"), comparison("given_key"), comparison("birth_date"), comparison("postcode")),
            new MatchingConfig.Training(true, 500_000, 200_000, 200, 1e-6, 42, 200,
                    List.of(new BlockingRule("family", List.of("family_key")),
                            new BlockingRule("given", List.of("given_key")),
                            new BlockingRule("birth", List.of("birth_date")),
                            new BlockingRule("postcode", List.of("postcode")))),
            MatchingConfig.Clustering.DEFAULT, List.of(), MatchingConfig.Incremental.DEFAULT);

    private static Comparison comparison(String field) {
        return new Comparison(field, List.of(new Level("exact", LevelKind.EXACT, 0, 0.5, 0.1),
                new Level("different", LevelKind.ELSE, 0, 0.5, 0.9)));
    }

    @Test
    void emRecoversTheShareOfDuplicatesThatKeepEachFieldAndThePrior() {
        SplittableRandom random = new SplittableRandom(2026);
        List<Contact> contacts = new ArrayList<>();
        int people = 6000;
        long truePairs = 0;
        for (int person = 0; person < people; person++) {
            String family = word(random, 5);
            String given = word(random, 5);
            LocalDate birth = LocalDate.ofEpochDay(random.nextInt(20_000));
            String postcode = String.valueOf(10_000 + random.nextInt(80_000));
            contacts.add(contact(person + "-0", given, family, birth, postcode));
            if (random.nextDouble() < 0.3) {
                contacts.add(contact(person + "-1",
                        random.nextDouble() < KEEP_GIVEN ? given : word(random, 5),
                        random.nextDouble() < KEEP_FAMILY ? family : word(random, 5),
                        random.nextDouble() < KEEP_BIRTH ? birth : LocalDate.ofEpochDay(random.nextInt(20_000)),
                        random.nextDouble() < KEEP_POSTCODE ? postcode : String.valueOf(10_000 + random.nextInt(80_000))));
                truePairs++;
            }
        }

        MatchModel model = new MatchEngine(CONFIG).run(contacts).model();

        assertThat(exactM(model, "family_key")).isCloseTo(KEEP_FAMILY, within(0.04));
        assertThat(exactM(model, "given_key")).isCloseTo(KEEP_GIVEN, within(0.04));
        assertThat(exactM(model, "birth_date")).isCloseTo(KEEP_BIRTH, within(0.04));
        assertThat(exactM(model, "postcode")).isCloseTo(KEEP_POSTCODE, within(0.04));
        double allPairs = (double) contacts.size() * (contacts.size() - 1) / 2;
        assertThat(model.priorMatchProbability() / (truePairs / allPairs)).isBetween(0.8, 1.25);
        assertThat(model.priorSource()).isEqualTo("estimated");
        // u of an exact agreement between random records: about 1 / number of distinct values
        assertThat(model.comparisons().get(2).levels().get(0).u()).isLessThan(0.001);
    }

    @Test
    void withTooFewRecordsTheConfiguredStartingValuesAreKept() {
        List<Contact> contacts = List.of(contact("1", "ann", "lee", LocalDate.of(1980, 1, 2), "12345"),
                contact("2", "ann", "lee", LocalDate.of(1980, 1, 2), "12345"));

        MatchModel model = new MatchEngine(CONFIG).run(contacts).model();

        assertThat(model.priorSource()).isEqualTo("configured");
        assertThat(model.priorMatchProbability()).isEqualTo(0.0001);
        assertThat(model.comparisons()).allSatisfy(comparison -> assertThat(comparison.levels())
                .allSatisfy(level -> assertThat(level.mSource()).isEqualTo("configured")));
    }

    @Test
    void theSameDataGivesTheSameModel() {
        SplittableRandom random = new SplittableRandom(5);
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String family = word(random, 4);
            contacts.add(contact(i + "a", word(random, 4), family, LocalDate.ofEpochDay(random.nextInt(9000)), "1"));
            if (i % 4 == 0) {
                contacts.add(contact(i + "b", word(random, 4), family, LocalDate.ofEpochDay(random.nextInt(9000)), "1"));
            }
        }

        assertThat(new MatchEngine(CONFIG).run(contacts).model()).isEqualTo(new MatchEngine(CONFIG).run(contacts).model());
    }

    @Test
    void labelledMatchesTeachTheMWhereTheDataIsTooSmallForEm() {
        SplittableRandom random = new SplittableRandom(9);
        List<Contact> contacts = new ArrayList<>();
        List<Long> labelled = new ArrayList<>();
        for (int person = 0; person < 30; person++) {
            String family = word(random, 6);
            contacts.add(contact(person + "a", word(random, 5), family, null, null));
            contacts.add(contact(person + "b", word(random, 5), family, null, null));
            labelled.add(((long) (2 * person) << 32) | (2 * person + 1));
        }

        MatchModel without = new MatchEngine(CONFIG).run(contacts).model();
        MatchModel with = new MatchEngine(CONFIG).run(contacts, new long[0], new long[0], java.util.Map.of(),
                labelled.stream().mapToLong(Long::longValue).toArray()).model();

        assertThat(exactM(without, "family_key")).isEqualTo(0.5);
        // 30 labelled pairs all agree on the family name; the starting value counts as 10 pairs more
        assertThat(exactM(with, "family_key")).isCloseTo((30 + 10 * 0.5) / 40, within(1e-9));
        assertThat(exactM(with, "given_key")).isCloseTo((0 + 10 * 0.5) / 40, within(1e-9));
        assertThat(with.comparisons().get(0).levels().get(0).mSource()).isEqualTo("labels");
        // no labelled pair has a birth date: its m stays as it was
        assertThat(with.comparisons().get(2).levels().get(0).mSource()).isEqualTo("configured");
    }

    private static double exactM(MatchModel model, String field) {
        return model.comparisons().stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow()
                .levels().get(0).m();
    }

    private static String word(SplittableRandom random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    static Contact contact(String id, String given, String family, LocalDate birth, String postcode) {
        return new Contact(new SourceRecordKey("test", id), 1, given + " " + family, given, family, given + " " + family,
                null, null, null, null, birth, null, null, postcode, null, null, null, null, null, null, Set.of());
    }

    private static Comparison graded(Level... levels) {
        return new Comparison("given_key", List.of(levels));
    }

    private static double weight(double[] m, double[] u, int level) {
        return Math.log(m[level] / u[level]) / Math.log(2);
    }

    @Test
    void aRoughAgreementThatEmRatesAboveAnExactOneIsPooledWithIt() {
        Comparison comparison = graded(new Level("exact", LevelKind.EXACT, 0, 0.5, 0.1),
                new Level("close", LevelKind.JARO_WINKLER, 0.92, 0.3, 0.1), new Level("else", LevelKind.ELSE, 0, 0.2, 0.8));
        double[] m = {0.45, 0.54, 0.01};
        double[] u = {0.01, 0.003, 0.987};

        ModelTrainer.ordered(comparison, m, u);

        assertThat(weight(m, u, 0)).isCloseTo(weight(m, u, 1), within(1e-9));
        assertThat(m[0] / u[0]).isCloseTo(0.99 / 0.013, within(1e-9));
        assertThat(m[0] + m[1] + m[2]).isCloseTo(1.0, within(1e-9));
        assertThat(m[2]).isEqualTo(0.01);
    }

    @Test
    void levelsAlreadyInOrderAndLevelsOutsideTheScaleAreLeftAlone() {
        Comparison comparison = graded(new Level("exact", LevelKind.EXACT, 0, 0.5, 0.1),
                new Level("swapped", LevelKind.SWAPPED, 0, 0.1, 0.1, "family_key"),
                new Level("initial", LevelKind.INITIAL, 0, 0.1, 0.1),
                new Level("close", LevelKind.JARO_WINKLER, 0.92, 0.2, 0.1), new Level("else", LevelKind.ELSE, 0, 0.1, 0.8));
        double[] m = {0.80, 0.001, 0.05, 0.10, 0.049};
        double[] u = {0.01, 0.000001, 0.01, 0.003, 0.976999};
        double[] before = m.clone();

        ModelTrainer.ordered(comparison, m, u);

        assertThat(m).containsExactly(before);
    }
}
