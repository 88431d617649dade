package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import com.custmaster.testing.MatchedNight;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code custmaster steward} through picocli against a real H2 database holding one matched night of
 * the sample data: what an operator types and reads, the exit codes, and what lands in the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StewardCommandTest {

    private static final LocalDate RUN = LocalDate.of(2026, 11, 22);

    @TempDir
    static Path temp;

    private static Path var;
    private static Map<String, Object> queued;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void matchOneNight() throws Exception {
        var = temp.resolve("var");
        PipelineConfig config = new ConfigLoader(name -> null).load(Path.of("conf"), var);
        MatchedNight.run(config, RUN).close();
    }

    private int steward(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "steward";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    private JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + var + "/db/custmaster;IFEXISTS=TRUE", "sa", ""));
    }

    private static String record(Map<String, Object> row, String side) {
        return row.get(side + "_source") + ":" + row.get(side + "_record_id");
    }

    @Test
    @Order(1)
    void listShowsTheQueueMostUsefulFirst() {
        int code = steward("list", "--var", var.toString(), "--limit", "3");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("\\d+ pairs in the review queue \\(run of 2026-11-22\\)");
        assertThat(out.toString().lines().count()).isEqualTo(2 + 3);
        String firstPair = out.toString().lines().skip(2).findFirst().orElseThrow();
        queued = database().queryForList("SELECT * FROM match_pair WHERE decision = 'review'").stream()
                .filter(row -> firstPair.contains(record(row, "left") + " ") && firstPair.contains(record(row, "right") + " "))
                .findFirst().orElseThrow();
    }

    @Test
    @Order(2)
    void rejectIsRecordedWithTheUserAndReasonAndShowTellsTheDecision() {
        int code = steward("reject", record(queued, "left"), record(queued, "right"), "--var", var.toString(), "--user", "alice",
                "--reason", "different people");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("recorded #1 reject").contains("by alice")
                .contains("takes effect at the next nightly run");
        Map<String, Object> action = database().queryForMap("SELECT * FROM steward_action");
        assertThat(action.get("actor")).isEqualTo("alice");
        assertThat(action.get("reason")).isEqualTo("different people");
        assertThat(database().queryForObject("SELECT verdict FROM steward_decision", String.class)).isEqualTo("different");

        out.getBuffer().setLength(0);
        assertThat(steward("--var", var.toString(), "show", record(queued, "right"), record(queued, "left"))).isZero();
        assertThat(out.toString()).contains("decision: different (#1 reject").contains("score (run of 2026-11-22)");
    }

    @Test
    @Order(3)
    void historyListsTheStewardsEntry() {
        String master = database().queryForObject("SELECT master_id FROM master_xref WHERE source = ? AND source_record_id = ?",
                String.class, queued.get("left_source"), queued.get("left_record_id"));

        assertThat(steward("history", master, "--var", var.toString())).isZero();

        assertThat(out.toString()).contains("reject").contains("alice").contains("different people")
                .contains(StewardServiceActor.NIGHTLY);
    }

    @Test
    @Order(4)
    void aRefusalExitsWithTwoAndOneLineNamingTheProblem() {
        assertThat(steward("split", "crm:NO-SUCH-ID", "--var", var.toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo("error: no source record crm:NO-SUCH-ID" + System.lineSeparator());

        err.getBuffer().setLength(0);
        assertThat(steward("list", "--var", temp.resolve("nowhere").toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).startsWith("error: no database at ");
    }

    @Test
    @Order(5)
    void anExportedQueueWithABadLineIsRefusedWholeAndAGoodOneIsRecorded() throws Exception {
        Path file = temp.resolve("queue.csv");
        assertThat(steward("export", "--out", file.toString(), "--limit", "2", "--var", var.toString())).isZero();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).doesNotContain(record(queued, "left") + "," + record(queued, "right"));

        List<String> bad = List.of(lines.get(0), lines.get(1).replaceAll(",,$", ",same,"),
                lines.get(2).replaceAll(",,$", ",perhaps,"));
        Path badFile = temp.resolve("bad.csv");
        Files.write(badFile, bad, StandardCharsets.UTF_8);
        assertThat(steward("import", badFile.toString(), "--var", var.toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("bad.csv line 3: decision 'perhaps'");
        assertThat(database().queryForObject("SELECT COUNT(*) FROM steward_action", Integer.class)).isEqualTo(1);

        List<String> good = List.of(lines.get(0), lines.get(1).replaceAll(",,$", ",same,"),
                lines.get(2).replaceAll(",,$", ",different,no"));
        Files.write(file, good, StandardCharsets.UTF_8);
        assertThat(steward("import", file.toString(), "--var", var.toString(), "--user", "bob")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 decisions recorded").contains("1 accepted, 1 rejected, 0 skipped");
        assertThat(database().queryForObject("SELECT COUNT(*) FROM steward_action WHERE actor = 'bob'", Integer.class))
                .isEqualTo(2);
    }

    /** The nightly's actor name in the audit, as the history prints it. */
    private static final class StewardServiceActor {
        static final String NIGHTLY = com.custmaster.steward.StewardService.NIGHTLY_ACTOR;
    }
}
