package com.custmaster.steward;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.ingest.StagingStore;
import com.custmaster.master.MasterRunStats;
import com.custmaster.master.MasterService;
import com.custmaster.master.MasterStore;
import com.custmaster.match.RecordPair;
import com.custmaster.testing.MatchedNight;
import com.custmaster.testing.SampleContacts;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The bar for the steward workflow: night 1 queues pairs; a steward accepts one, rejects
 * one and splits one record; night 2 (a new record arriving) and night 3 (a retraining that compares
 * every pair again) honour all three, and the audit shows who did what and what the nights made of it.
 */
class StewardNightsTest {

    private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 22);
    private static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);
    private static final LocalDate NIGHT_3 = NIGHT_1.plusDays(2);

    @TempDir
    Path temp;

    private JdbcTemplate jdbc;

    private String masterOf(SourceRecordKey key) {
        return jdbc.queryForObject("SELECT master_id FROM master_xref WHERE source = ? AND source_record_id = ?", String.class,
                key.source(), key.sourceRecordId());
    }

    private List<SourceRecordKey> membersOf(String masterId) {
        return jdbc.query("SELECT source, source_record_id FROM master_xref WHERE master_id = ? ORDER BY source, "
                + "source_record_id", (rs, row) -> new SourceRecordKey(rs.getString(1), rs.getString(2)), masterId);
    }

    /** Each sample record's true person, from data-samples/truth/contacts_truth.csv. */
    private static Map<SourceRecordKey, String> persons() throws IOException {
        Map<SourceRecordKey, String> persons = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(Path.of("data-samples/truth/contacts_truth.csv"));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            parser.forEach(row -> persons.put(new SourceRecordKey(row.get("source"), row.get("source_record_id")),
                    row.get("person_id")));
        }
        return persons;
    }

    @Test
    void anAcceptARejectAndASplitHoldOverTheNextNightsAndTheAuditTellsTheStory() throws Exception {
        PipelineConfig config = new ConfigLoader(name -> null).load(Path.of("conf"), temp.resolve("var"));
        // Night 1: the sample data, matched with no decisions; pairs are queued.
        try (MatchedNight first = MatchedNight.run(config, NIGHT_1)) {
            jdbc = first.jdbc();
            StagingStore staging = new StagingStore(jdbc);
            MasterService master = new MasterService(new MasterStore(jdbc), config);
            StewardService steward = new StewardService(jdbc, new DataSourceTransactionManager(first.dataSource()),
                    config.matching(), Clock.systemDefaultZone());
            SampleContacts sample = first.sample();
            assertThat(steward.queueSize()).isPositive();

            // The steward accepts a queued pair of two master records that are one person (data-samples' truth) ...
            Map<SourceRecordKey, String> persons = persons();
            QueuedPair accepted = steward.queue(1000).stream().filter(pair -> !pair.sameMaster())
                    .filter(pair -> persons.get(pair.pair().left()).equals(persons.get(pair.pair().right())))
                    .findFirst().orElseThrow();
            steward.accept(accepted.pair(), "alice", "same customer number on both invoices");
            // ... rejects a pair the machine merged on its own ...
            RecordPair rejected = jdbc.query("SELECT left_source, left_record_id, right_source, right_record_id FROM match_pair "
                            + "WHERE run_date = ? AND decision = 'match' ORDER BY match_weight, left_source, left_record_id",
                            (rs, row) -> new RecordPair(new SourceRecordKey(rs.getString(1), rs.getString(2)),
                                    new SourceRecordKey(rs.getString(3), rs.getString(4))), NIGHT_1).stream()
                    .filter(pair -> membersOf(masterOf(pair.left())).size() == 2)
                    .filter(pair -> !Set.of(pair.left(), pair.right()).contains(accepted.pair().left())
                            && !Set.of(pair.left(), pair.right()).contains(accepted.pair().right()))
                    .findFirst().orElseThrow();
            assertThat(masterOf(rejected.left())).isEqualTo(masterOf(rejected.right()));
            steward.reject(rejected, "bob", "twins: same address, different first names");
            // ... and splits a record out of a master record of three or more.
            String splitFrom = jdbc.queryForObject("SELECT master_id FROM master_xref GROUP BY master_id HAVING COUNT(*) >= 3 "
                    + "ORDER BY master_id FETCH FIRST 1 ROWS ONLY", String.class);
            List<SourceRecordKey> before = membersOf(splitFrom);
            SourceRecordKey splitOut = before.get(before.size() - 1);
            steward.split(splitOut, "carol", "a namesake at the same postcode");
            assertThat(steward.queue(1000)).extracting(QueuedPair::pair).doesNotContain(accepted.pair(), rejected);

            // Night 2: one new record arrives, a fresh copy of the accepted pair's left record.
            Contact original = sample.current().stream().filter(c -> c.key().equals(accepted.pair().left())).findFirst()
                    .orElseThrow();
            SourceRecordKey arriving = new SourceRecordKey("crm", "CRM-NEW-1");
            Contact copy = new Contact(arriving, 1, original.fullName(), original.givenName(), original.familyName(),
                    original.nameKey(), original.email(), original.emailKey(), original.phone(), original.phoneRaw(),
                    original.birthDate(), original.addressLine(), original.city(), original.postcode(), original.region(),
                    original.country(), original.company(), original.companyKey(), original.idNumber(), original.updatedAt(),
                    original.qualityFlags());
            staging.insertStaged(NIGHT_2, List.of(copy), List.of("test"));
            MasterRunStats night2 = master.run(NIGHT_2, MasterService.Mode.INCREMENTAL, steward.links());
            assertThat(night2.matching()).isEqualTo("incremental");
            assertDecisionsHold(accepted.pair(), rejected, splitOut, before, splitFrom);
            assertThat(masterOf(arriving)).as("the new record joins the accepted master").isEqualTo(masterOf(accepted.pair().left()));
            assertThat(steward.queue(1000)).extracting(QueuedPair::pair).doesNotContain(accepted.pair(), rejected);

            // Night 3: a retraining compares every pair again (the accepted pair teaches the model); the decisions still hold.
            MasterRunStats night3 = master.run(NIGHT_3, MasterService.Mode.RETRAIN, steward.links());
            assertThat(night3.matching()).isEqualTo("retrained");
            assertDecisionsHold(accepted.pair(), rejected, splitOut, before, splitFrom);
            assertThat(night3.created() + night3.merged() + night3.split()).as("nothing else moves on night 3").isZero();

            // The audit: the steward's action, then the night that carried it out.
            String acceptedMaster = masterOf(accepted.pair().left());
            List<AuditEntry> history = steward.history(acceptedMaster);
            AuditEntry accept = history.stream().filter(e -> e.action().equals("accept")).findFirst().orElseThrow();
            assertThat(accept.actor()).isEqualTo("alice");
            assertThat(accept.reason()).isEqualTo("same customer number on both invoices");
            AuditEntry merged = history.stream().filter(e -> e.action().equals("merged")).findFirst().orElseThrow();
            assertThat(merged.actor()).isEqualTo(StewardService.NIGHTLY_ACTOR);
            assertThat(merged.runDate()).isEqualTo(NIGHT_2);
            assertThat(history.indexOf(accept)).isLessThan(history.indexOf(merged));
            assertThat(steward.master(merged.masterId()).redirected()).as("the retired ID redirects").isTrue();

            List<AuditEntry> splitHistory = steward.history(splitFrom);
            assertThat(splitHistory).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("split");
                assertThat(e.actor()).isEqualTo("carol");
            });
            assertThat(splitHistory).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("split");
                assertThat(e.actor()).isEqualTo(StewardService.NIGHTLY_ACTOR);
                assertThat(e.masterId()).isEqualTo(masterOf(splitOut));
                assertThat(e.runDate()).isEqualTo(NIGHT_2);
            });
        }
    }

    private void assertDecisionsHold(RecordPair accepted, RecordPair rejected, SourceRecordKey splitOut,
                                     List<SourceRecordKey> splitFromMembers, String splitFrom) {
        assertThat(masterOf(accepted.left())).as("accepted pair in one master").isEqualTo(masterOf(accepted.right()));
        assertThat(masterOf(rejected.left())).as("rejected pair apart").isNotEqualTo(masterOf(rejected.right()));
        String splitMaster = masterOf(splitOut);
        assertThat(splitMaster).as("the split record has a master of its own").isNotEqualTo(splitFrom);
        for (SourceRecordKey other : splitFromMembers) {
            if (!other.equals(splitOut)) {
                assertThat(masterOf(other)).as("the rest keep their master ID").isEqualTo(splitFrom);
            }
        }
    }
}
