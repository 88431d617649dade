package com.custmaster.steward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.match.RecordPair;
import com.custmaster.match.StewardLinks;
import com.custmaster.testing.MatchedNight;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The steward workflow on a real H2 database holding one matched night of the sample data: the
 * queue, each action and what it writes (action, pair decisions, audit), undo, and the all-or-nothing
 * import. What the next nights make of the decisions is {@link StewardNightsTest}.
 */
class StewardServiceTest {

    private static final LocalDate RUN = LocalDate.of(2026, 11, 22);

    @TempDir
    static Path temp;

    private static MatchedNight night;
    private static JdbcTemplate jdbc;
    private static StewardService service;

    @BeforeAll
    static void matchOneNight() throws Exception {
        PipelineConfig config = new ConfigLoader(name -> null).load(Path.of("conf"), temp.resolve("var"));
        night = MatchedNight.run(config, RUN);
        jdbc = night.jdbc();
        service = new StewardService(jdbc, new DataSourceTransactionManager(night.dataSource()), config.matching(),
                Clock.systemDefaultZone());
    }

    @AfterAll
    static void close() {
        night.close();
    }

    @BeforeEach
    void forgetEveryDecision() {
        jdbc.update("DELETE FROM steward_decision");
        jdbc.update("DELETE FROM steward_action");
        jdbc.update("DELETE FROM master_audit WHERE actor <> ?", StewardService.NIGHTLY_ACTOR);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    @Test
    void theQueueHoldsTheRunsReviewPairsNearestTheMiddleOfTheBandFirst() {
        long review = count("SELECT COUNT(*) FROM match_pair WHERE run_date = ? AND decision = 'review'", RUN);
        assertThat(review).as("the sample night queues pairs").isGreaterThan(3);
        List<QueuedPair> queue = service.queue(1000);
        assertThat(queue).hasSize((int) review);
        assertThat(service.queueSize()).isEqualTo((int) review);
        // Between the thresholds, or above the upper one but held back by a merge or chain guard.
        assertThat(queue).allSatisfy(pair -> assertThat(pair.matchProbability()).isGreaterThanOrEqualTo(0.5));
        double middle = (Math.log(0.5 / 0.5) + Math.log(0.95 / 0.05)) / Math.log(2) / 2;
        for (int i = 1; i < queue.size(); i++) {
            assertThat(Math.abs(queue.get(i).matchWeight() - middle))
                    .isGreaterThanOrEqualTo(Math.abs(queue.get(i - 1).matchWeight() - middle) - 1e-9);
        }
        assertThat(service.queue(2)).containsExactlyElementsOf(queue.subList(0, 2));
    }

    @Test
    void anAcceptedPairLeavesTheQueueAndIsWrittenWithWhoWhenAndWhy() {
        QueuedPair first = service.queue(1).get(0);
        StewardAction action = service.accept(first.pair(), "alice", "same passport number");

        assertThat(action.kind()).isEqualTo(ActionKind.ACCEPT);
        assertThat(action.actor()).isEqualTo("alice");
        assertThat(action.pair()).isEqualTo(first.pair());
        assertThat(service.queue(1000)).extracting(QueuedPair::pair).doesNotContain(first.pair());
        assertThat(service.links().same()).containsExactly(first.pair());
        assertThat(service.links().different()).isEmpty();
        Map<String, Object> audit = jdbc.queryForMap("SELECT * FROM master_audit WHERE actor = 'alice'");
        assertThat(audit.get("action")).isEqualTo("accept");
        assertThat(audit.get("master_id")).isEqualTo(first.leftMasterId());
        assertThat(audit.get("reason")).isEqualTo("same passport number");
        assertThat(audit.get("detail").toString()).contains(first.pair().toString());
        assertThat(service.pair(first.pair()).verdict()).isEqualTo(Verdict.SAME);
    }

    @Test
    void aSkippedPairStaysInTheQueueBehindTheOthers() {
        List<QueuedPair> before = service.queue(1000);
        service.skip(before.get(0).pair(), "bob", null);

        List<QueuedPair> after = service.queue(1000);
        assertThat(after).hasSameSizeAs(before);
        assertThat(after.get(after.size() - 1).pair()).isEqualTo(before.get(0).pair());
        assertThat(after.get(after.size() - 1).skipped()).isTrue();
        assertThat(service.links().isEmpty()).isTrue();
    }

    @Test
    void theLatestDecisionOnAPairWinsAndAnUndoTakesItBack() {
        RecordPair pair = service.queue(1).get(0).pair();
        service.accept(pair, "alice", null);
        StewardAction reject = service.reject(pair, "bob", "different birth dates");
        assertThat(service.links()).isEqualTo(new StewardLinks(java.util.Set.of(), java.util.Set.of(pair)));

        StewardAction undo = service.undo(pair.right().toString(), "bob", "wrong pair");
        assertThat(undo.undoes()).isEqualTo(reject.id());
        assertThat(service.action(reject.id()).orElseThrow().undoneBy()).isEqualTo(undo.id());
        assertThat(service.links().same()).containsExactly(pair);

        service.undo(pair.left().toString(), "bob", null);
        assertThat(service.links().isEmpty()).isTrue();
        assertThat(service.queue(1000)).extracting(QueuedPair::pair).contains(pair);
        assertThatThrownBy(() -> service.undo(pair.left().toString(), "bob", null))
                .isInstanceOf(StewardException.class).hasMessageContaining("no action on " + pair.left());
    }

    @Test
    void aMergeDecidesEveryPairBetweenTheTwoMastersTheSame() {
        QueuedPair queued = service.queue(1000).stream().filter(pair -> !pair.sameMaster()).findFirst().orElseThrow();
        String a = queued.leftMasterId();
        String b = queued.rightMasterId();
        long records = count("SELECT COUNT(*) FROM master_xref WHERE master_id = ?", a)
                * count("SELECT COUNT(*) FROM master_xref WHERE master_id = ?", b);

        StewardAction merge = service.merge(b, a, "carol", "one household account");

        assertThat(merge.masterId()).isEqualTo(a.compareTo(b) < 0 ? a : b);
        assertThat(service.links().same()).hasSize((int) records).contains(queued.pair());
        assertThat(count("SELECT COUNT(*) FROM steward_decision WHERE action_id = ? AND verdict = 'same'", merge.id()))
                .isEqualTo(records);
        assertThatThrownBy(() -> service.merge(a, a, "carol", null)).isInstanceOf(StewardException.class)
                .hasMessageContaining("with itself");
        assertThatThrownBy(() -> service.merge(a, "M999999999", "carol", null)).isInstanceOf(StewardException.class)
                .hasMessageContaining("no master record M999999999");
    }

    @Test
    void aSplitDecidesTheRecordDifferentFromEveryOtherRecordOfItsMaster() {
        String master = jdbc.queryForObject("SELECT master_id FROM master_xref GROUP BY master_id HAVING COUNT(*) >= 3 "
                + "ORDER BY master_id FETCH FIRST 1 ROWS ONLY", String.class);
        List<SourceRecordKey> members = jdbc.query("SELECT source, source_record_id FROM master_xref WHERE master_id = ? "
                + "ORDER BY source, source_record_id", (rs, row) -> new SourceRecordKey(rs.getString(1), rs.getString(2)), master);

        StewardAction split = service.split(members.get(0), "dave", "a namesake");

        assertThat(split.record()).isEqualTo(members.get(0));
        assertThat(split.masterId()).isEqualTo(master);
        assertThat(service.links().different()).hasSize(members.size() - 1)
                .allSatisfy(pair -> assertThat(pair.left().equals(members.get(0)) || pair.right().equals(members.get(0))).isTrue());
        assertThat(service.master(master).decisions()).extracting(StewardAction::id).contains(split.id());
        assertThat(service.history(master)).extracting(AuditEntry::actor).contains("dave");

        String single = jdbc.queryForObject("SELECT master_id FROM master_xref GROUP BY master_id HAVING COUNT(*) = 1 "
                + "ORDER BY master_id FETCH FIRST 1 ROWS ONLY", String.class);
        SourceRecordKey alone = jdbc.queryForObject("SELECT source, source_record_id FROM master_xref WHERE master_id = ?",
                (rs, row) -> new SourceRecordKey(rs.getString(1), rs.getString(2)), single);
        assertThatThrownBy(() -> service.split(alone, "dave", null)).isInstanceOf(StewardException.class)
                .hasMessageContaining("only record of " + single);
    }

    @Test
    void unknownRecordsAndNamelessActorsAreRefusedAndNothingIsWritten() {
        RecordPair real = service.queue(1).get(0).pair();
        RecordPair unknown = RecordPair.of(real.left(), new SourceRecordKey("crm", "NO-SUCH-ID"));
        assertThatThrownBy(() -> service.accept(unknown, "alice", null)).isInstanceOf(StewardException.class)
                .hasMessageContaining("no source record crm:NO-SUCH-ID");
        assertThatThrownBy(() -> service.reject(real, " ", null)).isInstanceOf(StewardException.class)
                .hasMessageContaining("must be named");
        assertThatThrownBy(() -> service.reject(real, StewardService.NIGHTLY_ACTOR, null)).isInstanceOf(StewardException.class);
        assertThat(count("SELECT COUNT(*) FROM steward_action")).isZero();
    }

    @Test
    void anExportedQueueComesBackAsDecisionsAndABadLineRefusesTheWholeFile() {
        List<QueuedPair> queue = service.queue(3);
        StringWriter csv = new StringWriter();
        DecisionCsv.write(queue, service::sourceRecord, csv);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo(String.join(",", DecisionCsv.EXPORT_HEADER));

        // The reviewer fills the decision column of two rows: same, then different (with a reason).
        String filled = lines[0] + "\r\n" + lines[1].replaceAll(",,$", ",same,") + "\r\n"
                + lines[2].replaceAll(",,$", ",different,not the same person") + "\r\n" + lines[3] + "\r\n";
        List<ImportedDecision> rows = DecisionCsv.read(new StringReader(filled), "queue.csv");
        assertThat(rows).extracting(ImportedDecision::kind).containsExactly(ActionKind.ACCEPT, ActionKind.REJECT);
        assertThat(rows).extracting(ImportedDecision::line).containsExactly(2L, 3L);

        // A file naming an unknown record on its third line is refused whole: nothing is written.
        String bad = filled.replace(lines[2].substring(0, lines[2].indexOf(',')), "crm:NO-SUCH-ID");
        List<ImportedDecision> badRows = DecisionCsv.read(new StringReader(bad), "queue.csv");
        assertThatThrownBy(() -> service.importDecisions(badRows, "erin", "queue.csv")).isInstanceOf(StewardException.class)
                .hasMessage("queue.csv line 3: no source record crm:NO-SUCH-ID");
        assertThat(count("SELECT COUNT(*) FROM steward_action")).isZero();

        List<StewardAction> written = service.importDecisions(rows, "erin", "queue.csv");
        assertThat(written).hasSize(2);
        assertThat(service.links().same()).containsExactly(queue.get(0).pair());
        assertThat(service.links().different()).containsExactly(queue.get(1).pair());
        assertThat(jdbc.queryForObject("SELECT detail FROM master_audit WHERE actor = 'erin' ORDER BY audit_id "
                + "FETCH FIRST 1 ROWS ONLY", String.class)).contains("imported from queue.csv line 2");
    }

    @Test
    void aMalformedDecisionFileIsRefusedNamingTheLine() {
        String header = "left_record,right_record,decision,reason\r\n";
        assertThatThrownBy(() -> DecisionCsv.read(new StringReader("left_record,decision\r\ncrm:1,same\r\n"), "d.csv"))
                .hasMessage("d.csv line 1: no column 'right_record' in the header (needed: left_record, right_record, "
                        + "decision; optional: reason)");
        assertThatThrownBy(() -> DecisionCsv.read(new StringReader(header + "crm:1,crm:2,same,\r\ncrm:1,crm:3,maybe,\r\n"),
                "d.csv")).hasMessageStartingWith("d.csv line 3: decision 'maybe' is not one of same, different, skip");
        assertThatThrownBy(() -> DecisionCsv.read(new StringReader(header + "crm1,crm:2,same,\r\n"), "d.csv"))
                .hasMessageStartingWith("d.csv line 2: left_record: a record is named SOURCE:ID");
        assertThatThrownBy(() -> DecisionCsv.read(new StringReader(header + "crm:1,crm:2,same,\r\ncrm:2,crm:1,different,\r\n"),
                "d.csv")).hasMessage("d.csv line 3: the pair crm:1 ~ crm:2 was already decided on line 2");
        assertThatThrownBy(() -> DecisionCsv.read(new StringReader(header + "crm:1,crm:2,same\r\n"), "d.csv"))
                .hasMessage("d.csv line 2: 3 cells, the header has 4");
        // A formula-like record id written safely by the export reads back as the id it was.
        assertThat(DecisionCsv.read(new StringReader(header + "'=crm:1,crm:2,same,\r\n"), "d.csv").get(0).pair().left())
                .isEqualTo(new SourceRecordKey("=crm", "1"));
    }
}
