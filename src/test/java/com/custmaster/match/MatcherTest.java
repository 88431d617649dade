package com.custmaster.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.normalize.Emails;
import com.custmaster.normalize.Names;
import com.custmaster.normalize.PersonName;
import com.custmaster.normalize.Phones;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final MatchingConfig CONFIG = new ConfigLoader(name -> null).load(Path.of("conf"), Path.of("target/unused"))
            .matching();

    static Contact person(String source, String id, String name, String email, String phone, String birth, String postcode) {
        PersonName parsed = Names.normalize(name, null, null);
        String cleanEmail = Emails.clean(email);
        var number = Phones.normalize(phone, "CN");
        return new Contact(new SourceRecordKey(source, id), 1, parsed.fullName(), parsed.givenName(),
                parsed.familyName(), parsed.key(), cleanEmail, Emails.key(cleanEmail),
                number == null ? null : number.e164(), phone, birth == null ? null : LocalDate.parse(birth), null, null,
                postcode, null, "CN", null, null, null, null, Set.of());
    }

    @Test
    void theSamePersonInHanziAndPinyinIsMerged() {
        List<Contact> contacts = List.of(
                person("crm", "1", "Zhang Wei", "zhang.wei@example.com", "+86 138 0013 8000", "1985-03-12", null),
                person("distributor", "D1", "張偉", null, "13800138000", "1985-03-12", null),
                person("callcentre", "C1", "WEI, Zhang", "Zhang.Wei+shop@example.com", null, null, null));

        MatchResult result = new Matcher(CONFIG).match(contacts);

        assertThat(result.clusters()).hasSize(1);
        assertThat(result.clusters().get(0)).hasSize(3);
    }

    @Test
    void peopleWithTheSameCommonNameButNothingElseInCommonStayApart() {
        List<Contact> contacts = List.of(
                person("crm", "1", "张伟", null, "13800138000", "1985-03-12", "100001"),
                person("crm", "2", "张伟", null, "13900139000", "1990-07-01", "200002"));

        MatchResult result = new Matcher(CONFIG).match(contacts);

        assertThat(result.clusters()).hasSize(2);
    }

    @Test
    void colleaguesSharingASwitchboardNumberAreNotMerged() {
        List<Contact> contacts = List.of(
                person("crm", "1", "Li Na", "li.na@acme.example", "+86 21 6234 5678", "1980-01-02", null),
                person("crm", "2", "Wang Fang", "wang.fang@acme.example", "+86 21 6234 5678", "1975-05-06", null));

        MatchResult result = new Matcher(CONFIG).match(contacts);

        assertThat(result.clusters()).hasSize(2);
        assertThat(result.count(MatchDecision.MATCH)).isZero();
    }

    @Test
    void aTypoInTheNameWithTheSamePhoneAndBirthDateStillMerges() {
        List<Contact> contacts = List.of(
                person("crm", "1", "Jonathan Smith", null, "+44 7911 123456", "1970-02-03", null),
                person("legacy", "9", "Jonathon Smith", null, "+44 7911 123456", "1970-03-02", null));

        MatchResult result = new Matcher(CONFIG).match(contacts);

        assertThat(result.clusters()).hasSize(1);
        ScoredPair pair = result.pairs().get(0);
        assertThat(pair.levels()).extracting(ScoredPair.FieldEvidence::level)
                .contains("jaro_winkler_0.92", "transposed_or_one_digit");
    }

    @Test
    void oversizedBlocksAreSkippedAndCounted() {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < CONFIG.maxBlockSize() + 1; i++) {
            contacts.add(person("crm", "id" + i, "Person " + i, null, "+86 21 6234 5678", null, null));
        }

        MatchResult result = new Matcher(CONFIG).match(contacts);

        assertThat(result.oversizedBlocks().get("phone")).isEqualTo(1L);
        assertThat(result.candidatePairsPerRule().get("phone")).isZero();
        assertThat(result.clusters()).hasSize(contacts.size());
    }

    @Test
    void clustersDoNotDependOnInputOrder() {
        List<Contact> contacts = new ArrayList<>(List.of(
                person("crm", "1", "Ann Lee", "ann@example.com", null, null, null),
                person("shop", "2", "Ann Lee", "ann@example.com", null, null, null),
                person("shop", "3", "Bob Ray", "bob@example.com", null, null, null)));
        MatchResult forward = new Matcher(CONFIG).match(contacts);
        java.util.Collections.reverse(contacts);
        MatchResult backward = new Matcher(CONFIG).match(contacts);

        assertThat(backward.clusters()).isEqualTo(forward.clusters());
    }

    @Test
    void aPairsEvidenceAddsUpToItsMatchWeightAndReadsAsOneLine() {
        List<Contact> contacts = List.of(
                person("crm", "1", "Jonathan Smith", null, "+44 7911 123456", "1970-02-03", null),
                person("legacy", "9", "Jonathon Smith", null, "+44 7911 123456", "1970-03-02", null));

        MatchResult result = new Matcher(CONFIG).match(contacts);

        ScoredPair pair = result.pairs().get(0);
        double sum = result.model().priorWeight() + pair.levels().stream().mapToDouble(ScoredPair.FieldEvidence::weight).sum();
        assertThat(sum).isCloseTo(pair.matchWeight(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pair.explanation()).startsWith("family_key=exact:+").contains("; phone=exact:+")
                .contains("email_key=missing:+0.00");
    }

    @Test
    void swappedGivenAndFamilyNamesCountOnceNotTwice() {
        List<Contact> contacts = List.of(
                person("crm", "1", "Feng, Li", null, "+86 150 7412 0743", null, "430073"),
                person("distributor", "D1", "Li, Feng", null, "+852 9217 3767", null, null),
                person("crm", "2", "Wang, Fang", null, "+86 139 0000 1111", "1980-01-02", "200001"),
                person("legacy", "9", "Fang, Wang", null, "+86 139 0000 1111", "1980-01-02", null));

        MatchResult result = new Matcher(CONFIG).match(contacts);

        // names alone, swapped, with different phones: not one person
        assertThat(result.clusters()).noneMatch(cluster -> cluster.contains(contacts.get(0).key())
                && cluster.contains(contacts.get(1).key()));
        // swapped names with the same phone and birth date: one person, the swap counted on one field
        ScoredPair swapped = result.pairs().stream().filter(pair -> pair.right().equals(contacts.get(3).key())
                || pair.left().equals(contacts.get(3).key())).findFirst().orElseThrow();
        assertThat(swapped.decision()).isEqualTo(MatchDecision.MATCH);
        assertThat(swapped.levels()).filteredOn(evidence -> evidence.level().startsWith("swapped"))
                .extracting(ScoredPair.FieldEvidence::weight).containsExactlyInAnyOrder(0.0,
                        swapped.levels().stream().filter(e -> e.field().equals("family_key")).findFirst().orElseThrow()
                                .weight());
        assertThat(swapped.levels().stream().filter(e -> e.field().equals("family_key")).findFirst().orElseThrow()
                .weight()).isPositive();
    }
}
