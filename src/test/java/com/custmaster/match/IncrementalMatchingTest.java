package com.custmaster.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Incremental nights: only pairs with a new or changed record are compared, the rest is carried
 * from the night before, and the outcome is what comparing everything again with the same model gives.
 */
class IncrementalMatchingTest {

    private static final MatchingConfig CONFIG = new ConfigLoader(name -> null).load(Path.of("conf"), Path.of("target/unused"))
            .matching();
    private static final String[] GIVEN = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
            "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
            "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley"};
    private static final String[] FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson",
            "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King"};

    private final Matcher matcher = new Matcher(CONFIG);

    /** People with about a quarter duplicated (a typo in the given name, the same phone and birth date). */
    private static List<Contact> people(int count, int firstId, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = firstId + i;
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String family = FAMILY[random.nextInt(FAMILY.length)];
            String birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(18_000)).toString();
            String phone = "+44 7700 9" + String.format("%05d", id);
            String email = given.toLowerCase() + "." + family.toLowerCase() + id + "@example.com";
            contacts.add(MatcherTest.person("crm", "c" + id, given + " " + family, email, phone, birth, null));
            if (random.nextInt(4) == 0) {
                String typo = given.substring(0, 1) + given.charAt(2) + given.charAt(1) + given.substring(3);
                contacts.add(MatcherTest.person("shop", "s" + id, typo + " " + family, null, phone, birth, null));
            }
        }
        return contacts;
    }

    private static Set<Set<SourceRecordKey>> clusters(MatchResult result) {
        return result.clusters().stream().map(Set::copyOf).collect(Collectors.toSet());
    }

    private static Set<SourceRecordKey> keys(List<Contact> contacts) {
        return contacts.stream().map(Contact::key).collect(Collectors.toSet());
    }

    @Test
    void aNightWithoutChangesComparesNothingAndKeepsEveryClusterAndPair() {
        List<Contact> night = people(400, 1, 7);
        MatchResult first = matcher.match(night);

        MatchResult second = matcher.match(night, first.model(), Set.of(), first.pairs());

        assertThat(second.comparedPairs()).isZero();
        assertThat(second.carriedPairs()).isEqualTo(first.pairs().size());
        assertThat(clusters(second)).isEqualTo(clusters(first));
        assertThat(second.pairs()).isEqualTo(first.pairs());
    }

    @Test
    void newAndChangedRecordsGiveTheSameClustersAsAFullRebuildWhileComparingFarFewerPairs() {
        List<Contact> before = people(400, 1, 11);
        MatchResult first = matcher.match(before);
        assertThat(first.count(MatchDecision.MATCH)).isGreaterThan(50);

        List<Contact> after = new ArrayList<>(before);
        // new records: new people, and second records of people already known
        List<Contact> arrivals = new ArrayList<>(people(30, 1001, 13));
        for (int i = 0; i < 10; i++) {
            Contact known = before.get(i * 20);
            arrivals.add(MatcherTest.person("callcentre", "n" + i, known.fullName(), null, known.phoneRaw(),
                    known.birthDate() == null ? null : known.birthDate().toString(), null));
        }
        after.addAll(arrivals);
        // changed records: one moves to another person's phone, e-mail and name; one loses its phone
        Contact mover = before.get(5);
        Contact target = before.get(200);
        after.set(5, MatcherTest.person(mover.key().source(), mover.key().sourceRecordId(), target.fullName(), target.email(),
                target.phoneRaw(), target.birthDate().toString(), null));
        Set<SourceRecordKey> changed = new HashSet<>(keys(arrivals));
        changed.add(mover.key());

        MatchResult incremental = matcher.match(after, first.model(), changed, first.pairs());
        MatchResult full = matcher.match(after, first.model(), null, List.of());

        assertThat(clusters(incremental)).isEqualTo(clusters(full));
        assertThat(incremental.comparedPairs()).isPositive().isLessThan(full.comparedPairs() / 4);
        assertThat(incremental.carriedPairs()).isPositive();
        Set<SourceRecordKey> moverCluster = incremental.clusters().stream().filter(c -> c.contains(mover.key()))
                .findFirst().map(Set::copyOf).orElseThrow();
        assertThat(moverCluster).contains(target.key());
    }

    @Test
    void aPairCarriedFromLastNightKeepsItsScoreAndEvidence() {
        List<Contact> night = people(300, 1, 17);
        MatchResult first = matcher.match(night);
        ScoredPair merged = first.pairs().stream().filter(pair -> pair.decision() == MatchDecision.MATCH).findFirst()
                .orElseThrow();
        List<Contact> arrivals = people(5, 5000, 19);
        List<Contact> next = new ArrayList<>(night);
        next.addAll(arrivals);

        MatchResult second = matcher.match(next, first.model(), keys(arrivals), first.pairs());

        assertThat(second.pairs()).contains(merged);
    }
}
